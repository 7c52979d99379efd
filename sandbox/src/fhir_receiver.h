// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A receiver of a release in the sandbox (prescribing.md §1, §2): the pharmacy (MP-VOO) takes an
// mp-MedicationPrescription-Bundle, the nursing home's ECD (MP-MGO) a "send medication data"
// transaction. Each checks what the Nictiz sending TestScripts check on the wire, answers a
// transaction-response (201) or a 4xx OperationOutcome naming the first problems, and keeps what
// it accepted — once per Bundle.identifier: a release sent again gets the first answer back (200).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "world.h"

namespace zb::sandbox {

enum class ReceiverKind { kPrescription, kMedicationData };

// The receiving role a scope stands for; nullopt for a retrieval scope.
std::optional<ReceiverKind> ReceiverFor(const std::string& scope);

// Accepts or refuses a POSTed transaction. Call under the world lock.
void Receive(World& world, const HolderInfo& holder, const IssuedToken& token, const std::string& body,
             httplib::Response& res);

// MedicationRequest?identifier=system|value at a receiver: what it accepted under that identifier
// (how a sender finds out whether a release whose answer it lost did arrive). Call under the lock.
nlohmann::json ReceivedSearch(const World& world, const HolderInfo& holder, const std::string& identifier,
                              const std::string& self);

}  // namespace zb::sandbox
