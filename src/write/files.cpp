#include "write/files.hpp"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <system_error>
#include <utility>

namespace reportkg::write {
namespace {

namespace fs = std::filesystem;

// A long document is put on disk in parts of this size as it grows (see StagedFile::append).
constexpr std::uint64_t kWriteOutEvery = 8 << 20;
// An output document gathers the pieces appended to it into writes of this size: a report's few
// kB each would be a system call each, and a system call costs much on a virtual machine (one
// write per report made a TriG document of 20 000 reports 1.05 times slower, in turns).
constexpr std::size_t kGatherBytes = 1 << 20;

std::string os_message(int err) { return std::error_code(err, std::generic_category()).message(); }

Error output_error(const std::string& path, const std::string& what, int err) {
  return make_error(ErrorCode::kOutput, what + ": " + os_message(err),
                    path == "-" ? std::string("<stdout>") : path);
}

// Writes all of `data` to `fd`; returns 0 or errno.
int write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) return EIO;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

Status write_stdout(std::string_view data) {
  if (!data.empty() && std::fwrite(data.data(), 1, data.size(), stdout) != data.size()) {
    const int err = errno;
    std::clearerr(stdout);
    return output_error("-", "cannot write", err ? err : EIO);
  }
  if (std::fflush(stdout) != 0) {
    const int err = errno;
    std::clearerr(stdout);
    return output_error("-", "cannot write", err ? err : EIO);
  }
  return {};
}

// Makes a new file named like `pattern`, its last six characters made unique: `make(name)` tries
// one name and returns -1 with errno EEXIST if it is taken. Returns what `make` returned last.
template <typename Make>
int make_unique_name(std::string& pattern, Make make) {
  static constexpr char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  thread_local std::mt19937_64 random{std::random_device{}()};
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::uint64_t bits = random();
    for (std::size_t i = pattern.size() - 6; i < pattern.size(); ++i, bits /= 62) {
      pattern[i] = kChars[bits % 62];
    }
    const int made = make(pattern.c_str());
    if (made >= 0 || errno != EEXIST) return made;
  }
  errno = EEXIST;
  return -1;
}

// The directory a file is in ("." for a bare name).
fs::path directory_of(const fs::path& file) {
  fs::path dir = file.parent_path();
  return dir.empty() ? fs::path(".") : dir;
}

