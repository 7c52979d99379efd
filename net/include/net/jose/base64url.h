// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// base64url without padding (RFC 7515 §2), the encoding of every JOSE part.
#include <optional>
#include <string>
#include <string_view>

namespace zb::net::jose {

std::string Base64UrlEncode(std::string_view bytes);
// Refuses padding, whitespace and characters outside the url-safe alphabet: a token that needs
// repair before decoding is not the token that was signed.
std::optional<std::string> Base64UrlDecode(std::string_view text);

}  // namespace zb::net::jose
