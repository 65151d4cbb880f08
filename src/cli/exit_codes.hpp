// The exit codes of reportkg, in one place for the code, --help and the README.
#pragma once

#include "base/result.hpp"

namespace reportkg::cli {

enum ExitCode : int {
  kExitOk = 0,        ///< every report converted and written
  kExitUsage = 1,     ///< bad command line (unknown option, bad option value, missing REPORT)
  kExitInput = 2,     ///< a report could not be read or is not UTF-8 text (the others are written)
  kExitOutput = 3,    ///< the output could not be written (nothing partial is left behind)
  kExitInternal = 4,  ///< a bug in reportkg
  kExitStore = 5,     ///< `load`: a triple store refused a graph or could not be reached
  kExitSignal = 128,  ///< + N: `convert` stopped by signal N (SIGINT, SIGTERM, SIGHUP)
};

/// The --help footer.
inline constexpr const char* kExitCodesHelp =
    "Exit codes:\n"
    "  0  success\n"
    "  1  usage error (unknown option, bad option value, missing REPORT)\n"
    "  2  a report could not be read or is not UTF-8 text; the other reports are still converted\n"
    "     and written\n"
    "  3  the output could not be written (no partial file is left)\n"
    "  4  internal error (a bug in reportkg)\n"
    "  5  load: a triple store refused a report's graph (the other reports are still loaded) or\n"
    "     could not be reached (nothing more is sent)\n"
    "  128+N  convert: stopped by signal N (130: Ctrl-C, 143: SIGTERM, 129: SIGHUP); with\n"
    "     --out-dir the reports finished before are in place, and no partial file is left; a\n"
    "     second signal a second or more later stops at once\n"
    "When several apply, the highest code is returned.";

inline int exit_code(ErrorCode code) {
  switch (code) {
    case ErrorCode::kUsage:
      return kExitUsage;
    case ErrorCode::kInput:
    case ErrorCode::kEncoding:
      return kExitInput;
    case ErrorCode::kOutput:
      return kExitOutput;
    case ErrorCode::kStore:
      return kExitStore;
    case ErrorCode::kInternal:
      return kExitInternal;
  }
  return kExitInternal;
}

}  // namespace reportkg::cli
