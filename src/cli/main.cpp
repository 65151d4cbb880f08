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
// and messages meant for standard error would go into it. A closed one is taken by /dev/null,
// opened the wrong way round (for writing standard input, for reading the other two), so that
// using it fails as on a closed descriptor.
void hold_standard_streams() {
  for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    const int opened = ::open("/dev/null", (fd == STDIN_FILENO ? O_WRONLY : O_RDONLY));
    if (opened >= 0 && opened != fd) {
      ::dup2(opened, fd);
      ::close(opened);
    }
  }
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
