// SPDX-License-Identifier: GPL-3.0-or-later
#include "sealed_shelf.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "net/jose/random.h"
#include "platform/private_file.h"
#include "store/cipher.h"

namespace zb::gateway {
namespace {

namespace fs = std::filesystem;
using domain::ErrorCode;
using domain::MakeError;
using nlohmann::json;

std::string ReadAll(const fs::path& path, bool& found) {
  std::ifstream in(path, std::ios::binary);
  found = static_cast<bool>(in);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool ValidKey(const std::string& key) {
  return !key.empty() && key.size() <= 128 && std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
  });
}

std::string Context(const std::string& key) { return "gateway/shelf/" + key; }

}  // namespace

SealedShelf::SealedShelf(std::string directory, std::unique_ptr<store::Cipher> cipher)
    : m_directory(std::move(directory)), m_cipher(std::move(cipher)) {}
SealedShelf::~SealedShelf() = default;

domain::Result<std::unique_ptr<SealedShelf>> SealedShelf::Open(const std::string& directory,
                                                               const std::string& keyFile) {
  bool found = false;
  const std::string secret = ReadAll(keyFile, found);
  if (!found || secret.size() < 32)
    return MakeError(ErrorCode::kInvalidFormat, "key " + keyFile + " must hold at least 32 bytes");
  store::MasterKey master{};
  const std::string digest = net::jose::Sha256("shelf\n" + secret);  // its own key, apart from other uses
  std::copy(digest.begin(), digest.begin() + 32, master.begin());
  std::error_code ec;
  fs::create_directories(directory, ec);
  if (ec) return MakeError(ErrorCode::kIo, "directory " + directory + ": " + ec.message());
  std::unique_ptr<SealedShelf> shelf(new SealedShelf(directory, std::make_unique<store::Cipher>(master)));
  for (const auto& entry : fs::directory_iterator(directory, ec)) {
    if (entry.path().extension() != ".sealed") continue;
    const std::string key = entry.path().stem().string();
    const std::string content = ReadAll(entry.path(), found);
    auto plain = shelf->m_cipher->Open(std::vector<unsigned char>(content.begin(), content.end()), Context(key));
    if (!plain)
      return MakeError(ErrorCode::kInvalidFormat, "file " + entry.path().string() + " does not open with its key");
    json record = json::parse(plain.value(), nullptr, false);
    if (!record.is_object())
      return MakeError(ErrorCode::kInvalidFormat, "file " + entry.path().string() + " holds no record");
    shelf->m_records[key] = std::move(record);
  }
  if (ec) return MakeError(ErrorCode::kIo, "directory " + directory + ": " + ec.message());
  return shelf;
}

domain::Result<bool> SealedShelf::Put(const std::string& key, const json& record) {
  if (!ValidKey(key)) return MakeError(ErrorCode::kInvalidFormat, "not a record name: " + key);
  std::lock_guard lock(m_mutex);
  const auto sealed = m_cipher->Seal(record.dump(), Context(key));
  const std::string path = (fs::path(m_directory) / (key + ".sealed")).string();
  auto written =
      platform::WritePrivateFile(path, std::string_view(reinterpret_cast<const char*>(sealed.data()), sealed.size()));
  if (!written) return written.error();
  m_records[key] = record;
  return true;
}

std::optional<json> SealedShelf::Get(const std::string& key) const {
  std::lock_guard lock(m_mutex);
  auto it = m_records.find(key);
  if (it == m_records.end()) return std::nullopt;
  return it->second;
}

std::vector<json> SealedShelf::All() const {
  std::lock_guard lock(m_mutex);
  std::vector<json> out;
  out.reserve(m_records.size());
  for (const auto& [key, record] : m_records) out.push_back(record);
  return out;
}

}  // namespace zb::gateway
