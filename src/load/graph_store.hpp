// The load stage: sends graphs to a triple store through the SPARQL 1.1 Graph Store HTTP Protocol.
// The only code that touches libcurl.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace reportkg::load {

struct StoreOptions {
  std::string endpoint;  ///< the Graph Store endpoint: an http:// or https:// URL
  std::string user;      ///< empty: no authentication
  std::string password;
  double timeout = 30;  ///< seconds for one request, connecting included
};

/// The store's answer to one request.
struct Response {
  long status = 0;      ///< the HTTP status: 201 Created, 200 OK, 204 No Content, 403, ...
  std::string reason;   ///< its reason phrase ("Created"), may be empty
  std::string message;  ///< the body as one line (see message_line), may be empty

  /// A 2xx status: the store accepted the graph.
  bool ok() const { return status >= 200 && status < 300; }
  /// "201 Created", or with a message "403 Forbidden: Error 42000: SQ110: Permission denied ...".
  std::string to_string() const;
};

/// A client of one Graph Store endpoint. Keeps its connection open between requests; one thread
/// at a time.
class GraphStore {
 public:
  /// Checks the endpoint (kUsage when it is no http(s) URL) and prepares a connection; nothing is
  /// sent yet. With a user, authentication is whatever the store asks for (digest or basic).
  static Result<std::unique_ptr<GraphStore>> open(StoreOptions options);
  ~GraphStore();
  GraphStore(const GraphStore&) = delete;
  GraphStore& operator=(const GraphStore&) = delete;

  /// Replaces the graph named `graph_iri` with the Turtle document `turtle`: HTTP PUT to
  /// ENDPOINT?graph=IRI with Content-Type text/turtle, so that sending the same graph again leaves
  /// the store as it was. Every HTTP answer is a Response, also a refusal (see Response::ok); an
  /// Error (kStore, its file the endpoint) means there was no answer: the store could not be
  /// reached or did not answer within the timeout.
  Result<Response> put_turtle(std::string_view graph_iri, std::string_view turtle);

  /// The endpoint for messages (a password in it replaced by ***).
  const std::string& endpoint() const { return shown_endpoint_; }

 private:
  struct Impl;
  GraphStore(StoreOptions options, std::unique_ptr<Impl> impl);

  StoreOptions options_;
  std::string shown_endpoint_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace reportkg::load
