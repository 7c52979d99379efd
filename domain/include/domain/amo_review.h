// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The two steps after an AMO import (amo.md C.4, C-R5): the secretary checks the transcription
// against the page — editing a field (old -> new kept), or saying "klopt" to an uncertain one —
// and marks each line "transcriptie gecontroleerd"; then a prescriber accepts lines clinically.
// With four-eyes on (the default) the person who checked a line cannot accept it. The secretary
// checks what the paper says, never the clinical content.
#include <optional>
#include <string>
#include <vector>

#include "domain/amo_document.h"
#include "domain/date_time.h"
#include "domain/result.h"

namespace zb::domain {

struct AmoReviewer {
  std::string id;    // DEZI number (or the local user id)
  std::string name;  // for the audit and the screen
  std::string role;  // DEZI role code: 01.xxx is a physician (prescriber), 00.000 a secretary
  bool Prescriber() const { return role.rfind("01.", 0) == 0; }
};

// What happened to a field: an edit (before != after) or a confirmation "klopt" (before == after).
struct AmoFieldChange {
  int line = 0;       // 0-based; -1 for a header field
  std::string field;  // "dose", "start", "bsn", ...
  std::string before, after;
  std::string by;  // reviewer id
  Instant at;
};

struct AmoLineReview {
  std::string checkedBy;         // reviewer id of "transcriptie gecontroleerd"; empty until then
  std::string acceptedBy;        // prescriber id; empty until accepted
  bool continueAsDraft = false;  // the SO continues it: a pre-admission draft follows
};

struct AmoImport {
  AmoDocument document;
  std::vector<AmoLineReview> lines;  // one per document line
  std::vector<AmoFieldChange> changes;
  bool fourEyes = true;
};

AmoImport StartReview(AmoDocument document, bool fourEyes = true);

// Where the import stands in the queue: "imported" (a line not yet checked), "checked" (every line
// checked, not every line accepted), "accepted" (every line accepted).
std::string ReviewState(const AmoImport& review);

// Sets the printed text as the secretary reads it on the page and reads the line again. A field a
// person typed is no longer uncertain unless it still does not read ("31-02-2026").
Result<AmoFieldChange> EditField(AmoImport& review, int line, const std::string& field, const std::string& text,
                                 const AmoReviewer& by, Instant at);
// "klopt": the uncertain field says what the page says.
Result<AmoFieldChange> ConfirmField(AmoImport& review, int line, const std::string& field, const AmoReviewer& by,
                                    Instant at);
// "transcriptie gecontroleerd"; refused while a field is still uncertain (naming it).
Result<bool> CheckLine(AmoImport& review, int line, const AmoReviewer& by);
// A prescriber accepts a checked line (four-eyes: not the one who checked it).
Result<bool> AcceptLine(AmoImport& review, int line, const AmoReviewer& by, bool continueAsDraft);

}  // namespace zb::domain
