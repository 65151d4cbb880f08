#include "write/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>
#include <utility>

namespace reportkg::write {
namespace {

namespace fs = std::filesystem;

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

// Devices and pipes (/dev/stdout, /dev/null, /dev/full, a fifo): written directly.
Status write_special(const std::string& path, std::string_view data) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return output_error(path, "cannot open", errno);
  const int err = write_all(fd, data);
  if (err) {
    ::close(fd);
    return output_error(path, "cannot write", err);
  }
  if (::close(fd) != 0) return output_error(path, "cannot write", errno);
  return {};
}

// The mode of a new file under the process's umask (read once: umask can only be read by
// setting it).
mode_t file_mode() {
  static const mode_t mode = [] {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return static_cast<mode_t>(0666 & ~mask);
  }();
  return mode;
}

std::string directory_of(const std::string& file) {
  const fs::path dir = fs::path(file).parent_path();
  return dir.empty() ? std::string(".") : dir.string();
}

}  // namespace

StagedFile::StagedFile(StagedFile&& other) noexcept
    : path_(std::move(other.path_)),
      target_(std::move(other.target_)),
      temp_(std::move(other.temp_)),
      fd_(std::exchange(other.fd_, -1)) {}

StagedFile& StagedFile::operator=(StagedFile&& other) noexcept {
  if (this != &other) {
    discard();
    path_ = std::move(other.path_);
    target_ = std::move(other.target_);
    temp_ = std::move(other.temp_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

StagedFile::~StagedFile() { discard(); }

void StagedFile::discard() noexcept {
  if (fd_ < 0) return;
  ::close(fd_);
  ::unlink(temp_.c_str());
  fd_ = -1;
}

Result<StagedFile> stage_file(const std::string& path, std::string_view data) {
  StagedFile file;
  if (path == "-") {
    if (Status s = write_stdout(data); !s) return s.error();
    return file;
  }
  if (path.empty()) return make_error(ErrorCode::kOutput, "empty output path");

  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (!ec && fs::exists(st)) {
    if (fs::is_directory(st)) return make_error(ErrorCode::kOutput, "is a directory", path);
    if (!fs::is_regular_file(st)) {
      if (Status s = write_special(path, data); !s) return s.error();
      return file;
    }
  }

  // Through a symbolic link, replace the file it points to and keep the link.
  fs::path target(path);
  if (fs::is_symlink(fs::symlink_status(target, ec))) {
    fs::path resolved = fs::weakly_canonical(target, ec);
    if (!ec) target = std::move(resolved);
  }
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::string temp = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return output_error(path, "cannot create", errno);
  file.path_ = path;
  file.target_ = target.string();
  file.temp_ = std::move(temp);
  file.fd_ = fd;  // from here on, destroying `file` removes the temporary file

  int err = write_all(fd, data);
  if (!err && ::fchmod(fd, file_mode()) != 0) err = errno;
  if (err) return output_error(path, "cannot write", err);
  return file;
}

void FileBatch::add(StagedFile file) {
  if (!file.empty()) files_.push_back(std::move(file));
}

std::vector<Error> FileBatch::commit() {
  std::vector<Error> errors;
  std::vector<StagedFile> files = std::move(files_);
  files_.clear();
  std::vector<bool> failed(files.size(), false);
  auto fail = [&](std::size_t i, const char* what, int err) {
    errors.push_back(output_error(files[i].path_, what, err));
    failed[i] = true;
  };

  // On disk before in place: a crash leaves the old file or the new one, never a part of it.
  if (files.size() == 1) {
    if (::fsync(files[0].fd_) != 0) fail(0, "cannot write", errno);
  } else {
    std::map<dev_t, std::vector<std::size_t>> by_device;  // one sync per filesystem
    for (std::size_t i = 0; i < files.size(); ++i) {
      struct stat st {};
      if (::fstat(files[i].fd_, &st) != 0) {
        fail(i, "cannot write", errno);
      } else {
        by_device[st.st_dev].push_back(i);
      }
    }
    for (const auto& [device, members] : by_device) {
      if (::syncfs(files[members.front()].fd_) == 0) continue;
      const int err = errno;
      for (const std::size_t i : members) fail(i, "cannot write", err);
    }
  }

  std::set<std::string> directories;
  for (std::size_t i = 0; i < files.size(); ++i) {
    StagedFile& f = files[i];
    if (failed[i]) continue;  // removed by the destructor
    // From here on the temporary file is removed here, not by the destructor.
    int err = ::close(std::exchange(f.fd_, -1)) != 0 ? errno : 0;
    const char* what = "cannot write";
    if (!err && ::rename(f.temp_.c_str(), f.target_.c_str()) != 0) {
      err = errno;
      what = "cannot rename into place";
    }
    if (err) {
      ::unlink(f.temp_.c_str());
      fail(i, what, err);
      continue;
    }
    directories.insert(directory_of(f.target_));
  }
  // Make the renames durable; a failure here loses no data already written.
  for (const std::string& dir : directories) {
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
      ::fsync(dfd);
      ::close(dfd);
    }
  }
  return errors;
}

Status write_file(const std::string& path, std::string_view data) {
  auto staged = stage_file(path, data);
  if (!staged) return staged.error();
  FileBatch batch;
  batch.add(std::move(staged.value()));
  std::vector<Error> errors = batch.commit();
  if (!errors.empty()) return std::move(errors.front());
  return {};
}

}  // namespace reportkg::write
