// SPDX-License-Identifier: GPL-3.0-or-later
#include "release_command.h"

#include <iostream>

#include "present/draft_texts.h"
#include "present/prescription_report.h"
#include "report/pdf_writer.h"

namespace zb::cli {

namespace d = zb::domain;

namespace {

constexpr int kExitRefused = 2;
constexpr int kExitToHandle = 3;
constexpr int kExitNotDelivered = 6;

void Print(const workstation::OutboxEntry& e) {
  std::cout << "  #" << e.id << " " << e.target << " " << (e.receiverName.empty() ? e.receiverUra : e.receiverName)
            << " (URA " << (e.receiverUra.empty() ? "-" : e.receiverUra) << "): " << workstation::ToString(e.state)
            << (e.attempts > 0 ? ", attempt " + std::to_string(e.attempts) : std::string())
            << (e.answer.empty() ? std::string() : " — " + e.answer) << "\n";
  if (e.processedAt) {
    std::cout << "    processed by the pharmacy " << d::FormatDateTime(*e.processedAt) << ":\n";
    for (const auto& b : e.processing) std::cout << "      " << present::DescribeProcessedBlock(b) << "\n";
  }
}

}  // namespace

int RunRelease(workstation::Workstation& w, const d::RegisteredPatient& patient, const DraftArgs& a, bool release,
               boost::posix_time::ptime now) {
  if (!release && a.paper > 0) {
    auto paper = w.releases().Prescription(patient, a.paper);
    if (!paper) {
      std::cerr << "zorgbrug-cli: no paper prescription: " << paper.error().detail << "\n";
      return kExitRefused;
    }
    auto pages = report::WritePdf(present::BuildPrescriptionReport(paper.value(), d::FormatDateTime(now)), a.paperPdf);
    report::ReleaseFontCaches();  // the last PDF of this process
    if (!pages) {
      std::cerr << "zorgbrug-cli: " << a.paperPdf << ": " << pages.error().detail << "\n";
      return kExitRefused;
    }
    std::cout << "paper prescription of outbox item #" << a.paper << " written to " << a.paperPdf << " ("
              << pages.value() << " page" << (pages.value() == 1 ? "" : "s") << ")\n";
  }
  if (!release && a.confirmHandDelivery > 0) {
    auto confirmed = w.releases().ConfirmHandDelivery(patient, a.confirmHandDelivery, now);
    if (!confirmed) {
      std::cerr << "zorgbrug-cli: " << confirmed.error().detail << "\n";
      return kExitRefused;
    }
    std::cout << "outbox item #" << a.confirmHandDelivery << " confirmed delivered by hand\n";
  }
  if (release) {
    workstation::ReleaseRequest request;
    request.pharmacyUra = a.pharmacyUra;
    for (const auto& text : a.decisions) {
      const auto eq = text.rfind('=');
      if (eq == std::string::npos || eq + 1 == text.size()) {
        std::cerr << "zorgbrug-cli: --decide needs 'KEY=reason': " << text << "\n";
        return kExitRefused;
      }
      request.decisions.push_back({text.substr(0, eq), text.substr(eq + 1)});
    }
    auto released = w.releases().Release(patient, request, now);
    if (!released) {
      std::cerr << "zorgbrug-cli: release refused: " << released.error().detail << "\n";
      // Which signals still need a decision, with the key a script passes back.
      auto checked = w.drafts().Check(patient, now);
      bool open = false;
      if (checked) {
        for (const auto& s : checked->check.signals) {
          if (!s.MustHandle() && !s.Blocking()) continue;
          open = true;
          std::cout << "  " << present::DescribeSignal(s) << "\n    --decide '" << s.Key() << "=<reason>'\n";
        }
      }
      return open ? kExitToHandle : kExitRefused;
    }
    std::cout << "release " << released->release << " queued\n";
  }
  auto sent = w.releases().Send(now);
  if (!sent) std::cerr << "zorgbrug-cli: sending: " << sent.error().detail << "\n";
  auto outbox = w.releases().Outbox(patient);
  if (!outbox) {
    std::cerr << "zorgbrug-cli: " << outbox.error().detail << "\n";
    return kExitRefused;
  }
  if (outbox->empty()) std::cout << "the outbox is empty\n";
  bool all = true;
  for (const auto& e : outbox.value()) {
    Print(e);
    all = all &&
          (e.state == workstation::DeliveryState::kDelivered || e.state == workstation::DeliveryState::kHandDelivered);
  }
  return all ? 0 : kExitNotDelivered;
}

}  // namespace zb::cli
