// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/http/multi_client.h"

#include <curl/curl.h>

#include <algorithm>

#include "easy.h"
#include "thread_name.h"

namespace zb::net::http {

struct MultiClient::Pending {
  Request request;
  Clock::time_point deadline;
  Clock::time_point notBefore;
  Callback done;
  std::unique_ptr<detail::Transfer> transfer;
};

namespace {
CURLM* M(void* p) { return static_cast<CURLM*>(p); }
}  // namespace

MultiClient::MultiClient(ClientOptions options, MultiOptions multi)
    : m_options(std::move(options)), m_multiOptions(multi) {
  detail::GlobalInit();
  m_multi = curl_multi_init();
  curl_multi_setopt(M(m_multi), CURLMOPT_PIPELINING, static_cast<long>(CURLPIPE_MULTIPLEX));
  curl_multi_setopt(M(m_multi), CURLMOPT_MAX_HOST_CONNECTIONS, m_multiOptions.maxHostConnections);
  curl_multi_setopt(M(m_multi), CURLMOPT_MAXCONNECTS, m_multiOptions.maxCachedConnections);
  m_thread = std::thread([this] {
    NameThisThread("zb-http-multi");
    Loop();
  });
}

MultiClient::~MultiClient() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  curl_multi_wakeup(M(m_multi));
  if (m_thread.joinable()) m_thread.join();
  for (auto& [id, p] : m_active) curl_multi_remove_handle(M(m_multi), p->transfer->easy);
  m_active.clear();
  curl_multi_cleanup(M(m_multi));
}

MultiClient::TransferId MultiClient::Submit(Request request, Clock::time_point deadline, Callback done,
                                            Clock::time_point notBefore) {
  auto p = std::make_unique<Pending>();
  p->request = std::move(request);
  p->deadline = deadline;
  p->notBefore = notBefore;
  p->done = std::move(done);
  TransferId id = 0;
  {
    std::lock_guard lock(m_mutex);
    id = m_nextId++;
    m_waiting.emplace(id, std::move(p));
    m_live.insert(id);
  }
  curl_multi_wakeup(M(m_multi));
  return id;
}

void MultiClient::Cancel(const std::vector<TransferId>& ids) {
  std::unique_lock lock(m_mutex);
  for (TransferId id : ids) {
    if (!m_live.count(id)) continue;  // finished (or never ours): nothing to stop
    if (m_waiting.erase(id) > 0) {
      m_live.erase(id);
    } else if (id != m_running) {
      m_cancelled.insert(id);  // active ones are removed by the loop
    }
  }
  if (std::this_thread::get_id() == m_loopThread) return;  // called from a callback: nothing runs concurrently
  curl_multi_wakeup(M(m_multi));
  m_idle.wait(lock, [&] { return m_running == 0 || std::find(ids.begin(), ids.end(), m_running) == ids.end(); });
}

std::size_t MultiClient::connectionsOpened() const {
  std::lock_guard lock(m_mutex);
  return m_connections;
}

void MultiClient::Complete(TransferId id, domain::Result<Response> result) {
  Callback done;
  bool cancelled = false;
  {
    std::lock_guard lock(m_mutex);
    cancelled = m_cancelled.erase(id) > 0;
    if (!cancelled)
      m_running = id;
    else
      m_live.erase(id);
  }
  if (cancelled) {
    m_active.erase(id);
    return;
  }
  auto it = m_active.find(id);
  if (it != m_active.end()) done = std::move(it->second->done);
  m_active.erase(id);
  if (done) done(std::move(result));
  {
    std::lock_guard lock(m_mutex);
    m_running = 0;
    m_live.erase(id);
  }
  m_idle.notify_all();
}

