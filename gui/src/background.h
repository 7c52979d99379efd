// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Blocking work off the UI thread (login, directory search, connection test): one worker thread,
// jobs in order. Results come back with PostTo (ui_thread.h). StopBackground() waits for the
// queue to drain; the application calls it before the workstation the jobs use goes away.
#include <functional>

namespace zb::gui {

void RunInBackground(std::function<void()> job);
void StopBackground();

}  // namespace zb::gui
