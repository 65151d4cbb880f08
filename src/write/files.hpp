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

/// How many files to add to a FileBatch between commits: one disk flush per group, and an open
/// file descriptor per file until then.
inline constexpr std::size_t kFilesPerCommit = 64;

/// Staged files waiting to be put in place together.
class FileBatch {
 public:
  void add(StagedFile file);
  /// Files waiting for commit().
  std::size_t size() const { return files_.size(); }
  /// Puts the files added since the last commit on disk (fsync for one file, one syncfs per
  /// filesystem for more), then in place under their names. Returns the files that failed, each
  /// with its error; the others are in place.
  std::vector<Error> commit();

 private:
  std::vector<StagedFile> files_;
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
