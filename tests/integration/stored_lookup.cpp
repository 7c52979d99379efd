// SPDX-License-Identifier: GPL-3.0-or-later
#include "stored_lookup.h"

#include <catch2/catch.hpp>
#include <condition_variable>
#include <mutex>
#include <optional>

namespace zb::test {

void LookUpAndStore(workstation::Workstation& w, const domain::RegisteredPatient& patient) {
  std::mutex m;
  std::condition_variable cv;
  std::optional<workstation::LookupEnd> end;
  auto id = w.LookUp(
      patient, [](workstation::Workstation::LookupId, domain::SourceDelivery) {},
      [&](workstation::Workstation::LookupId, workstation::LookupEnd e) {
        std::lock_guard lock(m);
        end = e;
        cv.notify_all();
      });
  REQUIRE(id.ok());
  std::unique_lock lock(m);
  REQUIRE(cv.wait_for(lock, std::chrono::seconds(20), [&] { return end.has_value(); }));
  REQUIRE(end->saved);
}

domain::BlockId OneAgreementLine(workstation::Workstation& w, const domain::RegisteredPatient& p) {
  auto offline = w.OpenOffline(p).value();
  REQUIRE(offline);
  const auto overview = offline->picture->Consolidate(boost::posix_time::second_clock::universal_time());
  for (const auto& line : overview.lines) {
    if (line.status == domain::TreatmentStatus::kCurrent && line.agreements.size() == 1 && !line.endedBy)
      return line.treatment;
  }
  FAIL("no active line with one agreement in the sandbox's data for this patient");
  return {};
}

}  // namespace zb::test
