// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Names the calling thread (Linux: at most 15 characters), so that top, perf and the benchmarks'
// CPU split can tell the server's and the client's threads from the rest of a process.
#if defined(__linux__)
#include <pthread.h>
#endif

namespace zb::net::http {

inline void NameThisThread(const char* name) {
#if defined(__linux__)
  pthread_setname_np(pthread_self(), name);
#else
  (void)name;
#endif
}

}  // namespace zb::net::http
