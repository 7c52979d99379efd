// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
namespace zb::bench {
// zorgbrug-bench retrieve [--patients N] [--service-ms MS] [--via-nginx]: a whole patient lookup
// through the gateway (or nginx in front of it) against the sandbox, each holder answering after an
// injected service time.
int RunRetrieve(int argc, char** argv);
}  // namespace zb::bench
