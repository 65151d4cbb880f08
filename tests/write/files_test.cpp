#include "write/files.hpp"

#include <doctest/doctest.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using reportkg::ErrorCode;
using reportkg::write::FileBatch;
using reportkg::write::OutputFile;
using reportkg::write::PendingFile;
using reportkg::write::write_file;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "reportkg-write-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::size_t entries() const {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(path), fs::directory_iterator()));
  }
};

// The size of the file being written for `path` (0 if none): one this process has open without
// a name in its directory, which shows in /proc/self/fd as "DIR/#INODE (deleted)", or, on a
// filesystem without such files, the temporary file beside it.
std::uintmax_t staged_size(const fs::path& path) {
  const fs::path dir = fs::canonical(path.parent_path());
  const std::string prefix = dir.string() + "/#";
  for (const auto& fd : fs::directory_iterator("/proc/self/fd")) {
    std::error_code ec;
    const fs::path target = fs::read_symlink(fd.path(), ec);
    if (!ec && target.string().starts_with(prefix)) return fs::file_size(fd.path());
  }
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename() != path.filename()) return fs::file_size(entry.path());
  }
  return 0;
}

// Adds a file of `data` under each of `names` in `dir` to `batch`, and writes them.
void stage_all(FileBatch& batch, const fs::path& dir, std::initializer_list<const char*> names,
               const std::string& data) {
  for (const char* name : names) batch.add(PendingFile((dir / name).string(), data));
  REQUIRE(batch.write().empty());
}

}  // namespace

TEST_CASE("write_file writes a new file and replaces an old one, leaving no temporary file") {
  TempDir dir;
  const fs::path path = dir.path / "out.ttl";
  REQUIRE(write_file(path.string(), "first\n").ok());
  CHECK(slurp(path) == "first\n");
  REQUIRE(write_file(path.string(), "second\n").ok());
  CHECK(slurp(path) == "second\n");
  CHECK(dir.entries() == 1);
  // The mode a plain new file gets (0666 minus the umask), not mkstemp's 0600.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  CHECK(static_cast<unsigned>(fs::status(path).permissions()) ==
        (0666u & ~static_cast<unsigned>(mask)));
}

TEST_CASE("write_file through a symbolic link replaces the file and keeps the link") {
  TempDir dir;
  const fs::path file = dir.path / "real.ttl";
  const fs::path link = dir.path / "link.ttl";
  REQUIRE(write_file(file.string(), "old\n").ok());
  fs::create_symlink("real.ttl", link);
  REQUIRE(write_file(link.string(), "new\n").ok());
  CHECK(fs::is_symlink(fs::symlink_status(link)));
  CHECK(slurp(file) == "new\n");
  CHECK(dir.entries() == 2);
}

TEST_CASE("write_file through a dangling link creates the file it names and keeps the link") {
  TempDir dir;
  const fs::path link = dir.path / "link.ttl";
  fs::create_symlink("later.ttl", link);
  REQUIRE(write_file(link.string(), "data\n").ok());
  CHECK(fs::is_symlink(fs::symlink_status(link)));
  CHECK(slurp(dir.path / "later.ttl") == "data\n");
  CHECK(dir.entries() == 2);
}

TEST_CASE("write_file through a loop of links fails as opening it would, and keeps the links") {
  TempDir dir;
  fs::create_symlink("b.ttl", dir.path / "a.ttl");
  fs::create_symlink("a.ttl", dir.path / "b.ttl");
  const auto status = write_file((dir.path / "a.ttl").string(), "data\n");
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code == ErrorCode::kOutput);
  CHECK(status.error().message.find("Too many levels of symbolic links") != std::string::npos);
  CHECK(fs::is_symlink(fs::symlink_status(dir.path / "a.ttl")));
  CHECK(fs::is_symlink(fs::symlink_status(dir.path / "b.ttl")));
  CHECK(dir.entries() == 2);
}

