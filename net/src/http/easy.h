// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One libcurl transfer set up the way every Zorgbrug request must be: TLS 1.3 verified against the
// system store or the configured CA file, plain http only to loopback when allowed, bounded body,
// headers collected. Shared by the blocking Client and the MultiClient so both behave the same.
#include <curl/curl.h>

#include <chrono>
#include <memory>
#include <string>

#include "net/http/client.h"

namespace zb::net::http::detail {

void GlobalInit();

struct Transfer {
  Transfer() = default;
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;
  ~Transfer();

  CURL* easy = nullptr;
  bool ownsEasy = true;  // false: a pooled handle that goes back to its pool
  curl_slist* headers = nullptr;
  std::string where;  // host:port, for messages
  Request request;    // kept alive: curl reads the body and URL from it
  Response response;
  std::size_t limit = 0;
  bool overflow = false;
  bool retriedFresh = false;  // already sent again on a fresh connection (at most once)
  char error[CURL_ERROR_SIZE] = {};
};

// Sets up `reuse` (reset first; its open connections stay) or a new easy handle for `request`;
// `timeout` bounds the whole transfer (connect included).
domain::Result<std::unique_ptr<Transfer>> Prepare(Request request, const ClientOptions& options,
                                                  std::chrono::milliseconds timeout, CURL* reuse = nullptr);

// A request that failed on a kept-alive connection the server had already closed (its idle
// keep-alive ran out), before any byte of an answer arrived, has not been seen by the server: it
// is safe to send once more on a fresh connection, as browsers and curl itself do. True when
// `transfer` was made ready for that second attempt (within `timeout`), false when the failure
// stands (a fresh connection, an answer begun, a non-idempotent request that may have arrived, or
// already retried).
bool ReadyForFreshRetry(Transfer& transfer, CURLcode rc, std::chrono::milliseconds timeout);

// The outcome of a finished transfer: the response for any HTTP status; kTimeout when the deadline
// passed (connect included), kUnavailable for connect/resolve failures, kRefused for TLS, kOutOfRange for a body over
// the limit, kIo for an answer cut off before its end.
domain::Result<Response> Finish(Transfer& transfer, CURLcode rc);

}  // namespace zb::net::http::detail
