// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A TLS connection that sends exactly the bytes a test gives it, at the pace the test chooses:
// for what no well-behaved HTTP client does (slow heads, huge announced bodies, endless headers).
#include <chrono>
#include <memory>
#include <string>
#include <string_view>

namespace zb::test {

class RawTls {
 public:
  // `url`: https://host:port. Verifies the server against `caFile`. nullptr when the connection
  // or the handshake fails.
  static std::unique_ptr<RawTls> Connect(const std::string& url, const std::string& caFile);
  ~RawTls();
  RawTls(const RawTls&) = delete;
  RawTls& operator=(const RawTls&) = delete;

  bool Send(std::string_view bytes);
  // Everything the server sends within `wait`, or until it closes the connection.
  std::string Read(std::chrono::milliseconds wait);
  // True when the server has closed the connection (or reset it) within `wait`.
  bool ClosedWithin(std::chrono::milliseconds wait);

 private:
  RawTls() = default;
  struct State;
  std::unique_ptr<State> m_state;
};

}  // namespace zb::test
