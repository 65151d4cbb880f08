#include "load/http.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

using reportkg::load::check_endpoint;
using reportkg::load::graph_url;
using reportkg::load::message_line;
using reportkg::load::percent_encode;
using reportkg::load::reason_phrase;
using reportkg::load::redact;

TEST_CASE("an endpoint is an http or https URL with a host") {
  CHECK(check_endpoint("http://127.0.0.1:8890/sparql-graph-crud-auth").empty());
  CHECK(check_endpoint("HTTPS://store.example.org/repositories/r/rdf-graphs/service").empty());
  CHECK(check_endpoint("http://user:pw@localhost:3030/ds/data?x=1").empty());
  CHECK_FALSE(check_endpoint("ftp://localhost/data").empty());
  CHECK_FALSE(check_endpoint("localhost:3030/ds/data").empty());
  CHECK_FALSE(check_endpoint("http:///data").empty());
  CHECK_FALSE(check_endpoint("http://:8890/data").empty());
  CHECK_FALSE(check_endpoint("http://localhost/data#frag").empty());
  CHECK_FALSE(check_endpoint("http://local host/data").empty());
}

TEST_CASE("the graph IRI is percent-encoded into the graph parameter") {
  CHECK(percent_encode("https://w3id.org/reportkg/id/report/A-b_c.d~") ==
        "https%3A%2F%2Fw3id.org%2Freportkg%2Fid%2Freport%2FA-b_c.d~");
  CHECK(percent_encode("urn:x#ä b") == "urn%3Ax%23%C3%A4%20b");
  CHECK(graph_url("http://h/crud", "urn:g") == "http://h/crud?graph=urn%3Ag");
  CHECK(graph_url("http://h/crud?timeout=5", "urn:g") == "http://h/crud?timeout=5&graph=urn%3Ag");
  CHECK(graph_url("http://h/crud?", "urn:g") == "http://h/crud?graph=urn%3Ag");
}

TEST_CASE("a password in the endpoint is not shown in messages") {
  CHECK(redact("http://dba:secret@127.0.0.1:8890/crud") == "http://dba:***@127.0.0.1:8890/crud");
  CHECK(redact("http://dba@127.0.0.1/crud") == "http://dba@127.0.0.1/crud");
  CHECK(redact("http://127.0.0.1/crud?mail=a@b") == "http://127.0.0.1/crud?mail=a@b");
  CHECK(redact("http://127.0.0.1/crud") == "http://127.0.0.1/crud");
}

TEST_CASE("the reason phrase comes from the status line") {
  CHECK(reason_phrase("HTTP/1.1 201 Created\r\n") == "Created");
  CHECK(reason_phrase("HTTP/1.1 501 Method Not Implemented\r\n") == "Method Not Implemented");
  CHECK(reason_phrase("HTTP/2 204\r\n") == "");
}

TEST_CASE("the store's message is one line: the text of an HTML page without the status") {
  // Virtuoso 7.2's answer to a write without permission.
  const std::string virtuoso =
      "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html>\n  <head>\n"
      "    <title>SPARQL Graph Protocol request failed</title>\n  </head>\n  <body>\n"
      "    <h1>HTTP/1.1 403 Forbidden</h1>\n    <h3>Error 42000</h3>\n"
      "<xmp>SQ110:SECURITY: Permission denied for delete from DB.DBA.RDF_QUAD (user ID = 107)"
      "</xmp></body></html>";
  CHECK(message_line(virtuoso) ==
        "Error 42000: SQ110:SECURITY: Permission denied for delete from DB.DBA.RDF_QUAD (user ID "
        "= 107)");
  CHECK(message_line("Parse error: [line: 3, col: 7 ] Undefined prefix: rkg\nat ...\n") ==
        "Parse error: [line: 3, col: 7 ] Undefined prefix: rkg");
  CHECK(message_line("<html><body><p>a &lt;b&gt; &amp;   c</p></body></html>") == "a <b> & c");
  CHECK(message_line("") == "");
  CHECK(message_line("\n  \r\n") == "");
}

TEST_CASE("a long message is cut at a character boundary") {
  const std::string line = message_line(std::string(300, 'x'), 20);
  CHECK(line == std::string(17, 'x') + "...");
  const std::string umlauts = message_line("Einführung eines Übereinkommens", 8);
  CHECK(umlauts == "Einf...");  // not in the middle of the two bytes of 'ü'
}

}  // namespace
