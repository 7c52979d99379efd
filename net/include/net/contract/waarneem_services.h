// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The on-call report's transport between organisations (docs/waarneem-ig.md §5): sender-hosted
// notified pull. Each organisation's gateway registers one FHIR base on this Discovery Service:
// a notification is POSTed to <base>/Task, and the report's workflow Task, document and PDF are
// pulled from <base>/Task/{id}, <base>/Composition/{id}/$document and <base>/Binary/{id}. No
// published agreement covers this yet, hence Zorgbrug's own service and scopes.
#include <string_view>

namespace zb::net::contract {

inline constexpr std::string_view kReportService = "zorgbrug-waarneem";
// Sender -> receiver: the notification only (no patient, no clinical text).
inline constexpr std::string_view kReportNotifyScope = "zorgbrug-waarneem-notify";
// Receiver -> sender: the Task, the document and the PDF, and the Task's status.
inline constexpr std::string_view kReportPullScope = "zorgbrug-waarneem-pull";
inline constexpr std::string_view kReportBase = "/waarneem/fhir";

// Codes of the Tasks (docs/waarneem-ig.md §5).
inline constexpr std::string_view kTaskCodeSystem = "http://fhir.nl/fhir/NamingSystem/TaskCode";
inline constexpr std::string_view kPullNotificationCode = "pull-notification";
inline constexpr std::string_view kZbTaskCodeSystem = "https://zorgbrug.nl/fhir/CodeSystem/zb-task-code";
inline constexpr std::string_view kOfferReportCode = "waarneemverslag-aanbieden";
// A request to the own physician: a sub-Task (partOf the workflow Task, listed in its input).
inline constexpr std::string_view kRequestCode = "verzoek-eigen-arts";
inline constexpr std::string_view kRequestInput = "verzoek";
// Outputs of a completed Task (the workflow Task: read and taken over; a request: done).
inline constexpr std::string_view kAcknowledgedBy = "acknowledged-by";
inline constexpr std::string_view kAcknowledgedAt = "acknowledged-at";

}  // namespace zb::net::contract
