// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The sandbox pharmacy's way back (prescribing.md §1, "Sturen voorschriftverwerking", MP-VAS): a
// while after it accepted a prescription it sends an mp-MedicationPrescriptionProcessing-Bundle —
// one TA per MA, one MVE per VV, referring to them by identifier — to the prescriber's organisation:
// its endpoint from that organisation's Discovery registration (zorgbrug-voorschriftverwerking), a
// DPoP-bound token from that organisation's authorization server, a DPoP proof with the pharmacy's key.
#include <condition_variable>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "world.h"

namespace zb::sandbox {

// The processing Bundle a pharmacy makes of a prescription Bundle it accepted (also for tests).
nlohmann::json ProcessingBundleFor(const HolderInfo& pharmacy, const nlohmann::json& prescription,
                                   const std::string& now);

class ProcessingSender {
 public:
  ProcessingSender(World& world, std::string caFile);
  ~ProcessingSender();
  ProcessingSender(const ProcessingSender&) = delete;
  ProcessingSender& operator=(const ProcessingSender&) = delete;

 private:
  void Run();
  void Send(const ProcessingJob& job);
  World& m_world;
  std::string m_caFile;
  bool m_stop = false;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::thread m_thread;
};

}  // namespace zb::sandbox
