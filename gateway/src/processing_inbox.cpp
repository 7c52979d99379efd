// SPDX-License-Identifier: GPL-3.0-or-later
#include "processing_inbox.h"

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

std::string Context(const std::string& key) { return "gateway/inbound/" + key; }

json ToJson(const ProcessingAnswer& a) {
  return {{"key", a.key}, {"received", a.received},       {"sender_ura", a.senderUra}, {"sender_name", a.senderName},
          {"bsn", a.bsn}, {"authorising", a.authorising}, {"resources", a.resources}};
}

std::optional<ProcessingAnswer> FromJson(const json& j) {
  if (!j.is_object()) return std::nullopt;
  try {
    return ProcessingAnswer{j.at("key"), j.at("received"),    j.at("sender_ura"), j.at("sender_name"),
                            j.at("bsn"), j.at("authorising"), j.at("resources")};
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

}  // namespace

ProcessingInbox::ProcessingInbox(std::string directory, std::unique_ptr<store::Cipher> cipher)
    : m_directory(std::move(directory)), m_cipher(std::move(cipher)) {}
ProcessingInbox::~ProcessingInbox() = default;

domain::Result<std::unique_ptr<ProcessingInbox>> ProcessingInbox::Open(const std::string& directory,
                                                                       const std::string& keyFile) {
  bool found = false;
  const std::string secret = ReadAll(keyFile, found);
  if (!found || secret.size() < 32)
    return MakeError(ErrorCode::kInvalidFormat, "inbound key " + keyFile + " must hold at least 32 bytes");
  store::MasterKey master{};
  const std::string digest = net::jose::Sha256(secret);  // any length of key file -> 32 bytes
  std::copy(digest.begin(), digest.begin() + 32, master.begin());
  std::error_code ec;
  fs::create_directories(directory, ec);
  if (ec) return MakeError(ErrorCode::kIo, "inbound directory " + directory + ": " + ec.message());
  std::unique_ptr<ProcessingInbox> inbox(new ProcessingInbox(directory, std::make_unique<store::Cipher>(master)));
  for (const auto& entry : fs::directory_iterator(directory, ec)) {
    if (entry.path().extension() != ".sealed") continue;
    const std::string key = entry.path().stem().string();
    const std::string content = ReadAll(entry.path(), found);
    auto plain = inbox->m_cipher->Open(std::vector<unsigned char>(content.begin(), content.end()), Context(key));
    // A file that does not open under this key is not ours to guess at: start refuses, naming it.
    if (!plain)
      return MakeError(ErrorCode::kInvalidFormat,
                       "inbound file " + entry.path().string() + " does not open with the inbound key");
    auto answer = FromJson(json::parse(plain.value(), nullptr, false));
    if (!answer || answer->key != key)
      return MakeError(ErrorCode::kInvalidFormat, "inbound file " + entry.path().string() + " holds no answer");
    inbox->m_answers.push_back(std::move(*answer));
  }
  if (ec) return MakeError(ErrorCode::kIo, "inbound directory " + directory + ": " + ec.message());
  return inbox;
}

domain::Result<bool> ProcessingInbox::Keep(const ProcessingAnswer& answer) {
  std::lock_guard lock(m_mutex);
  for (const auto& a : m_answers) {
    if (a.key == answer.key) return false;
  }
  const auto sealed = m_cipher->Seal(ToJson(answer).dump(), Context(answer.key));
  const std::string path = (fs::path(m_directory) / (answer.key + ".sealed")).string();
  auto written =
      platform::WritePrivateFile(path, std::string_view(reinterpret_cast<const char*>(sealed.data()), sealed.size()));
  if (!written) return written.error();
  m_answers.push_back(answer);
  return true;
}

json ProcessingInbox::Find(const std::string& senderUra, const std::string& bsn,
                           const std::set<std::string>& identifiers) const {
  std::lock_guard lock(m_mutex);
  json out = json::array();
  for (const auto& a : m_answers) {
    if (a.senderUra != senderUra || a.bsn != bsn) continue;
    for (std::size_t i = 0; i < a.authorising.size() && i < a.resources.size(); ++i) {
      if (identifiers.count(a.authorising[i])) out.push_back(a.resources[i]);
    }
  }
  return out;
}

}  // namespace zb::gateway