TEST_CASE("write_file through a link to a directory fails; through a link to a device, writes") {
  TempDir dir;
  fs::create_directory(dir.path / "sub");
  fs::create_symlink("sub", dir.path / "to-dir.ttl");
  const auto status = write_file((dir.path / "to-dir.ttl").string(), "data\n");
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().message == "is a directory");
  CHECK(fs::is_empty(dir.path / "sub"));

  fs::create_symlink("/dev/null", dir.path / "to-null.ttl");
  CHECK(write_file((dir.path / "to-null.ttl").string(), "data\n").ok());
  CHECK(fs::is_symlink(fs::symlink_status(dir.path / "to-null.ttl")));
  CHECK(dir.entries() == 3);
}
TEST_CASE("write_file into a missing directory fails and leaves no file") {
  TempDir dir;
  const fs::path path = dir.path / "missing" / "out.ttl";
  const auto status = write_file(path.string(), "data\n");
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code == ErrorCode::kOutput);
  CHECK(status.error().file == path.string());
  CHECK(status.error().message.find("No such file or directory") != std::string::npos);
  CHECK_FALSE(fs::exists(path));
  CHECK(dir.entries() == 0);
}

TEST_CASE("write_file onto a directory fails") {
  TempDir dir;
  const auto status = write_file(dir.path.string(), "data\n");
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code == ErrorCode::kOutput);
  CHECK(dir.entries() == 0);
}

TEST_CASE("write_file to /dev/full fails with the OS message") {
  const auto status = write_file("/dev/full", "data\n");
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code == ErrorCode::kOutput);
  CHECK(status.error().message.find("No space left on device") != std::string::npos);
}

TEST_CASE("write_file writes to a device such as /dev/null directly") {
  CHECK(write_file("/dev/null", "data\n").ok());
}

TEST_CASE("a batch puts its files in place at commit, not before") {
  TempDir dir;
  FileBatch batch;
  stage_all(batch, dir.path, {"a.ttl", "b.ttl", "c.ttl"}, "abc\n");
  CHECK(batch.size() == 3);
  CHECK(batch.bytes() == 12);
  CHECK(dir.entries() == 0);  // written, but under no name yet
  CHECK(staged_size(dir.path / "b.ttl") == 4);
  CHECK(batch.commit().empty());
  CHECK(batch.size() == 0);
  CHECK(batch.bytes() == 0);
  CHECK(slurp(dir.path / "a.ttl") == "abc\n");
  CHECK(slurp(dir.path / "c.ttl") == "abc\n");
  CHECK(dir.entries() == 3);
}

TEST_CASE("a batch writes the files added unwritten at write(), and commit() writes any left") {
  TempDir dir;  // a directory per file: staged_size tells the files of a directory apart by none
  for (const char* sub : {"early", "late", "last"}) fs::create_directory(dir.path / sub);
  FileBatch batch;
  PendingFile early((dir.path / "early" / "a.ttl").string(), "early\n");
  early.write();  // as a worker thread does
  CHECK(staged_size(dir.path / "early" / "a.ttl") == 6);
  batch.add(std::move(early));
  batch.add(PendingFile((dir.path / "late" / "a.ttl").string(), "late\n"));
  CHECK(staged_size(dir.path / "late" / "a.ttl") == 0);  // not written yet
  CHECK(batch.write().empty());
  CHECK(staged_size(dir.path / "late" / "a.ttl") == 5);
  batch.add(PendingFile((dir.path / "last" / "a.ttl").string(), "last\n"));
  CHECK(batch.commit().empty());
  CHECK(slurp(dir.path / "early" / "a.ttl") == "early\n");
  CHECK(slurp(dir.path / "late" / "a.ttl") == "late\n");
  CHECK(slurp(dir.path / "last" / "a.ttl") == "last\n");
}

