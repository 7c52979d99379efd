// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Expected failures travel as values (GCC 12 has no std::expected in C++20). Exceptions are for
// bugs only. This is the one error shape of the project, from the domain up to the gateway's API:
// an Error carries a code for the UI to translate, a language-neutral detail that names the
// offending value or element (so logs and the audit trail stay untranslated), and, where a remote
// party answered with a problem, its stable problem code and HTTP status (gateway API contract,
// net/contract/gateway_api.h). Nothing is ever decided by matching the detail's text.
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
  kUnavailable,    // a remote party could not be reached (resolve, connect, connection lost)
  kTimeout,        // a remote party did not answer before the deadline (the HTTP layer knows it)
  kRefused,        // a security check failed: signature, certificate, token, policy
};

const char* ToString(ErrorCode code);

struct Error {
  ErrorCode code;
  std::string detail;
  std::string problem = {};   // a remote party's stable problem code ("verklaring_revoked"), if it gave one
  int status = 0;             // the HTTP status of that answer; 0 when no answer arrived
  int retryAfterSeconds = 0;  // when that party said when to try again (Retry-After); 0: it did not
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
  // By value: `for (auto& x : Call().value())` then iterates a living object (a reference into
  // the temporary Result would dangle once the range expression ends).
  T value() && {
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
