// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading test data: our own synthetic files (tests/data, resources/demo) and, when present, the
// shared Nictiz fixtures. Dates in both are ${DATE, T, ...} placeholders; tests fix T.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "domain/date_time.h"
#include "net/fhir/reader.h"

namespace zb::test {

// The test day T used to fill in date placeholders.
inline const domain::Date kTestDay(2026, 3, 10);

std::string ReadText(const std::filesystem::path& path);
std::filesystem::path DataDir();  // tests/data
std::filesystem::path DemoDir();  // resources/demo

// Reads a FHIR file after substituting placeholders with day t; fails the test if unusable.
net::fhir::Document ReadFhir(const std::filesystem::path& path, const std::string& source, domain::Date t = kTestDay);

// ../shared/fixtures/nictiz, or nullopt (the caller skips with a message) when absent.
std::optional<std::filesystem::path> NictizDir();

// Noon (Dutch time) on day T+n, the moment the scenario tests look at.
domain::Instant NoonOn(domain::Date t, int n = 0);

}  // namespace zb::test
