// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/gateway_lookups.h"

#include <mutex>

#include "net/client/gateway_client.h"
#include "net/client/retriever.h"

namespace zb::workstation {

struct GatewayLookups::Impl {
  GatewaySession session;
  net::client::GatewayClient gateway;
  net::client::Retriever retriever;

  static net::http::ClientOptions Trust(const GatewaySession& s) {
    net::http::ClientOptions options;
    options.caFile = s.caFile;
    return options;
  }
  explicit Impl(const GatewaySession& s) : session(s), gateway(s.gateway, Trust(s)), retriever(gateway) {}
};

GatewayLookups::GatewayLookups(const GatewaySession& session) : m_impl(std::make_unique<Impl>(session)) {}
GatewayLookups::~GatewayLookups() = default;

domain::Result<std::optional<OfflinePicture>> GatewayLookups::OpenOffline(const domain::RegisteredPatient&) {
  return std::optional<OfflinePicture>();
}

domain::Result<GatewayLookups::LookupId> GatewayLookups::LookUp(const domain::RegisteredPatient& patient,
                                                                OnSource onSource, OnEnd onEnd) {
  if (patient.sources.empty()) {
    return domain::MakeError(domain::ErrorCode::kMissing, "no sources are known for this patient");
  }
  net::client::LookupRequest request;
  request.session = m_impl->session.token;
  request.bsn = patient.bsn.digits();
  request.birthDate = patient.birthDate;
  request.deadline = m_impl->session.deadline;
  for (const auto& s : patient.sources) request.sources.push_back({s.source, s.ura, std::nullopt});
  // Counted per delivery, so the end comes after the last source (which may be delivered inside
  // Start, before the id is known here).
  struct Count {
    std::mutex mutex;
    std::size_t left = 0;
    bool complete = true;
  };
  auto count = std::make_shared<Count>();
  count->left = request.sources.size();
  return m_impl->retriever.Start(std::move(request), [count, onSource = std::move(onSource), onEnd = std::move(onEnd)](
                                                         LookupId id, domain::SourceDelivery delivery) {
    LookupEnd end;  // nothing is stored here: never saved
    bool last = false;
    {
      std::lock_guard lock(count->mutex);
      count->complete = count->complete && domain::Answered(delivery.outcome.status);
      last = --count->left == 0;
      end.complete = count->complete;
    }
    if (onSource) onSource(id, std::move(delivery));
    if (last && onEnd) onEnd(id, end);
  });
}

void GatewayLookups::Cancel(LookupId id) { m_impl->retriever.Cancel(id); }

std::chrono::milliseconds GatewayLookups::deadline() const { return m_impl->session.deadline; }

}  // namespace zb::workstation