TEST_CASE("files that cannot be written are reported in the order added; the others land") {
  TempDir dir;
  FileBatch batch;
  batch.add(PendingFile((dir.path / "a.ttl").string(), "a\n"));
  batch.add(PendingFile((dir.path / "missing" / "b.ttl").string(), "b\n"));
  batch.add(PendingFile((dir.path / "c.ttl").string(), "c\n"));
  PendingFile failed_early((dir.path / "gone" / "d.ttl").string(), "d\n");
  failed_early.write();
  batch.add(std::move(failed_early));
  const std::vector<reportkg::Error> errors = batch.write();
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].code == ErrorCode::kOutput);
  CHECK(errors[0].file == (dir.path / "missing" / "b.ttl").string());
  CHECK(errors[1].file == (dir.path / "gone" / "d.ttl").string());
  CHECK(batch.size() == 2);
  CHECK(batch.commit().empty());
  CHECK(slurp(dir.path / "a.ttl") == "a\n");
  CHECK(slurp(dir.path / "c.ttl") == "c\n");
  CHECK(dir.entries() == 2);
}

TEST_CASE("files staged but never committed leave nothing behind, and old files as they were") {
  TempDir dir;
  REQUIRE(write_file((dir.path / "old.ttl").string(), "old\n").ok());
  {
    FileBatch batch;
    stage_all(batch, dir.path, {"a.ttl", "old.ttl"}, "new\n");
    PendingFile unbatched((dir.path / "b.ttl").string(), "b\n");
    unbatched.write();
    CHECK(dir.entries() == 1);  // the old file; the others have no name yet
  }
  CHECK(dir.entries() == 1);
  CHECK(slurp(dir.path / "old.ttl") == "old\n");
}

TEST_CASE("a file replacing another takes its place and its permissions at commit") {
  TempDir dir;
  const fs::path path = dir.path / "a.ttl";
  REQUIRE(write_file(path.string(), "old\n").ok());
  // Not what a new file gets under any usual umask.
  const fs::perms perms = fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read;
  fs::permissions(path, perms);
  FileBatch batch;
  stage_all(batch, dir.path, {"a.ttl", "b.ttl"}, "new\n");
  CHECK(slurp(path) == "old\n");
  CHECK(dir.entries() == 1);  // a.ttl; the new files have no name yet
  CHECK(batch.commit().empty());
  CHECK(slurp(path) == "new\n");
  CHECK(slurp(dir.path / "b.ttl") == "new\n");
  CHECK(dir.entries() == 2);
  CHECK(fs::status(path).permissions() == perms);
}

TEST_CASE("a file with the longest name a file may have is replaced like any other") {
  TempDir dir;
  const fs::path path = dir.path / (std::string(NAME_MAX - 4, 'x') + ".ttl");
  REQUIRE(write_file(path.string(), "old\n").ok());
  REQUIRE(write_file(path.string(), "new\n").ok());  // under a temporary name first
  CHECK(slurp(path) == "new\n");
  CHECK(dir.entries() == 1);
}

TEST_CASE("a name taken while its file was written is taken over at commit") {
  TempDir dir;
  FileBatch batch;
  stage_all(batch, dir.path, {"a.ttl", "b.ttl"}, "ours\n");
  std::ofstream(dir.path / "a.ttl") << "theirs\n";  // written by someone else meanwhile
  CHECK(batch.commit().empty());
  CHECK(slurp(dir.path / "a.ttl") == "ours\n");
  CHECK(slurp(dir.path / "b.ttl") == "ours\n");
  CHECK(dir.entries() == 2);
}

TEST_CASE("a file that cannot be put in place is reported; the others of its batch land") {
  TempDir dir;
  FileBatch batch;
  stage_all(batch, dir.path, {"a.ttl", "b.ttl"}, "data\n");
  // Something else takes b.ttl's place meanwhile: a directory with a file in it.
  fs::create_directories(dir.path / "b.ttl" / "inside");
  const std::vector<reportkg::Error> errors = batch.commit();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == ErrorCode::kOutput);
  CHECK(errors[0].file == (dir.path / "b.ttl").string());
  CHECK(errors[0].message.find("cannot rename into place") != std::string::npos);
  CHECK(slurp(dir.path / "a.ttl") == "data\n");
  CHECK(dir.entries() == 2);  // a.ttl and the directory b.ttl; no temporary file
}

