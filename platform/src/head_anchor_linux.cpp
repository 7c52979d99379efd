// SPDX-License-Identifier: GPL-3.0-or-later
#include <fcntl.h>
#include <libsecret/secret.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "platform/head_anchor.h"

namespace zb::platform {
namespace {

using domain::ErrorCode;
using domain::MakeError;

const SecretSchema* AnchorSchema() {
  // Filled in code, as the key's schema: the struct's padding members differ between versions.
  static const SecretSchema schema = [] {
    SecretSchema s{};
    s.name = "nl.zorgbrug.AuditHead";
    s.flags = SECRET_SCHEMA_NONE;
    s.attributes[0] = {"store", SECRET_SCHEMA_ATTRIBUTE_STRING};
    return s;
  }();
  return &schema;
}

domain::Result<std::optional<std::string>> FromKeychain(const AnchorPlace& place) {
  GError* error = nullptr;
  gchar* stored = secret_password_lookup_sync(AnchorSchema(), nullptr, &error, "store", place.label.c_str(), nullptr);
  if (error) {
    const std::string why = error->message ? error->message : "no answer";
    g_error_free(error);
    return MakeError(ErrorCode::kUnavailable, "the keychain cannot be read for the audit trail's anchor: " + why);
  }
  if (!stored) return std::optional<std::string>();
  std::string text = stored;
  secret_password_free(stored);
  return std::optional<std::string>(std::move(text));
}

domain::Result<bool> ToKeychain(const AnchorPlace& place, const std::string& text) {
  GError* error = nullptr;
  const std::string label = "Zorgbrug audit trail head (" + place.label + ")";
  const gboolean saved =
      secret_password_store_sync(AnchorSchema(), SECRET_COLLECTION_DEFAULT, label.c_str(), text.c_str(), nullptr,
                                 &error, "store", place.label.c_str(), nullptr);
  if (!saved || error) {
    const std::string why = error && error->message ? error->message : "refused";
    if (error) g_error_free(error);
    return MakeError(ErrorCode::kUnavailable, "the keychain did not keep the audit trail's anchor: " + why);
  }
  return true;
}

domain::Result<std::optional<std::string>> FromFile(const std::string& file) {
  const int fd = open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::optional<std::string>();
    return MakeError(ErrorCode::kIo, "cannot read the audit anchor " + file + ": " + std::strerror(errno));
  }
  struct stat st {};
  if (fstat(fd, &st) != 0 || (st.st_mode & 077) != 0 || st.st_uid != geteuid() || !S_ISREG(st.st_mode)) {
    close(fd);
    return MakeError(
        ErrorCode::kRefused,
        "the audit anchor " + file + " can be read by others or belongs to another user; run: chmod 600 " + file);
  }
  std::array<char, 512> buffer{};
  const ssize_t n = read(fd, buffer.data(), buffer.size());
  close(fd);
  if (n < 0) return MakeError(ErrorCode::kIo, "cannot read the audit anchor " + file + ": " + std::strerror(errno));
  std::string text(buffer.data(), static_cast<std::size_t>(n));
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return std::optional<std::string>(std::move(text));
}

domain::Result<bool> ToFile(const std::string& file, const std::string& text) {
  // A fresh unpredictable name in the same folder, then rename: a crash leaves the old anchor or
  // the new one, and nobody can plant the temporary file in advance.
  std::array<unsigned char, 8> random{};
  if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1)
    return MakeError(ErrorCode::kIo, "no randomness for the audit anchor's temporary name");
  std::string temp = file + ".";
  for (auto b : random) temp += "0123456789abcdef"[b >> 4], temp += "0123456789abcdef"[b & 15];
  const int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return MakeError(ErrorCode::kIo, "cannot write the audit anchor " + file + ": " + std::strerror(errno));
  const std::string line = text + "\n";
  const bool ok = write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && fsync(fd) == 0;
  close(fd);
  if (!ok || rename(temp.c_str(), file.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    unlink(temp.c_str());
    return MakeError(ErrorCode::kIo, "cannot write the audit anchor " + file + ": " + why);
  }
  return true;
}

}  // namespace

std::string AnchorFileFor(const std::string& keyFile) { return keyFile + ".audit-head"; }

domain::Result<std::optional<std::string>> LoadHeadAnchor(const AnchorPlace& place) {
  if (place.inKeychain) return FromKeychain(place);
  if (place.file.empty()) return MakeError(ErrorCode::kUnavailable, "no place is configured for the audit anchor");
  return FromFile(place.file);
}

domain::Result<bool> SaveHeadAnchor(const AnchorPlace& place, const std::string& text) {
  if (place.inKeychain) return ToKeychain(place, text);
  if (place.file.empty()) return MakeError(ErrorCode::kUnavailable, "no place is configured for the audit anchor");
  return ToFile(place.file, text);
}

}  // namespace zb::platform
