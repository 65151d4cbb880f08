#include "cli/interrupt.hpp"

#include <csignal>
#include <ctime>
#include <initializer_list>

namespace reportkg::cli {
namespace {

volatile std::sig_atomic_t caught = 0;
volatile std::time_t caught_at = 0;

extern "C" void on_signal(int sig) {
  // A signal can arrive twice at once: `timeout` sends it to the command and to its process
  // group. Only a second one that comes later is a request to stop now.
  const std::time_t now = std::time(nullptr);  // async-signal-safe (POSIX)
  if (caught != 0) {
    if (now - caught_at < 1) return;
    std::signal(sig, SIG_DFL);
    std::raise(sig);
    return;
  }
  caught_at = now;
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