std::size_t MultiClient::StartDue(Clock::time_point now) {
  std::vector<std::pair<TransferId, std::unique_ptr<Pending>>> due;
  {
    std::lock_guard lock(m_mutex);
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
      if (it->second->notBefore <= now) {
        due.emplace_back(it->first, std::move(it->second));
        it = m_waiting.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (auto& [id, p] : due) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(p->deadline - now);
    if (left.count() <= 0) {
      m_active.emplace(id, std::move(p));
      Complete(id, domain::MakeError(domain::ErrorCode::kTimeout, "deadline passed before the request could start"));
      continue;
    }
    auto transfer = detail::Prepare(p->request, m_options, std::min(left, m_options.timeout));
    if (!transfer) {
      m_active.emplace(id, std::move(p));
      Complete(id, transfer.error());
      continue;
    }
    p->transfer = std::move(transfer).value();
    curl_easy_setopt(p->transfer->easy, CURLOPT_PRIVATE, reinterpret_cast<void*>(static_cast<std::uintptr_t>(id)));
    curl_multi_add_handle(M(m_multi), p->transfer->easy);
    m_active.emplace(id, std::move(p));
  }
  return due.size();
}

void MultiClient::Loop() {
  {
    std::lock_guard lock(m_mutex);
    m_loopThread = std::this_thread::get_id();
  }
  for (;;) {
    std::vector<TransferId> cancelled;
    Clock::time_point nextStart = Clock::time_point::max();
    {
      std::lock_guard lock(m_mutex);
      if (m_stop) return;
      for (TransferId id : m_cancelled) {
        if (m_active.count(id)) cancelled.push_back(id);
      }
      for (const auto& [id, p] : m_waiting) nextStart = std::min(nextStart, p->notBefore);
    }
    for (TransferId id : cancelled) {
      // Aborts the transfer; curl closes or keeps the connection as it sees fit.
      curl_multi_remove_handle(M(m_multi), m_active[id]->transfer->easy);
      m_active.erase(id);
      std::lock_guard lock(m_mutex);
      m_cancelled.erase(id);
      m_live.erase(id);
    }
    const auto now = Clock::now();
    std::size_t progressed = StartDue(now);

    int running = 0;
    curl_multi_perform(M(m_multi), &running);
    while (CURLMsg* msg = [&] {
      int left = 0;
      return curl_multi_info_read(M(m_multi), &left);
    }()) {
      if (msg->msg != CURLMSG_DONE) continue;
      CURL* easy = msg->easy_handle;
      const CURLcode rc = msg->data.result;
      void* priv = nullptr;
      curl_easy_getinfo(easy, CURLINFO_PRIVATE, &priv);
      const auto id = static_cast<TransferId>(reinterpret_cast<std::uintptr_t>(priv));
      long connects = 0;
      curl_easy_getinfo(easy, CURLINFO_NUM_CONNECTS, &connects);
      curl_multi_remove_handle(M(m_multi), easy);
      {
        std::lock_guard lock(m_mutex);
        m_connections += static_cast<std::size_t>(connects);
      }
      auto it = m_active.find(id);
      if (it == m_active.end()) continue;
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(it->second->deadline - Clock::now());
      if (rc != CURLE_OK && left.count() > 0 && detail::ReadyForFreshRetry(*it->second->transfer, rc, left)) {
        curl_multi_add_handle(M(m_multi), easy);  // the same request once more, on a new connection
        ++progressed;
        continue;
      }
      auto result = detail::Finish(*it->second->transfer, rc);
      Complete(id, std::move(result));
      ++progressed;
    }
    int waitMs = 1000;
    if (nextStart != Clock::time_point::max()) {
      const auto until = std::chrono::duration_cast<std::chrono::milliseconds>(nextStart - Clock::now()).count();
      waitMs = static_cast<int>(std::clamp<std::int64_t>(until, 0, waitMs));
    }
    long curlTimeout = -1;
    curl_multi_timeout(M(m_multi), &curlTimeout);
    if (curlTimeout >= 0) waitMs = std::min<int>(waitMs, static_cast<int>(curlTimeout));
    // After a completion or a start, go round once more at once: curl moves transfers that were
    // waiting for a free connection only inside curl_multi_perform, and reports no timeout for them.
    if (progressed > 0) waitMs = 0;
    if (waitMs > 0) curl_multi_poll(M(m_multi), nullptr, 0, waitMs, nullptr);
  }
}

}  // namespace zb::net::http
