// Output files, written so that no reader ever sees one half written: each file is written
// without a name in the directory of its path (O_TMPFILE) and linked into place once it is on
// disk, so that not even a killed run leaves anything of it (one that replaces another is linked
// under a temporary name and renamed over it: a run killed between those two calls leaves that
// name). On a filesystem without such files, a file is written to a temporary file beside its
// path and renamed into place. Files are made durable in groups (one sync of the filesystem for
// a group rather than one per file), which is what writing one small file per report needs.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace reportkg::write {

/// A file written without a name, or under a temporary name beside its path, not yet in place.
/// Destroying it uncommitted leaves nothing. Empty (nothing to commit) for standard output,
/// devices and pipes, which are written at once.
class StagedFile {
 public:
  StagedFile() = default;
  StagedFile(StagedFile&& other) noexcept;
  StagedFile& operator=(StagedFile&& other) noexcept;
  StagedFile(const StagedFile&) = delete;
  StagedFile& operator=(const StagedFile&) = delete;
  ~StagedFile();

  bool empty() const { return fd_ < 0; }
  const std::string& path() const { return path_; }

 private:
  friend class FileBatch;
  friend class OutputFile;
  friend Result<StagedFile> stage_file(const std::string& path, std::string_view data);
  // A new, empty file for `target`, the regular file `path` leads to; with the permissions, and
  // where it may the owner and group, of the file it `replaces`, if any.
  static Result<StagedFile> create(const std::string& path, const std::string& target,
                                   const std::optional<struct stat>& replaces);
  Status append(std::string_view data);
  // Gives the file its name and closes it (FileBatch::commit, after the sync). Returns 0, or
  // errno and what failed; then nothing of the file is left.
  int put_in_place(const char*& what);
  void discard() noexcept;

  std::string path_;    // as given, for messages
  std::string target_;  // the file to replace (through a symbolic link: the file it points to)
  std::string temp_;    // its temporary name; empty while it has none
  int fd_ = -1;
  std::uint64_t written_ = 0;      // bytes appended
  std::uint64_t written_out_ = 0;  // bytes whose writing to disk has been started
};

/// Writes `data` for `path` ("-": standard output). A regular file is written out of sight, to
/// be put in place by a FileBatch; other paths (devices, pipes) are written directly.
Result<StagedFile> stage_file(const std::string& path, std::string_view data);

/// A file for a FileBatch: its path and contents, written at once by write() (as a worker thread
/// does while others convert) or else with the other files of its batch (FileBatch::write).
class PendingFile {
 public:
  PendingFile(std::string path, std::string data);
  /// Writes the file out of sight (stage_file) and lets go of its contents; does nothing the
  /// second time.
  void write();
  /// The size of its contents.
  std::size_t size() const { return size_; }

 private:
  friend class FileBatch;
  std::string path_;
  std::string data_;  // until written
  std::size_t size_ = 0;
  std::optional<Result<StagedFile>> written_;
};

/// How many files, or bytes of their contents, to add to a FileBatch between commits: one disk
/// flush per group, and until then an open file descriptor per file, and in memory the contents
/// of the files not yet written.
inline constexpr std::size_t kFilesPerCommit = 64;
inline constexpr std::size_t kBytesPerCommit = 2 << 20;

/// Files to be put in place together. Those added unwritten are written one after another by
/// write(): the kernel's work for a file costs less in a run of them, its code and data still in
/// the processor's caches, and it leaves the caller's own in the caches longer (a file written
/// after each report made a run of 20 000 reports on one thread 1.02 to 1.19 times slower than
/// runs of 32 files, 1.11 in the median of 10 pairs of runs in turns; BENCHMARKS.md).
class FileBatch {
 public:
  void add(PendingFile file);
  /// Files added since the last commit().
  std::size_t size() const { return pending_.size() + files_.size(); }
  /// The size of the contents of the files added since the last commit().
  std::size_t bytes() const { return bytes_; }
  /// Writes the files added that are not written yet. Returns the files that could not be
  /// written (these, and files of devices, written directly, then leave the batch), each with
  /// its error, in the order they were added.
  std::vector<Error> write();
  /// Writes what is not written yet, then puts the files added since the last commit on disk
  /// (fsync for one file, one syncfs per filesystem for more) and in place under their names.
  /// Returns the files that failed, each with its error; the others are in place.
  std::vector<Error> commit();

 private:
  friend class OutputFile;
  void add(StagedFile file);  // written already

  std::vector<PendingFile> pending_;  // added, not yet through write()
  std::vector<StagedFile> files_;     // written, to be put in place
  std::size_t bytes_ = 0;
};

/// One output document written piece by piece, so that its memory is not held. A regular file
/// grows out of sight as a StagedFile, the pieces gathered into writes of 1 MiB, and is
/// put in place whole at commit(); destroyed without commit(), it leaves nothing behind.
/// Standard output ("-", or a name of the file it is redirected to, such as /dev/stdout), devices
/// and pipes get each piece at once.
class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(OutputFile&& other) noexcept;
  OutputFile& operator=(OutputFile&& other) noexcept;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  /// Checks where `path` leads and creates the file out of sight (or opens the device); nothing
  /// is at `path` yet.
  static Result<OutputFile> open(const std::string& path);
  /// Adds `data` to the end of the document. (A regular file's write errors may show only at a
  /// later append or at commit().)
  Status append(std::string_view data);
  /// Puts the document in place (on disk first, as FileBatch::commit), or closes the device.
  Status commit();
  /// Whether what is appended goes out at once: standard output, a device or a pipe.
  bool direct() const { return direct_; }

 private:
  friend Result<StagedFile> stage_file(const std::string& path, std::string_view data);
  // Writes the pieces gathered so far to the file.
  Status write_gathered();

  std::string path_;
  bool direct_ = false;
  int fd_ = -1;           // a device or pipe named by path_ (standard output is written with stdio)
  StagedFile file_;       // a regular file
  std::string gathered_;  // appended to it, not yet written (less than 1 MiB)
};

/// Whether `path` can take an output document, as far as is known before anything is written
/// (OutputFile::open asks the same, then creates the file): not a directory, a loop of links or
/// standard error's file.
Status check_output(const std::string& path);

/// Writes `data` to `path` atomically and durably (an OutputFile of one piece); on any error
/// nothing is left at `path`.
Status write_file(const std::string& path, std::string_view data);

}  // namespace reportkg::write
