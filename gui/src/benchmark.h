// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The GUI half of `zorgbrug-bench gui` (hidden --benchmark-* options): start-up to the login
// window, data ready → overview painted for a patient with hundreds of treatment lines, and the
// resident memory with that patient open. Figures go to a report file the bench prints.
#include "app.h"

class wxFrame;

namespace zb::gui {

void RunGuiBenchmark(const StartOptions& options, wxFrame* loginWindow);

}  // namespace zb::gui
