// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz harness for what the exchange parses from outside: compact JWS/JWT (DEZI id_token,
// userinfo envelope, verklaring, DPoP proofs, token_v2), compact JWE (userinfo), JWKs (JWKS
// documents, DPoP headers), OpenSSH key lines (authorized_keys), URLs and form bodies (redirects,
// callbacks). The first byte picks the parser; the rest is the input.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "net/http/client.h"
#include "net/jose/base64url.h"
#include "net/jose/jwe.h"
#include "net/jose/jws.h"
#include "net/jose/key.h"

namespace {

const zb::net::jose::Key& DecryptionKey() {
  static const zb::net::jose::Key key = zb::net::jose::Key::GenerateRsa(2048).value();
  return key;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  namespace jose = zb::net::jose;
  switch (data[0] % 6) {
    case 0: {
      auto jws = jose::ParseJws(input);
      if (jws) {
        (void)jose::ClaimsOf(*jws);
        (void)jose::VerifyJws(*jws, DecryptionKey());
        auto key = jose::Key::FromJwk(jws->header.value("jwk", nlohmann::json()));
        if (key) (void)jose::VerifyJws(*jws, *key);
      }
      break;
    }
    case 1:
      (void)jose::DecryptJwe(input, DecryptionKey());
      break;
    case 2: {
      const auto json = nlohmann::json::parse(input, nullptr, false);
      if (!json.is_discarded()) {
        auto key = jose::Key::FromJwk(json);
        if (key) (void)key->Thumbprint();
      }
      break;
    }
    case 3:
      (void)jose::Key::FromOpenSsh(input);
      break;
    case 4:
      (void)zb::net::http::ParseUrl(input);
      (void)jose::Base64UrlDecode(input);
      break;
    default:
      (void)zb::net::http::ParseForm(input);
      (void)zb::net::http::UrlDecode(input);
      break;
  }
  return 0;
}
