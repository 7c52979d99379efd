// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Expected failures travel as values (GCC 12 has no std::expected in C++20). Exceptions are for
// bugs only. An Error carries a code for the UI to translate and a language-neutral detail that
// names the offending value or element, so logs and the audit trail stay untranslated.
#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace zb::domain {

enum class ErrorCode {
  kInvalidFormat,  // wrong length, characters or syntax
  kInvalidCheck,   // format fine, check digit (11-test) wrong
  kMissing,        // a required value is absent
  kUnsupported,    // a construct we deliberately refuse (e.g. unknown modifier extension)
  kOutOfRange,     // a number, date or size outside what we accept
  kInconsistent,   // values contradict each other
  kIo,             // a file or stream could not be read
  kUnavailable,    // a remote party could not be reached in time (connect, TLS handshake, timeout)
  kRefused,        // a security check failed: signature, certificate, token, policy
};

const char* ToString(ErrorCode code);

struct Error {
  ErrorCode code;
  std::string detail;
  bool operator==(const Error&) const = default;
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : m_value(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : m_value(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(m_value); }
  explicit operator bool() const { return ok(); }

  const T& value() const& {
    assert(ok());
    return std::get<T>(m_value);
  }
  T& value() & {
    assert(ok());
    return std::get<T>(m_value);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(m_value));
  }
  const Error& error() const {
    assert(!ok());
    return std::get<Error>(m_value);
  }

  const T* operator->() const { return &value(); }
  const T& operator*() const { return value(); }

 private:
  std::variant<T, Error> m_value;
};

inline Error MakeError(ErrorCode code, std::string detail) { return Error{code, std::move(detail)}; }

}  // namespace zb::domain
