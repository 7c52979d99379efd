// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
namespace zb::bench {
// zorgbrug-bench gui [--treatments N] [--runs N]: starts the real `zorgbrug` binary on the current
// display (xvfb-run on a server) in benchmark mode and reports start-up to the login window,
// data ready → overview painted for a patient with N treatment lines, and resident memory.
int RunGui(int argc, char** argv);
}  // namespace zb::bench