// The name of a temporary file beside `target`, its last six characters to be made unique:
// ".NAME.tmp-XXXXXX", NAME cut short (before a character) where the whole would be longer than
// a name may be in that directory.
std::string temp_pattern(const fs::path& target) {
  constexpr std::string_view kSuffix = ".tmp-XXXXXX";
  constexpr std::size_t kAdded = 1 + kSuffix.size();  // the leading '.' and the suffix
  const fs::path dir = directory_of(target);
  const long name_max = ::pathconf(dir.c_str(), _PC_NAME_MAX);
  const auto longest = static_cast<std::size_t>(name_max > 0 ? name_max : NAME_MAX);
  std::string name = target.filename().string();
  if (kAdded + name.size() > longest) {
    std::size_t cut = longest > kAdded ? longest - kAdded : 0;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  return (dir / ("." + name + std::string(kSuffix))).string();
}

// A new file without a name in the directory of `target` (O_TMPFILE), with the mode any new
// file gets (0666 under the umask); -1 where the filesystem has no such files, or where the
// file could not be given its name later, through /proc/self/fd (see put_in_place).
int create_unnamed(const fs::path& target) {
  static const bool linkable = ::access("/proc/self/fd", X_OK) == 0;
  static std::atomic<bool> unsupported{false};  // once seen, not asked again
  if (!linkable || unsupported.load(std::memory_order_relaxed)) return -1;
  const int fd = ::open(directory_of(target).c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  // Kernels without O_TMPFILE say EISDIR, filesystems without it EOPNOTSUPP.
  if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
    unsupported.store(true, std::memory_order_relaxed);
  }
  return fd;
}

// Where an output path leads: standard output, a device or pipe written directly, or the regular
// file to create or replace (through symbolic links, the file they point to: the links are kept).
struct Target {
  enum Kind { kStandardOutput, kDevice, kFile };
  Kind kind = kFile;
  fs::path file;                        // kFile: the file
  std::optional<struct stat> replaces;  // kFile: the file it replaces, if any
};

// The file `fd` leads to (device and inode), if it is open.
std::optional<std::pair<dev_t, ino_t>> file_of(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return std::nullopt;
  return std::pair(st.st_dev, st.st_ino);
}

// Whether `st` is what standard output (STDOUT_FILENO) or standard error (STDERR_FILENO) leads
// to (as "/dev/stdout" names standard output's file, among any other names of it). They are
// looked at once: a run writing a file per report over old ones asks for every file.
bool is_open_as(int fd, const struct stat& st) {
  static const auto out = file_of(STDOUT_FILENO);
  static const auto err = file_of(STDERR_FILENO);
  const auto& open = fd == STDOUT_FILENO ? out : err;
  return open && *open == std::pair(st.st_dev, st.st_ino);
}

Result<Target> find_target(const std::string& path) {
  if (path == "-") return Target{Target::kStandardOutput, {}, {}};
  if (path.empty()) return make_error(ErrorCode::kOutput, "empty output path");
  fs::path target(path);
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return Target{Target::kFile, std::move(target), {}};
  bool link = S_ISLNK(st.st_mode);
  const bool dangling = link && ::stat(path.c_str(), &st) != 0;  // then create its file
  if (!dangling) {
    if (S_ISDIR(st.st_mode)) return make_error(ErrorCode::kOutput, "is a directory", path);
    // What standard output goes to (/dev/stdout, or a file the shell redirected it to) is
    // written through it, as "-" would be: a file is not replaced (which would undo an append,
    // `>>`), and a closed standard output is an error.
    if (is_open_as(STDOUT_FILENO, st)) return Target{Target::kStandardOutput, {}, {}};
    if (!S_ISREG(st.st_mode)) return Target{Target::kDevice, {}, {}};
    if (is_open_as(STDERR_FILENO, st)) {
      return make_error(ErrorCode::kUsage, "is standard error's file; choose another output file",
                        path);
    }
  }
  const std::optional<struct stat> replaces =
      dangling ? std::nullopt : std::optional<struct stat>(st);
  // Follow the links (as the kernel would, at most 40) to the file to replace, existing or not.
  for (int hops = 0; link && hops < 40; ++hops) {
    std::error_code ec;
    const fs::path next = fs::read_symlink(target, ec);
    if (ec) break;
    target = next.is_absolute() ? next : target.parent_path() / next;
    link = fs::is_symlink(fs::symlink_status(target, ec));
  }
  if (link) return output_error(path, "cannot create", ELOOP);  // a loop of links, as open says
  return Target{Target::kFile, std::move(target), replaces};
}

}  // namespace

StagedFile::StagedFile(StagedFile&& other) noexcept
    : path_(std::move(other.path_)),
      target_(std::move(other.target_)),
      temp_(std::move(other.temp_)),
      fd_(std::exchange(other.fd_, -1)),
      written_(other.written_),
      written_out_(other.written_out_) {}

StagedFile& StagedFile::operator=(StagedFile&& other) noexcept {
  if (this != &other) {
    discard();
    path_ = std::move(other.path_);
    target_ = std::move(other.target_);
    temp_ = std::move(other.temp_);
    fd_ = std::exchange(other.fd_, -1);
    written_ = other.written_;
    written_out_ = other.written_out_;
  }
  return *this;
}

StagedFile::~StagedFile() { discard(); }

void StagedFile::discard() noexcept {
  if (fd_ < 0) return;
  ::close(fd_);
  if (!temp_.empty()) ::unlink(temp_.c_str());
  fd_ = -1;
}

Result<StagedFile> StagedFile::create(const std::string& path, const std::string& target,
                                      const std::optional<struct stat>& replaces) {
  StagedFile file;
  file.path_ = path;
  file.target_ = target;
  // From here on, destroying `file` closes the file: one without a name is gone then, and a
  // temporary file is removed.
  file.fd_ = create_unnamed(target);
  if (file.fd_ < 0) {
    file.temp_ = temp_pattern(target);
    file.fd_ = make_unique_name(file.temp_, [](const char* name) {
      return ::open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    });
    if (file.fd_ < 0) return output_error(path, "cannot create", errno);
  }
  // A file rewritten keeps its permissions, and its owner and group where this process may give
  // them (as `sed -i` does); otherwise they are this process's, as a new file's are.
  if (replaces) {
    [[maybe_unused]] const bool owned =
        ::fchown(file.fd_, replaces->st_uid, replaces->st_gid) == 0 ||
        ::fchown(file.fd_, static_cast<uid_t>(-1), replaces->st_gid) == 0;
    if (::fchmod(file.fd_, replaces->st_mode & 0777) != 0) {
      return output_error(path, "cannot create", errno);
    }
  }
  return file;
}

