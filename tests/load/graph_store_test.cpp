// The Graph Store client against small HTTP servers on loopback that answer from a script (the
// real store, Virtuoso, is tested by virtuoso_test.sh).
#include "load/graph_store.hpp"

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

using reportkg::ErrorCode;
using reportkg::load::GraphStore;
using reportkg::load::StoreOptions;

// A listening TCP socket on 127.0.0.1 with a free port.
class Listener {
 public:
  Listener() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd_ >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    port_ = ntohs(addr.sin_port);
    REQUIRE(::listen(fd_, 8) == 0);
  }
  ~Listener() { close(); }
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  int fd() const { return fd_; }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  int fd_ = -1;
  int port_ = 0;
};

// Answers one request per connection with the next of `answers`, recording the requests.
class ScriptedServer {
 public:
  explicit ScriptedServer(std::vector<std::string> answers) : answers_(std::move(answers)) {
    thread_ = std::thread([this] { serve(); });
  }
  ~ScriptedServer() { stop(); }
  std::string url(const std::string& path) const { return listener_.url(path); }
  /// The requests received (the server stops: call after the last request).
  const std::vector<std::string>& requests() {
    stop();
    return requests_;
  }

 private:
  void serve() {
    for (const std::string& answer : answers_) {
      const int fd = ::accept(listener_.fd(), nullptr, nullptr);
      if (fd < 0) return;
      requests_.push_back(read_request(fd));
      std::size_t sent = 0;
      while (sent < answer.size()) {
        const ssize_t n = ::send(fd, answer.data() + sent, answer.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += static_cast<std::size_t>(n);
      }
      ::close(fd);
    }
  }

  void stop() {
    if (!thread_.joinable()) return;
    ::shutdown(listener_.fd(), SHUT_RDWR);  // ends a pending accept()
    thread_.join();
  }

  // Headers and a body of Content-Length bytes.
  static std::string read_request(int fd) {
    std::string request;
    char buffer[4096];
    std::size_t want = std::string::npos;
    while (request.size() < want) {
      const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      request.append(buffer, static_cast<std::size_t>(n));
      const std::size_t end = request.find("\r\n\r\n");
      if (want == std::string::npos && end != std::string::npos) {
        std::size_t length = 0;
        const std::size_t at = request.find("Content-Length: ");
        if (at != std::string::npos && at < end) length = std::stoul(request.substr(at + 16));
        want = end + 4 + length;
      }
    }
    return request;
  }

  Listener listener_;
  std::vector<std::string> answers_;
  std::vector<std::string> requests_;
  std::thread thread_;
};

std::unique_ptr<GraphStore> open_store(StoreOptions options) {
  auto store = GraphStore::open(std::move(options));
  REQUIRE(store.ok());
  return std::move(store.value());
}

const char* const kTurtle = "<urn:s> <urn:p> \"Übereinkommen\" .\n";

TEST_CASE("a graph is sent with PUT to ?graph=IRI as Turtle") {
  ScriptedServer server({"HTTP/1.1 201 Created\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"});
  auto store = open_store({server.url("/crud"), "", "", 5});
  auto response = store->put_turtle("https://example.org/id/report/A", kTurtle);
  REQUIRE(response.ok());
  CHECK(response->ok());
  CHECK(response->status == 201);
  CHECK(response->to_string() == "201 Created");
  REQUIRE(server.requests().size() == 1);
  const std::string& request = server.requests()[0];
  CHECK(request.starts_with(
      "PUT /crud?graph=https%3A%2F%2Fexample.org%2Fid%2Freport%2FA HTTP/1.1\r\n"));
  CHECK(request.find("\r\nContent-Type: text/turtle; charset=utf-8\r\n") != std::string::npos);
  CHECK(request.find("\r\nAuthorization:") == std::string::npos);
  CHECK(request.ends_with(std::string("\r\n\r\n") + kTurtle));
}

TEST_CASE("a user authenticates as the store asks, and the body is sent again") {
  ScriptedServer server(
      {"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"store\"\r\n"
       "Content-Length: 0\r\nConnection: close\r\n\r\n",
       "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"});
  auto store = open_store({server.url("/data"), "dba", "dba", 5});
  auto response = store->put_turtle("urn:g", kTurtle);
  REQUIRE(response.ok());
  CHECK(response->status == 204);
  CHECK(response->to_string() == "204 No Content");
  REQUIRE(server.requests().size() == 2);
  const std::string& second = server.requests()[1];
  CHECK(second.find("\r\nAuthorization: Basic ZGJhOmRiYQ==\r\n") != std::string::npos);
  CHECK(second.ends_with(std::string("\r\n\r\n") + kTurtle));
}

TEST_CASE("a refusal is an answer with the status and the store's first line") {
  const std::string body = "Parse error: [line: 1, col: 9] Bad IRI\nmore detail\n";
  ScriptedServer server(
      {"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: " +
       std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body});
  auto store = open_store({server.url("/ds/data"), "", "", 5});
  auto response = store->put_turtle("urn:g", kTurtle);
  REQUIRE(response.ok());
  CHECK_FALSE(response->ok());
  CHECK(response->to_string() == "400 Bad Request: Parse error: [line: 1, col: 9] Bad IRI");
}

TEST_CASE("a closed port is an error with curl's message") {
  std::string url;
  {
    Listener closed;
    url = closed.url("/crud");
  }
  auto store = open_store({url, "", "", 5});
  auto response = store->put_turtle("urn:g", kTurtle);
  REQUIRE_FALSE(response.ok());
  CHECK(response.error().code == ErrorCode::kStore);
  CHECK(response.error().file == url);
  CHECK(response.error().message.starts_with("cannot reach the store: "));
  CHECK(response.error().message.find("127.0.0.1") != std::string::npos);
}

TEST_CASE("a store that does not answer in time is an error") {
  Listener silent;  // the kernel accepts the connection; nobody answers
  auto store = open_store({silent.url("/crud"), "", "", 0.3});
  auto response = store->put_turtle("urn:g", kTurtle);
  REQUIRE_FALSE(response.ok());
  CHECK(response.error().code == ErrorCode::kStore);
  CHECK(response.error().message.starts_with("no answer within the timeout of 0.3 s: "));
}

TEST_CASE("a bad endpoint or timeout is a usage error, and a password is not shown") {
  auto ftp = GraphStore::open({"ftp://127.0.0.1/crud", "", "", 30});
  REQUIRE_FALSE(ftp.ok());
  CHECK(ftp.error().code == ErrorCode::kUsage);
  auto zero = GraphStore::open({"http://127.0.0.1/crud", "", "", 0});
  REQUIRE_FALSE(zero.ok());
  CHECK(zero.error().code == ErrorCode::kUsage);
  auto store = open_store({"http://dba:secret@127.0.0.1:1/crud", "", "", 30});
  CHECK(store->endpoint() == "http://dba:***@127.0.0.1:1/crud");
}

}  // namespace
