#include "load/graph_store.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <utility>

#include "load/http.hpp"
#include "version.hpp"

namespace reportkg::load {
namespace {

// The body of a response is kept up to this size: enough for the message of any store.
constexpr std::size_t kMaxBody = 64 * 1024;

struct CurlDeleter {
  void operator()(CURL* curl) const noexcept { curl_easy_cleanup(curl); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};
using CurlPtr = std::unique_ptr<CURL, CurlDeleter>;
using SlistPtr = std::unique_ptr<curl_slist, SlistDeleter>;

// curl_global_init is not thread-safe in every libcurl: once per process, before any handle.
CURLcode global_init() {
  static std::once_flag once;
  static CURLcode code = CURLE_OK;
  std::call_once(once, [] { code = curl_global_init(CURL_GLOBAL_DEFAULT); });
  return code;
}

// The request body, read by curl and rewound when it must send it again (after a 401 that asks
// for digest authentication).
struct Upload {
  std::string_view data;
  std::size_t pos = 0;
};

// What arrives of one response. A request with authentication gets two responses (401, then the
// answer): a new status line starts over.
struct Received {
  std::string status_line;
  std::string body;
};

// libcurl's callbacks are C callbacks: they never throw (STYLE.md).
extern "C" std::size_t read_body(char* buffer, std::size_t size, std::size_t count,
                                 void* user) noexcept {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->data.size() - upload->pos);
  std::copy_n(upload->data.data() + upload->pos, n, buffer);
  upload->pos += n;
  return n;
}

extern "C" int seek_body(void* user, curl_off_t offset, int origin) noexcept {
  auto* upload = static_cast<Upload*>(user);
  if (origin != SEEK_SET || offset < 0 || static_cast<std::size_t>(offset) > upload->data.size()) {
    return CURL_SEEKFUNC_CANTSEEK;
  }
  upload->pos = static_cast<std::size_t>(offset);
  return CURL_SEEKFUNC_OK;
}

extern "C" std::size_t write_body(char* data, std::size_t size, std::size_t count,
                                  void* user) noexcept {
  auto* received = static_cast<Received*>(user);
  const std::size_t n = size * count;
  try {
    const std::size_t room = kMaxBody - std::min(kMaxBody, received->body.size());
    received->body.append(data, std::min(n, room));
  } catch (...) {
    return 0;  // out of memory: curl ends the transfer with an error
  }
  return n;
}

extern "C" std::size_t read_header(char* data, std::size_t size, std::size_t count,
                                   void* user) noexcept {
  auto* received = static_cast<Received*>(user);
  const std::size_t n = size * count;
  try {
    const std::string_view line(data, n);
    if (line.starts_with("HTTP/")) {
      received->status_line.assign(line);
      received->body.clear();
    }
  } catch (...) {
    return 0;
  }
  return n;
}

// Resets a curl handle's options at the end of a scope, so that it holds no pointers to what ends
// there; the connection stays open for the next request.
struct ForgetOnExit {
  CURL* curl;
  ~ForgetOnExit() { curl_easy_reset(curl); }
};

// libcurl's message for a failed transfer: the error buffer when it has one (it names host and
// port), else the code's text.
std::string curl_message(CURLcode code, const char* buffer) {
  return buffer[0] != '\0' ? std::string(buffer) : std::string(curl_easy_strerror(code));
}

std::string seconds(double s) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", s);
  return buffer;
}

}  // namespace

std::string Response::to_string() const {
  std::string out = std::to_string(status);
  if (!reason.empty()) out += ' ' + reason;
  if (!message.empty()) out += ": " + message;
  return out;
}

struct GraphStore::Impl {
  CurlPtr curl;
};

GraphStore::GraphStore(StoreOptions options, std::unique_ptr<Impl> impl)
    : options_(std::move(options)),
      shown_endpoint_(redact(options_.endpoint)),
      impl_(std::move(impl)) {}

GraphStore::~GraphStore() = default;

