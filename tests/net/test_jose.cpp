// SPDX-License-Identifier: GPL-3.0-or-later
// Our JOSE on OpenSSL: known vectors from the RFCs, round trips, and every tampering refused.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "net/jose/base64url.h"
#include "net/jose/jwe.h"
#include "net/jose/jws.h"
#include "net/jose/key.h"
#include "net/jose/random.h"

using namespace zb::net::jose;
using nlohmann::json;

namespace {

const Key& Rsa() {
  static const Key key = Key::GenerateRsa(2048).value();
  return key;
}
const Key& Ec() {
  static const Key key = Key::GenerateEcP256().value();
  return key;
}

std::string Flip(std::string s, std::size_t at) {
  s[at] = s[at] == 'A' ? 'B' : 'A';
  return s;
}

}  // namespace

TEST_CASE("base64url follows RFC 4648 §5 without padding and refuses sloppy input") {
  CHECK(Base64UrlEncode("") == "");
  CHECK(Base64UrlEncode("f") == "Zg");
  CHECK(Base64UrlEncode("foobar") == "Zm9vYmFy");
  CHECK(Base64UrlEncode(std::string("\xfb\xff", 2)) == "-_8");
  CHECK(Base64UrlDecode("-_8").value() == std::string("\xfb\xff", 2));
  CHECK_FALSE(Base64UrlDecode("Zg==").has_value());  // padding
  CHECK_FALSE(Base64UrlDecode("Z+8").has_value());   // standard alphabet
  CHECK_FALSE(Base64UrlDecode("Zh").has_value());    // non-zero leftover bits
  CHECK_FALSE(Base64UrlDecode("A").has_value());     // impossible length
}

