// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Many requests at once over few connections: one libcurl multi handle driven by its own thread.
// Connections are kept between requests (and between patients); with a server that offers HTTP/2
// every request to it shares one connection, with HTTP/1.1 each concurrent request needs its own
// (capped per host). Each request has its own deadline. Same TLS rules as Client.
//
// Callbacks run on the client's thread, one at a time; they may Submit or Cancel. Cancel() aborts
// the transfers and guarantees that none of their callbacks runs after it returns, so an answer
// can never arrive for something the caller has moved on from.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "net/http/client.h"

namespace zb::net::http {

struct MultiOptions {
  long maxHostConnections = 32;  // HTTP/1.1 concurrency per host; HTTP/2 multiplexes within one
  long maxCachedConnections = 64;
};

class MultiClient {
 public:
  using Clock = std::chrono::steady_clock;
  using TransferId = std::uint64_t;
  using Callback = std::function<void(domain::Result<Response>)>;

  explicit MultiClient(ClientOptions options, MultiOptions multi = {});
  ~MultiClient();  // cancels what is outstanding (no callbacks) and stops the thread
  MultiClient(const MultiClient&) = delete;
  MultiClient& operator=(const MultiClient&) = delete;

  // Starts the request at `notBefore` (now when earlier); the transfer is aborted at `deadline`
  // with kTimeout.
  TransferId Submit(Request request, Clock::time_point deadline, Callback done, Clock::time_point notBefore = {});
  void Cancel(const std::vector<TransferId>& ids);

  // New connections opened so far (TCP + TLS handshakes); for tests and the benchmark.
  std::size_t connectionsOpened() const;
  const ClientOptions& options() const { return m_options; }

 private:
  struct Pending;
  void Loop();
  std::size_t StartDue(Clock::time_point now);  // returns how many it started (or failed at once)
  void Complete(TransferId id, domain::Result<Response> result);

  ClientOptions m_options;
  MultiOptions m_multiOptions;
  void* m_multi = nullptr;  // CURLM*, kept out of this header
  mutable std::mutex m_mutex;
  std::condition_variable m_idle;
  std::map<TransferId, std::unique_ptr<Pending>> m_waiting;  // not yet handed to curl
  std::map<TransferId, std::unique_ptr<Pending>> m_active;   // owned here while curl runs them (loop thread only)
  std::set<TransferId> m_cancelled;                          // active ones the loop must abort
  std::set<TransferId> m_live;                               // submitted and not yet finished
  TransferId m_nextId = 1;
  TransferId m_running = 0;  // whose callback is running now
  std::size_t m_connections = 0;
  bool m_stop = false;
  std::thread::id m_loopThread;
  std::thread m_thread;
};

}  // namespace zb::net::http