TEST_CASE("standard output and devices are written at once, with nothing to commit") {
  FileBatch batch;
  batch.add(PendingFile("/dev/null", "data\n"));
  CHECK(batch.write().empty());
  CHECK(batch.size() == 0);
}

TEST_CASE("an output file grows out of sight and appears whole at commit") {
  TempDir dir;
  const fs::path path = dir.path / "all.trig";
  {
    auto out = OutputFile::open(path.string());
    REQUIRE(out.ok());
    CHECK_FALSE(out->direct());
    REQUIRE(out->append("first\n").ok());
    REQUIRE(out->append("second\n").ok());
    CHECK(dir.entries() == 0);  // written, but under no name yet
    REQUIRE(out->commit().ok());
  }
  CHECK(slurp(path) == "first\nsecond\n");
  CHECK(dir.entries() == 1);
}

TEST_CASE("a long output file, put on disk in parts as it grows, arrives whole and in order") {
  // Pieces of many sizes, one longer than a part (8 MiB) and many crossing a part's end.
  TempDir dir;
  const fs::path path = dir.path / "all.nq";
  std::string expected;
  {
    auto out = OutputFile::open(path.string());
    REQUIRE(out.ok());
    for (std::size_t size : {std::size_t{1} << 20, std::size_t{9} << 20, std::size_t{3}}) {
      for (int i = 0; i < 5; ++i) {
        std::string piece(size + static_cast<std::size_t>(i) * 999, static_cast<char>('a' + i));
        piece.back() = '\n';
        REQUIRE(out->append(piece).ok());
        expected += piece;
      }
    }
    CHECK_FALSE(fs::exists(path));
    REQUIRE(out->commit().ok());
  }
  CHECK(fs::file_size(path) == expected.size());
  CHECK(slurp(path) == expected);
  CHECK(dir.entries() == 1);
}

TEST_CASE("an output file gathers small pieces into writes of a MiB") {
  TempDir dir;
  const fs::path path = dir.path / "all.trig";
  const auto written = [&] { return staged_size(path); };
  std::string expected;
  auto out = OutputFile::open(path.string());
  REQUIRE(out.ok());
  const std::string piece(1000, 'x');
  for (int i = 0; i < 1000; ++i) {  // 1 000 000 bytes: less than a MiB
    REQUIRE(out->append(piece).ok());
    expected += piece;
  }
  CHECK(written() == 0);
  for (int i = 0; i < 100; ++i) {
    REQUIRE(out->append(piece).ok());
    expected += piece;
  }
  CHECK(written() > 0);
  CHECK(written() < expected.size());
  REQUIRE(out->commit().ok());
  CHECK(slurp(path) == expected);
}

TEST_CASE("an output file never committed leaves nothing, and an old file as it was") {
  TempDir dir;
  const fs::path path = dir.path / "all.nq";
  REQUIRE(write_file(path.string(), "old\n").ok());
  {
    auto out = OutputFile::open(path.string());
    REQUIRE(out.ok());
    REQUIRE(out->append("new\n").ok());
  }
  CHECK(slurp(path) == "old\n");
  CHECK(dir.entries() == 1);
}

TEST_CASE("an output file that cannot be created fails at open") {
  TempDir dir;
  const auto out = OutputFile::open((dir.path / "missing" / "all.nq").string());
  REQUIRE_FALSE(out.ok());
  CHECK(out.error().code == ErrorCode::kOutput);
  CHECK(out.error().message.find("cannot create") != std::string::npos);
  CHECK(dir.entries() == 0);
}

TEST_CASE("a device as output file gets each piece at once, with its errors") {
  auto full = OutputFile::open("/dev/full");
  REQUIRE(full.ok());
  CHECK(full->direct());
  const reportkg::Status written = full->append("data\n");
  REQUIRE_FALSE(written.ok());
  CHECK(written.error().code == ErrorCode::kOutput);
  CHECK(written.error().message.find("No space left") != std::string::npos);
  auto null = OutputFile::open("/dev/null");
  REQUIRE(null.ok());
  REQUIRE(null->append("data\n").ok());
  CHECK(null->commit().ok());
}
