// Result<T>: a value or an Error, for everything that can fail on input or I/O.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace reportkg {

/// Why something failed. The CLI maps each code to a documented exit code.
enum class ErrorCode {
  kUsage,     ///< bad command line
  kInput,     ///< a report cannot be read (missing, unreadable, a directory, a device)
  kEncoding,  ///< a report is not UTF-8 text (invalid UTF-8, NUL bytes, UTF-16)
  kOutput,    ///< the output cannot be written
  kStore,     ///< a triple store refused a graph or could not be reached
  kInternal,  ///< a bug: a library call failed that should not
};

/// What went wrong and where. `line`/`column` are 1-based, 0 when unknown; `offset` is the byte
/// offset in the input, or npos.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  std::size_t offset = std::string::npos;

  /// One line: `file:line:col: message` (parts that are unknown are left out).
  std::string to_string() const;
};

/// An expected-like result: holds a T or an Error.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

/// Result<void>: success or an Error.
struct Status {
  Status() = default;
  Status(Error e) : error_(std::move(e)), ok_(false) {}  // NOLINT(google-explicit-constructor)
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

inline Error make_error(ErrorCode code, std::string message, std::string file = {}) {
  Error e;
  e.code = code;
  e.message = std::move(message);
  e.file = std::move(file);
  return e;
}

}  // namespace reportkg
