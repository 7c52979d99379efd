// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal: moves all elements of `from` to the end of `into` (stealing the buffer when `into` is
// empty, the common case when merging one source into an empty set).
#include <iterator>
#include <utility>
#include <vector>

namespace zb::domain::detail {

template <class T>
void MoveAppend(std::vector<T>& into, std::vector<T>& from) {
  if (into.empty()) {
    into = std::move(from);
  } else {
    into.insert(into.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  }
  from.clear();
}

}  // namespace zb::domain::detail
