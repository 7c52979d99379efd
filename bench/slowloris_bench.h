// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
namespace zb::bench {
// zorgbrug-bench slowloris [--connections N] [--seconds S] [--service-ms MS] [--via-nginx]:
// an honest desktop's lookups while N TLS connections trickle a request head (one header line
// every 3 s, reconnecting whenever the server cuts one off), against the lookup's usual time.
int RunSlowloris(int argc, char** argv);
}  // namespace zb::bench
