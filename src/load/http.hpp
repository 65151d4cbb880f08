// Text helpers of the load stage: endpoint URLs, the graph parameter and the store's messages.
// No I/O, so that they are tested without a server.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace reportkg::load {

/// Why `endpoint` cannot be a Graph Store endpoint, or empty when it can: an absolute http:// or
/// https:// URL with a host, without spaces or a fragment.
std::string check_endpoint(std::string_view endpoint);

/// `text` percent-encoded for a URL query value: everything but ASCII letters, digits and -._~.
std::string percent_encode(std::string_view text);

/// The URL of the request for graph `graph_iri`: `endpoint` plus the query parameter
/// `graph=<percent-encoded IRI>` (after `?`, or `&` when the endpoint has a query already).
std::string graph_url(std::string_view endpoint, std::string_view graph_iri);

/// `url` with the password of its user info (`http://user:secret@host/`) replaced by `***`, for
/// messages.
std::string redact(std::string_view url);

/// The reason phrase of an HTTP status line (`HTTP/1.1 201 Created` → `Created`), or empty.
std::string reason_phrase(std::string_view status_line);

/// The store's message (a response body) as one line of at most `max` bytes (cut at a UTF-8
/// character boundary, with "..."): the text of an HTML page's body (tags dropped, the common
/// entities decoded), blank lines and lines that restate the HTTP status left out, white space
/// collapsed; the first line remains, joined with the next one when it is only a heading of one or
/// two words ("Error 42000"). Empty when the body has no text.
std::string message_line(std::string_view body, std::size_t max = 240);

}  // namespace reportkg::load
