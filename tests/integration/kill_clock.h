// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// When a crash loop kills its child. The kill must fall inside the run most of the time, or the
// loop tests nothing; but how long a run takes differs between kinds of run, between a cold first
// run and the warm ones after it, and between this machine and a loaded CI runner. So the clock
// learns: per kind of run, it keeps how long the last runs took that ended by themselves, and draws
// the kill moment uniformly up to a quarter beyond their median. A single slow first run (which
// once made most kills come too late) no longer decides the spread of all the others.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace zb::test {

class KillClock {
 public:
  explicit KillClock(unsigned seed) : m_rng(seed) {}

  // How long to let a run of this kind go before it is killed.
  std::chrono::milliseconds Delay(const std::string& kind) {
    const int typical = Typical(kind);
    std::uniform_int_distribution<int> spread(0, typical + typical / 4);
    return std::chrono::milliseconds(spread(m_rng));
  }

  // A run of this kind that ended by itself, and how long it took.
  void Ended(const std::string& kind, std::chrono::steady_clock::duration took) {
    auto& recent = m_recent[kind];
    recent.push_back(static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(took).count()));
    if (recent.size() > kKept) recent.pop_front();
  }

 private:
  static constexpr std::size_t kKept = 9;

  // The median of the kind's recent runs; of all kinds while this one has none yet.
  int Typical(const std::string& kind) const {
    std::vector<int> sample;
    const auto own = m_recent.find(kind);
    if (own != m_recent.end() && !own->second.empty()) {
      sample.assign(own->second.begin(), own->second.end());
    } else {
      for (const auto& [k, recent] : m_recent) sample.insert(sample.end(), recent.begin(), recent.end());
    }
    if (sample.empty()) return 1000;
    const auto middle = sample.begin() + static_cast<std::ptrdiff_t>(sample.size() / 2);
    std::nth_element(sample.begin(), middle, sample.end());
    return std::max(1, *middle);
  }

  std::mt19937 m_rng;
  std::map<std::string, std::deque<int>> m_recent;
};

}  // namespace zb::test
