// Progress of a batch conversion on a terminal: one line on standard error, updated in place.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

namespace reportkg::cli {

/// "reportkg: 1234/20000 reports, 52.1/60.3 MB, 10.4 MB/s" on `out`, redrawn at most ten times a
/// second. Disabled (every call does nothing) unless enabled at construction; the caller enables it
/// only when `out` is a terminal. Used from one thread.
class Progress {
 public:
  Progress(bool enabled, std::FILE* out, std::size_t total_files, std::uintmax_t total_bytes);

  bool enabled() const { return enabled_; }

  /// One more report is done; `bytes` is its size.
  void advance(std::uintmax_t bytes);
  /// Redraws the line if the last drawing is older than 100 ms (or `force`).
  void tick(bool force = false);
  /// Erases the line, so that a message can be printed; the next tick() draws it again.
  void clear();
  /// Draws the final state and ends the line (if anything was drawn).
  void finish();

 private:
  std::string line() const;

  bool enabled_;
  std::FILE* out_;
  std::size_t total_files_;
  std::uintmax_t total_bytes_;
  std::size_t done_files_ = 0;
  std::uintmax_t done_bytes_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point drawn_at_;
  bool shown_ = false;  // the line is on the screen now
  bool drawn_ = false;  // it was drawn at least once
};

}  // namespace reportkg::cli
