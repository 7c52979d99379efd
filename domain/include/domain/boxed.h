// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An optional value kept on the heap, with value semantics (deep copy, deep comparison). For
// large members that are usually absent (dose ranges, rates, maximum doses): an empty Boxed is
// one pointer instead of the full inline size of std::optional<T>, which matters when a patient's
// history holds tens of thousands of dosage lines.
#include <memory>
#include <optional>
#include <utility>

namespace zb::domain {

template <class T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(std::nullopt_t) {}                                            // NOLINT: optional-like
  Boxed(T value) : m_value(std::make_unique<T>(std::move(value))) {}  // NOLINT: optional-like
  Boxed(const Boxed& o) : m_value(o.m_value ? std::make_unique<T>(*o.m_value) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& o) {
    if (this != &o) m_value = o.m_value ? std::make_unique<T>(*o.m_value) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(std::nullopt_t) {
    m_value.reset();
    return *this;
  }
  Boxed& operator=(T value) {
    m_value = std::make_unique<T>(std::move(value));
    return *this;
  }
  Boxed& operator=(std::optional<T> v) {
    m_value = v ? std::make_unique<T>(std::move(*v)) : nullptr;
    return *this;
  }

  bool has_value() const { return m_value != nullptr; }
  explicit operator bool() const { return has_value(); }
  const T& operator*() const { return *m_value; }
  T& operator*() { return *m_value; }
  const T* operator->() const { return m_value.get(); }
  T* operator->() { return m_value.get(); }

  friend bool operator==(const Boxed& a, const Boxed& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a.has_value() || *a == *b;
  }

 private:
  std::unique_ptr<T> m_value;
};

}  // namespace zb::domain
