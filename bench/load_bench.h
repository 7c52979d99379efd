// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
namespace zb::bench {
// zorgbrug-bench load [--desktops N] [--seconds S] [--service-ms MS]: N simulated desktops, each
// with its own session and connections, look patients up continuously through one gateway process.
int RunLoad(int argc, char** argv);
}  // namespace zb::bench
