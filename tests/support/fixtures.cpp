// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixtures.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "net/fhir/date_placeholders.h"

namespace zb::test {

std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) FAIL("cannot open test file " << path);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::filesystem::path DataDir() { return ZB_TEST_DATA_DIR; }
std::filesystem::path DemoDir() { return ZB_DEMO_DIR; }

net::fhir::Document ReadFhir(const std::filesystem::path& path, const std::string& source, domain::Date t) {
  net::fhir::Reader reader;
  net::fhir::ReadOptions options;
  options.origin = path.filename().string();
  options.source = source;
  auto doc = reader.Read(net::fhir::SubstituteDatePlaceholders(ReadText(path), t), options);
  if (!doc) FAIL("unusable test file " << path << ": " << doc.error().detail);
  return std::move(doc).value();
}

std::optional<std::filesystem::path> NictizDir() {
  std::filesystem::path dir = std::filesystem::path(ZB_SHARED_DIR) / "fixtures" / "nictiz";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return std::nullopt;
  return dir;
}

domain::Instant NoonOn(domain::Date t, int n) {
  return domain::StartOfNetherlandsDay(t + boost::gregorian::days(n)) + boost::posix_time::hours(12);
}

}  // namespace zb::test
