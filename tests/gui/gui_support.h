// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the GUI tests: the real chain (sandbox + gateway processes), a logged-in workstation on
// a fresh store with the demo register, waiting inside the event loop, and screenshots.
#include <wx/window.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "exchange_world.h"
#include "workstation/workstation.h"

namespace zb::test {

ExchangeWorld& World();
bool WaitFor(const std::function<bool()>& done, std::chrono::milliseconds timeout);
void Screenshot(wxWindow* w, const std::string& name);
// Destroys a top-level window now: wx deletes it at the next idle time, which a test loop never
// reaches by itself (the window would stay on the display and in memory).
void Close(wxWindow* w);
workstation::Config ConfigIn(const std::string& dir);
// The sandbox pharmacy serves what it was prescribed from then on (as a real one would); a test that
// releases holds one of these, so when it ends — passed or failed — the pharmacy's record is the
// demo data again for the tests after it in this shared world.
struct ReleasesForgottenAtEnd {
  ReleasesForgottenAtEnd() = default;
  ReleasesForgottenAtEnd(const ReleasesForgottenAtEnd&) = delete;
  ReleasesForgottenAtEnd& operator=(const ReleasesForgottenAtEnd&) = delete;
  ~ReleasesForgottenAtEnd();
};
std::unique_ptr<workstation::Workstation> LoggedIn(const std::string& dir, workstation::User& user,
                                                   const std::string& persona = "so");

}  // namespace zb::test
