// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/identifiers.h"

#include <algorithm>

namespace zb::domain {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Quote user input in error details, but never a whole candidate BSN: it may be a real one.
std::string Describe(std::string_view what, std::string_view text) {
  return std::string(what) + " (" + std::to_string(text.size()) + " characters)";
}

Result<std::string> FixedDigits(std::string_view text, std::size_t length, std::string_view name) {
  if (text.size() != length || !AllDigits(text)) {
    return MakeError(ErrorCode::kInvalidFormat,
                     Describe(std::string(name) + " must be exactly " + std::to_string(length) + " digits", text));
  }
  return std::string(text);
}

}  // namespace

const char* ToString(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidFormat:
      return "invalid-format";
    case ErrorCode::kInvalidCheck:
      return "invalid-check";
    case ErrorCode::kMissing:
      return "missing";
    case ErrorCode::kUnsupported:
      return "unsupported";
    case ErrorCode::kOutOfRange:
      return "out-of-range";
    case ErrorCode::kInconsistent:
      return "inconsistent";
    case ErrorCode::kIo:
      return "io";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kTimeout:
      return "timeout";
    case ErrorCode::kRefused:
      return "refused";
  }
  return "unknown";
}

Result<Bsn> Bsn::Parse(std::string_view text) {
  std::string s(text);
  if (s.size() == 8 && AllDigits(s)) s.insert(s.begin(), '0');
  if (s.size() != 9 || !AllDigits(s)) {
    return MakeError(ErrorCode::kInvalidFormat, Describe("BSN must be 9 digits", text));
  }
  static constexpr int kWeights[9] = {9, 8, 7, 6, 5, 4, 3, 2, -1};
  int sum = 0;
  for (std::size_t i = 0; i < 9; ++i) sum += (s[i] - '0') * kWeights[i];
  if (sum == 0 || sum % 11 != 0) {
    return MakeError(ErrorCode::kInvalidCheck, "BSN fails the 11-test (check for a typing error)");
  }
  return Bsn(std::move(s));
}

std::string Bsn::Masked() const { return "******" + m_digits.substr(6); }

Result<Ura> Ura::Parse(std::string_view text) {
  auto digits = FixedDigits(text, 8, "URA");
  if (!digits) return digits.error();
  return Ura(std::move(digits).value());
}

Result<DeziNumber> DeziNumber::Parse(std::string_view text) {
  auto digits = FixedDigits(text, 9, "DEZI/UZI number");
  if (!digits) return digits.error();
  return DeziNumber(std::move(digits).value());
}

Result<Agb> Agb::Parse(std::string_view text) {
  auto digits = FixedDigits(text, 8, "AGB code");
  if (!digits) return digits.error();
  if (digits.value() == "00000000") {
    return MakeError(ErrorCode::kMissing, "AGB code 00000000 means 'no AGB code given'");
  }
  return Agb(std::move(digits).value());
}

}  // namespace zb::domain