Result<std::unique_ptr<GraphStore>> GraphStore::open(StoreOptions options) {
  if (const std::string why = check_endpoint(options.endpoint); !why.empty()) {
    return make_error(ErrorCode::kUsage, "--endpoint " + why, redact(options.endpoint));
  }
  if (!(options.timeout > 0) || !std::isfinite(options.timeout)) {
    return make_error(ErrorCode::kUsage, "--timeout must be a positive number of seconds");
  }
  if (const CURLcode code = global_init(); code != CURLE_OK) {
    return make_error(ErrorCode::kInternal,
                      std::string("libcurl cannot start: ") + curl_easy_strerror(code));
  }
  auto impl = std::make_unique<Impl>();
  impl->curl.reset(curl_easy_init());
  if (!impl->curl) return make_error(ErrorCode::kInternal, "libcurl cannot create a handle");
  return std::unique_ptr<GraphStore>(new GraphStore(std::move(options), std::move(impl)));
}

Result<Response> GraphStore::put_turtle(std::string_view graph_iri, std::string_view turtle) {
  CURL* curl = impl_->curl.get();
  curl_slist* list = nullptr;
  for (const char* header : {"Content-Type: text/turtle; charset=utf-8", "Expect:"}) {
    curl_slist* grown = curl_slist_append(list, header);
    if (grown == nullptr) {
      curl_slist_free_all(list);
      return make_error(ErrorCode::kInternal, "out of memory");
    }
    list = grown;
  }
  const SlistPtr headers(list);

  const std::string url = graph_url(options_.endpoint, graph_iri);
  const std::string agent = std::string("reportkg/") + kVersion;
  const auto timeout_ms = static_cast<long>(std::ceil(options_.timeout * 1000));
  Upload upload{turtle, 0};
  Received received;
  char error[CURL_ERROR_SIZE] = {};
  // The handle points at the locals above while the request runs; it forgets them on the way out
  // (before they end), keeping only its open connection.
  const ForgetOnExit forget{curl};

  bool set = curl_easy_setopt(curl, CURLOPT_URL, url.c_str()) == CURLE_OK;
  auto opt = [&](CURLoption option, auto value) {
    set = set && curl_easy_setopt(curl, option, value) == CURLE_OK;
  };
  opt(CURLOPT_PROTOCOLS_STR, "http,https");
  opt(CURLOPT_ERRORBUFFER, error);
  opt(CURLOPT_NOSIGNAL, 1L);
  opt(CURLOPT_USERAGENT, agent.c_str());
  opt(CURLOPT_UPLOAD, 1L);  // PUT
  opt(CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(turtle.size()));
  opt(CURLOPT_READFUNCTION, read_body);
  opt(CURLOPT_READDATA, &upload);
  opt(CURLOPT_SEEKFUNCTION, seek_body);
  opt(CURLOPT_SEEKDATA, &upload);
  opt(CURLOPT_HEADERFUNCTION, read_header);
  opt(CURLOPT_HEADERDATA, &received);
  opt(CURLOPT_WRITEFUNCTION, write_body);
  opt(CURLOPT_WRITEDATA, &received);
  opt(CURLOPT_HTTPHEADER, headers.get());
  opt(CURLOPT_TIMEOUT_MS, timeout_ms);
  opt(CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
  if (!options_.user.empty()) {
    opt(CURLOPT_USERNAME, options_.user.c_str());
    opt(CURLOPT_PASSWORD, options_.password.c_str());
    opt(CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_ANY));
  }
  if (!set) return make_error(ErrorCode::kInternal, "libcurl does not take an option");

  const CURLcode code = curl_easy_perform(curl);
  if (code != CURLE_OK) {
    const std::string message =
        code == CURLE_OPERATION_TIMEDOUT
            ? "no answer within the timeout of " + seconds(options_.timeout) + " s: "
            : "cannot reach the store: ";
    return make_error(ErrorCode::kStore, message + curl_message(code, error), shown_endpoint_);
  }
  Response response;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  response.reason = reason_phrase(received.status_line);
  response.message = message_line(received.body);
  return response;
}

}  // namespace reportkg::load