int StagedFile::put_in_place(const char*& what) {
  int err = 0;
  if (temp_.empty()) {
    // A file without a name gets its name, then is closed. Where something took the name
    // meanwhile, it is replaced as a temporary file would replace it: linked under a temporary
    // name, then renamed.
    const std::string self = "/proc/self/fd/" + std::to_string(fd_);
    const auto link_as = [&](const char* name) {
      return ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name, AT_SYMLINK_FOLLOW);
    };
    what = "cannot link into place";
    if (link_as(target_.c_str()) != 0) {
      err = errno;
      if (err == EEXIST) {
        temp_ = temp_pattern(target_);
        err = make_unique_name(temp_, link_as) != 0 ? errno : 0;
        if (err) temp_.clear();  // nothing of that name was made
      }
    }
    // Closed: unless linked, the file is gone.
    if (::close(std::exchange(fd_, -1)) != 0 && !err) {
      err = errno;
      what = "cannot write";
      if (temp_.empty()) ::unlink(target_.c_str());  // made by the link above
    }
    if (temp_.empty()) return err;
  } else if (::close(std::exchange(fd_, -1)) != 0) {
    err = errno;
    what = "cannot write";
  }
  if (!err && ::rename(temp_.c_str(), target_.c_str()) != 0) {
    err = errno;
    what = "cannot rename into place";
  }
  if (err) ::unlink(temp_.c_str());
  return err;
}

Status StagedFile::append(std::string_view data) {
  while (!data.empty()) {
    const std::string_view piece = data.substr(0, kWriteOutEvery - (written_ - written_out_));
    if (const int err = write_all(fd_, piece)) return output_error(path_, "cannot write", err);
    written_ += piece.size();
    data.remove_prefix(piece.size());
    if (written_ - written_out_ == kWriteOutEvery) {
      // Start putting this part on disk now, while the next is made, so that the sync before
      // the rename waits for the last part only. Only a request: errors show at that sync.
      ::sync_file_range(fd_, static_cast<off_t>(written_out_), kWriteOutEvery,
                        SYNC_FILE_RANGE_WRITE);
      written_out_ = written_;
    }
  }
  return {};
}

Result<StagedFile> stage_file(const std::string& path, std::string_view data) {
  auto out = OutputFile::open(path);
  if (!out) return out.error();
  if (out->direct()) {  // written at once: nothing to put in place
    if (Status s = out->append(data); !s) return s.error();
    if (Status s = out->commit(); !s) return s.error();
    return StagedFile();
  }
  if (Status s = out->file_.append(data); !s) return s.error();  // in one piece: nothing gathered
  return std::move(out->file_);
}

PendingFile::PendingFile(std::string path, std::string data)
    : path_(std::move(path)), data_(std::move(data)), size_(data_.size()) {}

void PendingFile::write() {
  if (written_) return;
  written_ = stage_file(path_, data_);
  data_ = std::string();
}

void FileBatch::add(PendingFile file) {
  bytes_ += file.size();
  pending_.push_back(std::move(file));
}

void FileBatch::add(StagedFile file) {
  if (!file.empty()) files_.push_back(std::move(file));
}

std::vector<Error> FileBatch::write() {
  std::vector<Error> errors;
  for (PendingFile& file : pending_) {
    file.write();
    Result<StagedFile>& written = *file.written_;
    if (!written) {
      errors.push_back(written.error());
    } else {
      add(std::move(written.value()));
    }
  }
  pending_.clear();
  return errors;
}

