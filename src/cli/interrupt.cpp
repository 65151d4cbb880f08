#include "cli/interrupt.hpp"

#include <csignal>
#include <initializer_list>

namespace reportkg::cli {
namespace {

volatile std::sig_atomic_t caught = 0;

extern "C" void on_signal(int sig) {
  if (caught != 0) {  // asked twice: stop now
    std::signal(sig, SIG_DFL);
    std::raise(sig);
    return;
  }
  caught = sig;
}

}  // namespace

void catch_interrupts() {
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    sigaction(sig, &action, nullptr);
  }
}

int interrupted() { return caught; }

}  // namespace reportkg::cli
