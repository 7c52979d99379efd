// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Tasks of the on-call report's notified pull (docs/waarneem-ig.md §5): the workflow Task the
// sender hosts, the notification Task it posts to the receiver — which names no patient and holds
// no clinical text — and what the receiver reads from a notification.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace zb::gateway {

// FHIR instant (UTC, seconds) of seconds since the epoch.
std::string FhirInstant(std::int64_t seconds);

struct Party {
  std::string ura;
  std::string name;
};

// The workflow Task for `compositionId`: requested, owner = receiver, focus = the document.
nlohmann::json WorkflowTask(const std::string& taskId, const std::string& compositionId, const std::string& bsn,
                            const Party& sender, const Party& receiver, std::int64_t now, std::int64_t pullUntil);

// One request of the report as a sub-Task of the workflow Task `taskId` (docs/waarneem-ig.md §3):
// requested, owner = receiver, the request's text, priority and due date (yyyy-mm-dd).
struct RequestLine {
  std::string text;
  std::string due;
  bool urgent = false;
};
nlohmann::json RequestTask(const std::string& id, const std::string& taskId, const RequestLine& request,
                           const std::string& bsn, const Party& sender, const Party& receiver, std::int64_t now);
// The update a receiver PUTs to complete the sender's Task `id` (the workflow Task: read and taken
// over; a request: done): status completed with outputs acknowledged-by and acknowledged-at.
nlohmann::json CompletedTask(const std::string& id, const std::string& who, const std::string& at);
// A request sub-Task as the outbox and the to-do list carry it: {id, text, due, priority, status,
// completed_by, completed_at}.
nlohmann::json RequestSummary(const nlohmann::json& task);
// The ids of the request sub-Tasks a workflow Task lists in its input ("Task/<uuid>" only).
std::vector<std::string> RequestIds(const nlohmann::json& workflowTask);

// The notification: pull-notification, basedOn the workflow Task at `senderBase`, requester the
// sending organisation, owner the receiving one. Nothing about the patient.
nlohmann::json NotificationTask(const std::string& notificationId, const std::string& taskId,
                                const std::string& senderBase, const Party& sender, const std::string& receiverUra,
                                std::int64_t now, std::int64_t pullUntil);

struct Notification {
  std::string id;  // its identifier (urn:uuid value)
  std::string requesterUra;
  std::string ownerUra;
  std::string basedOn;  // the workflow Task's absolute URL
  std::string periodEnd;
  std::vector<std::string> problems;  // element and why, for the 422 answer
};
Notification ReadNotification(const std::string& body);

// The id of "<base>/Task/<id>" when `url` is exactly that under `base`; "" otherwise.
std::string TaskIdUnder(const std::string& url, const std::string& base);

}  // namespace zb::gateway
