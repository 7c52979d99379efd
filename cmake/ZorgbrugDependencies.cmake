# Third-party libraries, all from Debian 12 (scripts/install-deps.sh installs them).
find_package(Boost 1.74 REQUIRED)               # header-only parts of Boost.Date_Time
find_package(simdjson 3.0 REQUIRED CONFIG)      # fast FHIR reader (net only)
find_package(nlohmann_json 3.11 REQUIRED CONFIG) # writer for FHIR resources and CLI JSON (net, cli)
find_package(CLI11 2.1 REQUIRED CONFIG)         # zorgbrug-cli arguments
if(ZB_BUILD_TESTS)
  find_package(Catch2 2.13 REQUIRED CONFIG)
endif()
if(ZB_BUILD_BENCH AND NOT ZB_FUZZ)
  find_package(benchmark 1.7 REQUIRED CONFIG)
endif()
find_package(OpenSSL 3.0 REQUIRED)              # JOSE, test PKI, TLS of gateway and sandbox
find_package(CURL 7.88 REQUIRED)                # the one HTTP client stack
find_package(PkgConfig REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib>=0.11) # HTTPS server (gateway, sandbox)
