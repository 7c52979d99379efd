// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/amo_review.h"

#include "domain/amo_reading.h"

namespace zb::domain {
namespace {

Result<AmoLine*> LineAt(AmoImport& review, int line) {
  if (line < 0 || line >= static_cast<int>(review.document.lines.size()))
    return MakeError(ErrorCode::kOutOfRange, "the AMO has no line " + std::to_string(line + 1));
  return &review.document.lines[static_cast<size_t>(line)];
}

}  // namespace

AmoImport StartReview(AmoDocument document, bool fourEyes) {
  AmoImport review;
  review.lines.resize(document.lines.size());
  review.document = std::move(document);
  review.fourEyes = fourEyes;
  return review;
}

std::string ReviewState(const AmoImport& review) {
  bool allChecked = true, allAccepted = true;
  for (const auto& l : review.lines) {
    allChecked = allChecked && !l.checkedBy.empty();
    allAccepted = allAccepted && !l.acceptedBy.empty();
  }
  if (allAccepted && !review.lines.empty()) return "accepted";
  return allChecked && !review.lines.empty() ? "checked" : "imported";
}

Result<AmoFieldChange> EditField(AmoImport& review, int line, const std::string& field, const std::string& text,
                                 const AmoReviewer& by, Instant at) {
  auto l = LineAt(review, line);
  if (!l) return l.error();
  if (!review.lines[static_cast<size_t>(line)].acceptedBy.empty())
    return MakeError(ErrorCode::kRefused, "line " + std::to_string(line + 1) + " is accepted; it can no longer change");
  AmoField* f = LineField(*l.value(), field);
  if (!f) return MakeError(ErrorCode::kInvalidFormat, "an AMO line has no field '" + field + "'");
  AmoFieldChange change{line, field, f->text, text, by.id, at};
  // A person typed it from the page: it is as sure as a text layer, and is read again below.
  f->text = text;
  f->confidence = 1.0;
  f->uncertain = false;
  f->why.clear();
  AmoLine& row = *l.value();
  // Reading again recomputes every value; the doubts of the other fields stay as they were.
  std::vector<std::pair<AmoField*, AmoField>> kept;
  for (const auto& other : kAmoLineFields)
    if (AmoField* o = &(row.*(other.field)); o != f) kept.emplace_back(o, *o);
  ReadAmoLine(row, 0.0);
  for (auto& [o, before] : kept) {  // same text, same reading: keep what the secretary settled
    o->uncertain = before.uncertain;
    o->why = before.why;
  }
  review.lines[static_cast<size_t>(line)].checkedBy.clear();  // a changed line is checked again
  review.changes.push_back(change);
  return change;
}

Result<AmoFieldChange> ConfirmField(AmoImport& review, int line, const std::string& field, const AmoReviewer& by,
                                    Instant at) {
  auto l = LineAt(review, line);
  if (!l) return l.error();
  AmoField* f = LineField(*l.value(), field);
  if (!f) return MakeError(ErrorCode::kInvalidFormat, "an AMO line has no field '" + field + "'");
  if (!f->uncertain)
    return MakeError(ErrorCode::kInconsistent,
                     "field '" + field + "' of line " + std::to_string(line + 1) + " is not uncertain");
  // "klopt" can only vouch for a value that reads; an unreadable one needs an edit.
  const bool readable =
      !f->text.empty() && (!f->value.empty() || field == "reason" || field == "remarks" || field == "prescriber");
  if (!readable)
    return MakeError(ErrorCode::kRefused, "field '" + field + "' of line " + std::to_string(line + 1) +
                                              " does not read (" + f->why + "): type what the page says");
  f->uncertain = false;
  f->why.clear();
  AmoFieldChange change{line, field, f->text, f->text, by.id, at};
  review.changes.push_back(change);
  return change;
}

Result<bool> CheckLine(AmoImport& review, int line, const AmoReviewer& by) {
  auto l = LineAt(review, line);
  if (!l) return l.error();
  const auto open = l.value()->UncertainFields();
  if (!open.empty()) {
    std::string names;
    for (const auto& n : open) names += (names.empty() ? "" : ", ") + n;
    return MakeError(ErrorCode::kInconsistent, "line " + std::to_string(line + 1) + " still has uncertain fields (" +
                                                   names + "): edit them or confirm them first");
  }
  review.lines[static_cast<size_t>(line)].checkedBy = by.id;
  return true;
}

Result<bool> AcceptLine(AmoImport& review, int line, const AmoReviewer& by, bool continueAsDraft) {
  auto l = LineAt(review, line);
  if (!l) return l.error();
  if (!by.Prescriber())
    return MakeError(ErrorCode::kRefused,
                     by.name + " may check transcriptions but not accept lines: a prescriber (role 01.xxx) accepts");
  auto& r = review.lines[static_cast<size_t>(line)];
  if (r.checkedBy.empty())
    return MakeError(ErrorCode::kInconsistent,
                     "line " + std::to_string(line + 1) + " is not checked against the page yet");
  if (review.fourEyes && r.checkedBy == by.id)
    return MakeError(ErrorCode::kRefused, "four-eyes: " + by.name + " checked line " + std::to_string(line + 1) +
                                              " and cannot also accept it");
  if (continueAsDraft && (l.value()->status == AmoStatus::kStopped))
    return MakeError(ErrorCode::kRefused,
                     "line " + std::to_string(line + 1) + " was stopped at discharge; it cannot be continued");
  r.acceptedBy = by.id;
  r.continueAsDraft = continueAsDraft;
  return true;
}

}  // namespace zb::domain