TEST_CASE("JWK thumbprint matches the RFC 7638 example") {
  const json jwk = json::parse(
      R"({"kty":"RSA","e":"AQAB","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"})");
  const Key key = Key::FromJwk(jwk).value();
  CHECK(key.Thumbprint() == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
  CHECK_FALSE(key.hasPrivate());
  CHECK(Key::FromJwk(key.PublicJwk()).value().Thumbprint() == key.Thumbprint());
}

TEST_CASE("keys survive PEM, JWK and OpenSSH conversions: weak or foreign keys are refused") {
  CHECK(Key::FromPem(Ec().PrivatePem()).value().hasPrivate());
  CHECK(Key::FromPem(Ec().PublicPem()).value().Thumbprint() == Ec().Thumbprint());
  CHECK(Key::FromJwk(Ec().PublicJwk()).value().Thumbprint() == Ec().Thumbprint());
  const std::string line = Ec().OpenSshLine("zorgbrug-gateway");
  CHECK(line.rfind("ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABB", 0) == 0);
  CHECK(line.substr(line.rfind(' ') + 1) == "zorgbrug-gateway");
  CHECK(Key::FromOpenSsh(line).value().Thumbprint() == Ec().Thumbprint());
  CHECK_FALSE(Key::FromOpenSsh("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA== x").ok());
  CHECK_FALSE(Key::FromPem("-----BEGIN PUBLIC KEY-----\nnonsense\n-----END PUBLIC KEY-----\n").ok());
  json offCurve = Ec().PublicJwk();
  offCurve["y"] = offCurve["x"];
  CHECK_FALSE(Key::FromJwk(offCurve).ok());
  CHECK_FALSE(Key::GenerateRsa(1024).ok());
}

TEST_CASE("JWS: RS256, RS512, PS256, PS512 and ES256 sign and verify: tampering and confusion fail") {
  const std::string payload = R"({"sub":"x"})";
  for (const char* alg : {"RS256", "RS512", "PS256", "PS512"}) {
    INFO(alg);
    const std::string token = SignJws({{"alg", alg}, {"typ", "JWT"}}, payload, Rsa()).value();
    const Jws jws = ParseJws(token).value();
    CHECK(jws.payload == payload);
    CHECK(VerifyJws(jws, Rsa().PublicOnly()).ok());
    CHECK_FALSE(VerifyJws(ParseJws(Flip(token, token.size() - 5)).value(), Rsa()).ok());
    CHECK_FALSE(VerifyJws(jws, Key::GenerateRsa(2048).value()).ok());
  }
  const std::string es = SignJws({{"alg", "ES256"}}, payload, Ec()).value();
  const Jws esJws = ParseJws(es).value();
  CHECK(esJws.signature.size() == 64);  // r||s, not DER
  CHECK(VerifyJws(esJws, Ec()).ok());
  // Algorithm confusion: the header cannot pick a different key type, HMAC or none.
  CHECK_FALSE(VerifyJws(esJws, Rsa()).ok());
  Jws none = esJws;
  none.header["alg"] = "none";
  CHECK_FALSE(VerifyJws(none, Ec()).ok());
  Jws hs = esJws;
  hs.header["alg"] = "HS256";
  CHECK_FALSE(VerifyJws(hs, Ec()).ok());
  // A changed payload with the old signature.
  const auto dot = es.find('.');
  const std::string swapped = es.substr(0, dot + 1) + Base64UrlEncode(R"({"sub":"y"})") + es.substr(es.rfind('.'));
  CHECK_FALSE(VerifyJws(ParseJws(swapped).value(), Ec()).ok());
  CHECK_FALSE(ParseJws("a.b").ok());
  CHECK_FALSE(ParseJws("a.b.c.d").ok());
  CHECK_FALSE(ParseJws(Base64UrlEncode("[]") + ".e30.").ok());
}

TEST_CASE("JWE RSA-OAEP with A256CBC-HS512 and A128CBC-HS256 round-trips: tampering fails the same way") {
  const std::string secret = "the signed userinfo envelope";
  for (const char* enc : {"A256CBC-HS512", "A128CBC-HS256"}) {
    INFO(enc);
    const std::string jwe =
        EncryptJwe({{"alg", "RSA-OAEP"}, {"enc", enc}, {"cty", "JWT"}}, secret, Rsa().PublicOnly()).value();
    const auto out = DecryptJwe(jwe, Rsa());
    REQUIRE(out.ok());
    CHECK(out->plaintext == secret);
    CHECK(out->header["cty"] == "JWT");
    // Every part except the header matters, and all failures read alike (no padding oracle).
    const auto dots = [&](int n) {
      std::size_t at = 0;
      for (int i = 0; i < n; ++i) at = jwe.find('.', at) + 1;
      return at;
    };
    for (int part = 1; part <= 4; ++part) {
      const auto r = DecryptJwe(Flip(jwe, dots(part) + 2), Rsa());
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().detail == "JWE cannot be decrypted with the configured key");
    }
    CHECK_FALSE(DecryptJwe(jwe, Key::GenerateRsa(2048).value()).ok());
  }
  CHECK_FALSE(EncryptJwe({{"alg", "RSA1_5"}, {"enc", "A256CBC-HS512"}}, secret, Rsa()).ok());
  const std::string gcm = Base64UrlEncode(R"({"alg":"RSA-OAEP","enc":"A256GCM"})") + ".a.b.c.d";
  CHECK(DecryptJwe(gcm, Rsa()).error().detail.find("A256GCM") != std::string::npos);
}

TEST_CASE("random values have the promised shapes") {
  CHECK(RandomToken(32).size() == 43);
  CHECK(RandomToken() != RandomToken());
  const std::string uuid = RandomUuid();
  REQUIRE(uuid.size() == 36);
  CHECK(uuid[14] == '4');
  CHECK(std::string("89ab").find(uuid[19]) != std::string::npos);
  CHECK(SecretEquals("abc", "abc"));
  CHECK_FALSE(SecretEquals("abc", "abd"));
  CHECK_FALSE(SecretEquals("abc", "ab"));
}
