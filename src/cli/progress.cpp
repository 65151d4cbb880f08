#include "cli/progress.hpp"

namespace reportkg::cli {
namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kRedrawInterval = std::chrono::milliseconds(100);
constexpr double kMB = 1e6;  // decimal megabytes, as in BENCHMARKS.md

std::string format_mb(double bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", bytes / kMB);
  return buf;
}

}  // namespace

Progress::Progress(bool enabled, std::FILE* out, std::size_t total_files,
                   std::uintmax_t total_bytes)
    : enabled_(enabled),
      out_(out),
      total_files_(total_files),
      total_bytes_(total_bytes),
      start_(Clock::now()),
      drawn_at_(start_) {}

void Progress::advance(std::uintmax_t bytes) {
  if (!enabled_) return;
  ++done_files_;
  done_bytes_ += bytes;
}

std::string Progress::line() const {
  const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
  std::string s = "reportkg: " + std::to_string(done_files_) + '/' + std::to_string(total_files_) +
                  " reports, " + format_mb(static_cast<double>(done_bytes_));
  if (total_bytes_ > 0) s += '/' + format_mb(static_cast<double>(total_bytes_));
  s += " MB";
  if (seconds > 0.05) {
    s += ", " + format_mb(static_cast<double>(done_bytes_) / seconds) + " MB/s";
  }
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, ", %.1f s", seconds);
  return s + elapsed;
}

void Progress::tick(bool force) {
  if (!enabled_) return;
  const auto now = Clock::now();
  if (!force && shown_ && now - drawn_at_ < kRedrawInterval) return;
  // "\r" returns to the start of the line, "\033[K" erases what an earlier, longer line left.
  std::fprintf(out_, "\r\033[K%s", line().c_str());
  std::fflush(out_);
  drawn_at_ = now;
  shown_ = true;
  drawn_ = true;
}

void Progress::clear() {
  if (!enabled_ || !shown_) return;
  std::fputs("\r\033[K", out_);
  std::fflush(out_);
  shown_ = false;
}

void Progress::finish() {
  if (!enabled_ || !drawn_) return;
  tick(true);
  std::fputc('\n', out_);
  std::fflush(out_);
  shown_ = false;
}

}  // namespace reportkg::cli
