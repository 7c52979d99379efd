// SPDX-License-Identifier: GPL-3.0-or-later
// Which FHIR base URLs from Discovery registrations the gateway may call (issue 14, point 9).
#include <catch2/catch.hpp>

#include "holder_address.h"

using zb::gateway::HolderAddressRefusal;

TEST_CASE("a holder's fhirBaseURL must be https on a public address, unless a test set-up allows private ones") {
  CHECK_FALSE(HolderAddressRefusal("https://fhir.apotheek-centrum.nl/fhir", false));
  CHECK_FALSE(HolderAddressRefusal("https://203.0.113.10:8443/fhir", false));
  CHECK_FALSE(HolderAddressRefusal("https://[2001:db8::1]/fhir", false));
  for (const char* url : {"http://fhir.apotheek-centrum.nl/fhir",
                          "https://user:pw@fhir.example.nl/fhir",
                          "ftp://x/y",
                          "https://127.0.0.1:8443/fhir",
                          "https://127.1.2.3/fhir",
                          "https://10.0.0.5/fhir",
                          "https://172.16.0.1/fhir",
                          "https://172.31.255.255/fhir",
                          "https://192.168.1.20/fhir",
                          "https://169.254.169.254/latest",
                          "https://100.64.0.1/fhir",
                          "https://0.0.0.0/fhir",
                          "https://localhost/fhir",
                          "https://LOCALHOST:9/fhir",
                          "https://node.localhost/fhir",
                          "https://[::1]/fhir",
                          "https://[::]/fhir",
                          "https://[fd00::1]/fhir",
                          "https://[fe80::1]/fhir",
                          "https://[::ffff:127.0.0.1]/fhir",
                          "https://[::ffff:192.168.0.1]/fhir",
                          "not a url"}) {
    INFO(url);
    CHECK(HolderAddressRefusal(url, false));
  }
  // Public neighbours of the private ranges stay allowed.
  CHECK_FALSE(HolderAddressRefusal("https://172.32.0.1/fhir", false));
  CHECK_FALSE(HolderAddressRefusal("https://192.169.0.1/fhir", false));
  // The sandbox and tests run holders on loopback: allowed when configured, still https only.
  CHECK_FALSE(HolderAddressRefusal("https://127.0.0.1:8443/fhir", true));
  CHECK(HolderAddressRefusal("http://127.0.0.1:8443/fhir", true));
  const auto why = HolderAddressRefusal("https://192.168.1.20/fhir", false);
  REQUIRE(why);
  CHECK(why->find("192.168.1.20") != std::string::npos);
  CHECK(why->find("allow_private_holder_addresses") != std::string::npos);
}
