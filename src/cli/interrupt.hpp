// Interruption (Ctrl-C, SIGTERM, SIGHUP) as a request to stop cleanly: the commands check for it
// between reports, put in place what is finished and remove what is not, so that no partial file
// is left behind.
#pragma once

namespace reportkg::cli {

/// From now on, SIGINT, SIGTERM and SIGHUP are remembered rather than ending the process; another
/// one a second or more later ends it at once, as the first would have.
void catch_interrupts();

/// The signal caught since catch_interrupts(), or 0.
int interrupted();

}  // namespace reportkg::cli