std::vector<Error> FileBatch::commit() {
  std::vector<Error> errors = write();
  std::vector<StagedFile> files = std::move(files_);
  files_.clear();
  bytes_ = 0;
  std::vector<bool> failed(files.size(), false);
  auto fail = [&](std::size_t i, const char* what, int err) {
    errors.push_back(output_error(files[i].path_, what, err));
    failed[i] = true;
  };

  // The files of a directory are on one filesystem, and go in place together.
  std::map<std::string, std::vector<std::size_t>> by_directory;
  for (std::size_t i = 0; i < files.size(); ++i) {
    by_directory[directory_of(files[i].target_).string()].push_back(i);
  }

  // On disk before in place: a crash leaves the old file or the new one, never a part of it.
  if (files.size() == 1) {
    if (::fsync(files[0].fd_) != 0) fail(0, "cannot write", errno);
  } else {
    std::map<dev_t, std::vector<std::size_t>> by_device;  // one sync per filesystem
    for (const auto& [dir, members] : by_directory) {
      struct stat st {};
      if (::fstat(files[members.front()].fd_, &st) != 0) {
        const int err = errno;
        for (const std::size_t i : members) fail(i, "cannot write", err);
        continue;
      }
      auto& same = by_device[st.st_dev];
      same.insert(same.end(), members.begin(), members.end());
    }
    for (const auto& [device, members] : by_device) {
      if (::syncfs(files[members.front()].fd_) == 0) continue;
      const int err = errno;
      for (const std::size_t i : members) fail(i, "cannot write", err);
    }
  }

  for (const auto& [dir, members] : by_directory) {
    bool placed = false;
    for (const std::size_t i : members) {
      if (failed[i]) continue;  // removed by the destructor
      const char* what = "";
      if (const int err = files[i].put_in_place(what)) {
        fail(i, what, err);
      } else {
        placed = true;
      }
    }
    if (!placed) continue;
    // Make the names durable; a failure here loses no data already written.
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
      ::fsync(dfd);
      ::close(dfd);
    }
  }
  return errors;
}

OutputFile::OutputFile(OutputFile&& other) noexcept
    : path_(std::move(other.path_)),
      direct_(other.direct_),
      fd_(std::exchange(other.fd_, -1)),
      file_(std::move(other.file_)),
      gathered_(std::move(other.gathered_)) {}

OutputFile& OutputFile::operator=(OutputFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    path_ = std::move(other.path_);
    direct_ = other.direct_;
    fd_ = std::exchange(other.fd_, -1);
    file_ = std::move(other.file_);
    gathered_ = std::move(other.gathered_);
  }
  return *this;
}

OutputFile::~OutputFile() {
  if (fd_ >= 0) ::close(fd_);
}

Result<OutputFile> OutputFile::open(const std::string& path) {
  auto target = find_target(path);
  if (!target) return target.error();
  OutputFile out;
  out.path_ = path;
  out.direct_ = target->kind != Target::kFile;
  if (target->kind == Target::kDevice) {
    out.fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (out.fd_ < 0) return output_error(path, "cannot open", errno);
  } else if (!out.direct_) {
    auto file = StagedFile::create(path, target->file.string(), target->replaces);
    if (!file) return file.error();
    out.file_ = std::move(file.value());
  }
  return out;
}

Status OutputFile::append(std::string_view data) {
  if (!direct_) {
    if (gathered_.size() + data.size() < kGatherBytes) {
      gathered_.append(data);
      return {};
    }
    if (Status s = write_gathered(); !s) return s;
    if (data.size() >= kGatherBytes) return file_.append(data);  // not copied
    gathered_.append(data);
    return {};
  }
  if (fd_ < 0) return write_stdout(data);
  if (const int err = write_all(fd_, data)) return output_error(path_, "cannot write", err);
  return {};
}

Status OutputFile::write_gathered() {
  if (gathered_.empty()) return {};
  Status written = file_.append(gathered_);
  gathered_.clear();
  return written;
}

Status OutputFile::commit() {
  if (direct_) {
    if (fd_ >= 0 && ::close(std::exchange(fd_, -1)) != 0) {
      return output_error(path_, "cannot write", errno);
    }
    return {};
  }
  if (Status s = write_gathered(); !s) return s;
  FileBatch batch;
  batch.add(std::move(file_));
  std::vector<Error> errors = batch.commit();
  if (!errors.empty()) return std::move(errors.front());
  return {};
}

Status check_output(const std::string& path) {
  auto target = find_target(path);
  if (!target) return target.error();
  return {};
}

Status write_file(const std::string& path, std::string_view data) {
  auto out = OutputFile::open(path);
  if (!out) return out.error();
  if (Status s = out->append(data); !s) return s;
  return out->commit();
}

}  // namespace reportkg::write
