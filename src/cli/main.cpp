// reportkg's command line: a thin layer over the pipeline and write stages. The only code that
// touches CLI11.
#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <exception>
#include <string>

#include "cli/convert.hpp"
#include "cli/exit_codes.hpp"
#include "cli/load.hpp"
#include "version.hpp"

namespace reportkg::cli {
namespace {

// Standard input, output and error each hold their number before any file is opened: started
// with one of them closed, the program would otherwise open an output file under that number,
// and messages meant for standard error would go into it. A closed one is taken by something
// that fails when used, as a closed one would: /dev/null opened for writing as standard input
// (reading it fails), a pipe without a reader as standard output (writing to it fails, and it is
// no file that -o could name), /dev/null opened for reading as standard error. Each open call
// returns the lowest free number, which is the one to fill.
void hold_standard_streams() {
  const auto closed = [](int fd) { return ::fcntl(fd, F_GETFD) == -1 && errno == EBADF; };
  if (closed(STDIN_FILENO)) ::open("/dev/null", O_WRONLY);
  if (closed(STDOUT_FILENO)) {
    int ends[2];
    if (::pipe(ends) == 0) {  // ends[0] (the reader) is standard output's number
      ::dup2(ends[1], STDOUT_FILENO);
      ::close(ends[1]);
    }
  }
  if (closed(STDERR_FILENO)) ::open("/dev/null", O_RDONLY);
}

// Every exception ends here, once: the library reports bad input as Result values, so anything
// caught is a bug (or out of memory).
int run(int argc, char** argv) {
  try {
    CLI::App app{"reportkg: convert news reports (German; English next) into RDF knowledge graphs",
                 "reportkg"};
    app.footer(kExitCodesHelp);
    app.set_version_flag("--version", std::string("reportkg ") + kVersion);
    app.require_subcommand(1);

    ConvertOptions convert;
    CLI::App* convert_cmd = add_convert(app, convert);
    LoadOptions load;
    CLI::App* load_cmd = add_load(app, load);

    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      // --help and --version arrive here too, with exit code 0.
      return app.exit(e) == 0 ? kExitOk : kExitUsage;
    }
    if (convert_cmd->parsed()) return run_convert(convert);
    if (load_cmd->parsed()) return run_load(load);
    return kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "reportkg: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "reportkg: internal error: unknown exception\n");
  }
  return kExitInternal;
}

}  // namespace
}  // namespace reportkg::cli

int main(int argc, char** argv) {
  reportkg::cli::hold_standard_streams();
  // A reader that goes away (`reportkg convert ... | head`) is an output error like any other,
  // reported on one line with its exit code, rather than a silent death by SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  return reportkg::cli::run(argc, argv);
}
