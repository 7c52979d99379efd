// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The gateway API for on-call reports (docs/gateway-api.yaml, docs/waarneem-ig.md §5): what a
// desktop sees of the reports its organisation sent (the outbox) and of the notifications it
// received (the inbox), and a report pulled from its sender. Readers name the member that is wrong.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace zb::net::contract {

// A request to the own physician: a sub-Task of the report's workflow Task at the sender
// (docs/waarneem-ig.md §3), completed by the receiving organisation.
struct ReportRequest {
  std::string id;  // the sub-Task's id at the sender
  std::string text;
  std::string due;       // FHIR date (yyyy-mm-dd)
  std::string priority;  // routine, urgent
  std::string status;    // requested, completed
  std::string completedBy;
  std::string completedAt;  // FHIR dateTime
};

// A team of an organisation that reports can be addressed to (docs/waarneem-ig.md §5a); an empty
// id means the organisation as a whole.
struct Team {
  std::string id;
  std::string name;
  std::string location;
  bool known = true;  // on an inbox item: the team is one of ours (else it came for the organisation)
};

struct SentReport {
  std::string taskId;
  std::string reportId;
  std::string patient;  // BSN
  std::string receiverUra;
  std::string receiverName;
  std::string author;          // DEZI number
  std::int64_t publishedAt{};  // seconds since the epoch
  // saved (kept, notification not accepted yet), notified, received (document pulled),
  // completed (read and taken over), no_endpoint (the receiver is not on Discovery: send the PDF)
  std::string state;
  std::int64_t notifyAttempts{};
  std::string lastError;
  std::int64_t nextAttempt{};
  std::int64_t notifiedAt{};
  std::int64_t receivedAt{};
  std::string readBy;  // "<name> (DEZI <number>)" of the acknowledgement
  std::string readAt;  // FHIR dateTime
  std::vector<ReportRequest> requests;
  std::string receiverTeam;  // the team's name when addressed to one
};

struct InboxItem {
  std::string id;
  std::string senderUra;
  std::string senderName;
  std::string taskId;
  std::int64_t receivedAt{};
  std::string state;  // new, read, acknowledged
  std::string readBy;
  std::string acknowledgedBy;
  std::string acknowledgedAt;
  Team team;  // whom at our organisation it is addressed to (empty id: the organisation)
};

struct PulledReport {
  InboxItem item;
  std::string task;  // the sender's workflow Task (FHIR JSON)
  std::string taskStatus;
  std::string document;  // the FHIR document Bundle (JSON)
  std::string pdf;       // the PDF bytes
};

// A request as a to-do of the receiving organisation: from which inbox item, about whom.
struct Todo {
  std::string item;     // the inbox item (notification) it came with
  std::string patient;  // BSN
  std::string senderUra;
  std::string senderName;
  std::int64_t receivedAt{};
  ReportRequest request;
  Team team;  // the team its report was addressed to (empty id: the organisation)
};

domain::Result<SentReport> ReadSentReport(std::string_view body);
domain::Result<std::vector<SentReport>> ReadSentReports(std::string_view body);
domain::Result<InboxItem> ReadInboxItem(std::string_view body);
domain::Result<std::vector<InboxItem>> ReadInbox(std::string_view body);
domain::Result<PulledReport> ReadPulledReport(std::string_view body);
domain::Result<Todo> ReadTodo(std::string_view body);
domain::Result<std::vector<Todo>> ReadTodos(std::string_view body);
// GET /api/v1/teams, /api/v1/organisations/{ura}/teams: [{id, name, location}].
domain::Result<std::vector<Team>> ReadTeams(std::string_view body);

}  // namespace zb::net::contract
