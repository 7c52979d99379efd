// SPDX-License-Identifier: GPL-3.0-or-later
#include <fcntl.h>
#include <libsecret/secret.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <stdexcept>

#include "platform/key_vault.h"

namespace zb::platform {
namespace {

using domain::ErrorCode;
using domain::MakeError;

const SecretSchema* Schema() {
  // Filled in code: the struct has private padding members whose count differs between versions.
  static const SecretSchema schema = [] {
    SecretSchema s{};
    s.name = "nl.zorgbrug.LocalStoreKey";
    s.flags = SECRET_SCHEMA_NONE;
    s.attributes[0] = {"store", SECRET_SCHEMA_ATTRIBUTE_STRING};
    return s;
  }();
  return &schema;
}

std::string Hex(const Key256& k) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : k) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

std::optional<Key256> FromHex(std::string_view text) {
  // "v1:" + 64 hex digits: the prefix lets a later format change be told apart.
  if (text.size() != 67 || text.substr(0, 3) != "v1:") return std::nullopt;
  Key256 k{};
  for (std::size_t i = 0; i < 32; ++i) {
    auto nibble = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      return -1;
    };
    const int hi = nibble(text[3 + 2 * i]);
    const int lo = nibble(text[4 + 2 * i]);
    if (hi < 0 || lo < 0) return std::nullopt;
    k[i] = static_cast<unsigned char>(hi * 16 + lo);
  }
  return k;
}

Key256 NewKey() {
  Key256 k{};
  if (RAND_bytes(k.data(), static_cast<int>(k.size())) != 1) throw std::runtime_error("no randomness");
  return k;
}

// nullopt: no keychain to talk to (no D-Bus session, no Secret Service); the caller falls back.
std::optional<domain::Result<LoadedKey>> FromKeychain(const KeyVaultOptions& options) {
  GError* error = nullptr;
  gchar* stored = secret_password_lookup_sync(Schema(), nullptr, &error, "store", options.label.c_str(), nullptr);
  if (error) {
    g_error_free(error);
    return std::nullopt;
  }
  LoadedKey out;
  out.inKeychain = true;
  if (stored) {
    auto k = FromHex(stored);
    secret_password_free(stored);
    if (!k)
      return domain::Result<LoadedKey>(
          MakeError(ErrorCode::kInvalidFormat, "the keychain entry for " + options.label + " is not a Zorgbrug key"));
    out.key = *k;
    return domain::Result<LoadedKey>(out);
  }
  if (!options.create)
    return domain::Result<LoadedKey>(MakeError(ErrorCode::kMissing, "the keychain holds no key for " + options.label));
  out.key = NewKey();
  out.created = true;
  std::string secret = "v1:" + Hex(out.key);
  const std::string label = "Zorgbrug local store key (" + options.label + ")";
  const gboolean saved = secret_password_store_sync(Schema(), SECRET_COLLECTION_DEFAULT, label.c_str(), secret.c_str(),
                                                    nullptr, &error, "store", options.label.c_str(), nullptr);
  OPENSSL_cleanse(secret.data(), secret.size());
  if (!saved || error) {
    if (error) g_error_free(error);
    return std::nullopt;  // a keychain that cannot store (locked, read-only): use the file
  }
  return domain::Result<LoadedKey>(out);
}

domain::Result<LoadedKey> FromFile(const KeyVaultOptions& options) {
  LoadedKey out;
  out.warning = "no keychain is available; the key of the local store is kept in " + options.fallbackFile +
                ", readable only by this user account. Protect this account, or start a keyring (Secret Service).";
  const int fd = open(options.fallbackFile.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) {
    struct stat st {};
    if (fstat(fd, &st) != 0 || (st.st_mode & 077) != 0 || st.st_uid != geteuid()) {
      close(fd);
      return MakeError(ErrorCode::kRefused, "the key file " + options.fallbackFile +
                                                " can be read by others or belongs to another user; run: chmod 600 " +
                                                options.fallbackFile);
    }
    char buffer[80] = {};
    const ssize_t n = read(fd, buffer, sizeof buffer - 1);
    close(fd);
    std::string_view text(buffer, n > 0 ? static_cast<std::size_t>(n) : 0);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    auto k = FromHex(text);
    OPENSSL_cleanse(buffer, sizeof buffer);
    if (!k)
      return MakeError(ErrorCode::kInvalidFormat, "the key file " + options.fallbackFile + " is not a Zorgbrug key");
    out.key = *k;
    return out;
  }
  if (errno != ENOENT)
    return MakeError(ErrorCode::kIo, "cannot read the key file " + options.fallbackFile + ": " + std::strerror(errno));
  if (!options.create)
    return MakeError(ErrorCode::kMissing,
                     "no key for " + options.label + " in the keychain or in " + options.fallbackFile);
  out.key = NewKey();
  out.created = true;
  const int wfd = open(options.fallbackFile.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (wfd < 0)
    return MakeError(ErrorCode::kIo,
                     "cannot create the key file " + options.fallbackFile + ": " + std::strerror(errno));
  std::string text = "v1:" + Hex(out.key) + "\n";
  const bool ok = write(wfd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && fsync(wfd) == 0;
  OPENSSL_cleanse(text.data(), text.size());
  close(wfd);
  if (!ok) {
    unlink(options.fallbackFile.c_str());
    return MakeError(ErrorCode::kIo, "cannot write the key file " + options.fallbackFile);
  }
  return out;
}

}  // namespace

domain::Result<LoadedKey> LoadOrCreateKey(const KeyVaultOptions& options) {
  if (options.useKeychain) {
    auto fromKeychain = FromKeychain(options);
    // Without `create`, a keychain that has no key still leaves the file to look at.
    if (fromKeychain && (fromKeychain->ok() || fromKeychain->error().code != ErrorCode::kMissing)) return *fromKeychain;
  }
  if (options.fallbackFile.empty())
    return MakeError(ErrorCode::kUnavailable, "no keychain is available and no key file is configured");
  return FromFile(options);
}

}  // namespace zb::platform
