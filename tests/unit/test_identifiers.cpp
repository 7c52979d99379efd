// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "domain/identifiers.h"

using namespace zb::domain;

TEST_CASE("BSN 11-test accepts valid numbers and pads legacy 8-digit ones", "[identifiers]") {
  for (const char* ok : {"123456782", "111222333", "999990019", "249566758", "999991000"}) {
    INFO(ok);
    auto bsn = Bsn::Parse(ok);
    REQUIRE(bsn.ok());
    CHECK(bsn->digits() == ok);
  }
  auto padded = Bsn::Parse("10000021");  // legacy 8 digits -> 010000021
  REQUIRE(padded.ok());
  CHECK(padded->digits() == "010000021");
}

TEST_CASE("BSN rejects wrong check digit, wrong format and the all-zero value with specific errors", "[identifiers]") {
  CHECK(Bsn::Parse("123456789").error().code == ErrorCode::kInvalidCheck);
  CHECK(Bsn::Parse("111222334").error().code == ErrorCode::kInvalidCheck);
  CHECK(Bsn::Parse("000000000").error().code == ErrorCode::kInvalidCheck);
  CHECK(Bsn::Parse("12345678").error().code == ErrorCode::kInvalidCheck);  // 012345678
  CHECK(Bsn::Parse("12345678A").error().code == ErrorCode::kInvalidFormat);
  CHECK(Bsn::Parse("1234567820").error().code == ErrorCode::kInvalidFormat);
  CHECK(Bsn::Parse("").error().code == ErrorCode::kInvalidFormat);
}

TEST_CASE("A BSN never appears whole in error details or its masked form", "[identifiers][privacy]") {
  auto bad = Bsn::Parse("123456789");
  CHECK(bad.error().detail.find("123456789") == std::string::npos);
  CHECK(Bsn::Parse("999991000")->Masked() == "******000");
}

TEST_CASE("URA, DEZI/UZI number and AGB have fixed lengths and no check digit", "[identifiers]") {
  CHECK(Ura::Parse("90000380").ok());
  CHECK(Ura::Parse("00000010").ok());
  CHECK_FALSE(Ura::Parse("9000038").ok());
  CHECK_FALSE(Ura::Parse("123456789").ok());
  CHECK_FALSE(Ura::Parse("9000038A").ok());
  CHECK(DeziNumber::Parse("900022159").ok());
  CHECK(DeziNumber::Parse("900025039").ok());  // no 11-test on DEZI numbers
  CHECK_FALSE(DeziNumber::Parse("90002215").ok());
  auto agb = Agb::Parse("01010235");
  REQUIRE(agb.ok());
  CHECK(agb->CareKind() == "01");
  CHECK_FALSE(Agb::Parse("1010235").ok());
  CHECK_FALSE(Agb::Parse("0101023X").ok());
  CHECK(Agb::Parse("00000000").error().code == ErrorCode::kMissing);
}
