// SPDX-License-Identifier: GPL-3.0-or-later
// URL and form handling of the HTTP layer, and its refusal to talk plain http to other hosts.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>

#include "net/http/client.h"

using namespace zb::net::http;

TEST_CASE("URLs split into scheme, host, port, path and query") {
  const auto u = ParseUrl("https://127.0.0.1:8443/fhir/Patient/_search?x=1#frag").value();
  CHECK(u.scheme == "https");
  CHECK(u.host == "127.0.0.1");
  CHECK(u.port == 8443);
  CHECK(u.path == "/fhir/Patient/_search");
  CHECK(u.query == "x=1");
  CHECK(ParseUrl("HTTPS://auth.dezi.nl").value().port == 443);
  CHECK(ParseUrl("https://auth.dezi.nl").value().path == "/");
  CHECK(ParseUrl("http://[::1]:81/a").value().host == "::1");
  CHECK_FALSE(ParseUrl("ftp://x/").ok());
  CHECK_FALSE(ParseUrl("https://user:pw@host/").ok());
  CHECK_FALSE(ParseUrl("https://host:99999/").ok());
  CHECK_FALSE(ParseUrl("/relative").ok());
}

TEST_CASE("form encoding round-trips FHIR token parameters") {
  const std::string body = FormEncode({{"identifier", "http://fhir.nl/fhir/NamingSystem/bsn|999991000"}, {"a b", "ë"}});
  CHECK(body == "identifier=http%3A%2F%2Ffhir.nl%2Ffhir%2FNamingSystem%2Fbsn%7C999991000&a%20b=%C3%AB");
  const auto back = ParseForm(body);
  REQUIRE(back.size() == 2);
  CHECK(back[0].second == "http://fhir.nl/fhir/NamingSystem/bsn|999991000");
  CHECK(back[1].first == "a b");
  CHECK(ParseForm("a=1+2&b")[0].second == "1 2");
  CHECK(UrlDecode("%zz") == "%zz");
}

TEST_CASE("plain http is refused except to loopback when explicitly allowed") {
  Client strict(ClientOptions{});
  const auto r = strict.Send({"GET", "http://127.0.0.1:1/", {}, ""});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == zb::domain::ErrorCode::kRefused);
  ClientOptions loopback;
  loopback.allowLoopbackHttp = true;
  const auto remote = Client(loopback).Send({"GET", "http://example.org/", {}, ""});
  REQUIRE_FALSE(remote.ok());
  CHECK(remote.error().code == zb::domain::ErrorCode::kRefused);
  // Allowed, but nothing listens on port 1: unavailable, not refused.
  const auto closed = Client(loopback).Send({"GET", "http://127.0.0.1:1/", {}, ""});
  REQUIRE_FALSE(closed.ok());
  CHECK(closed.error().code == zb::domain::ErrorCode::kUnavailable);
}

TEST_CASE("a server that accepts but never answers is a timeout, told apart from a refused connection") {
  // The kernel completes the handshake from the listen backlog; nobody ever answers.
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(listener >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(::listen(listener, 4) == 0);
  socklen_t length = sizeof address;
  REQUIRE(::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  ClientOptions options;
  options.allowLoopbackHttp = true;
  options.timeout = std::chrono::milliseconds(300);
  const auto silent =
      Client(options).Send({"GET", "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/", {}, ""});
  ::close(listener);
  REQUIRE_FALSE(silent.ok());
  CHECK(silent.error().code == zb::domain::ErrorCode::kTimeout);
  CHECK(silent.error().status == 0);
}
