// Layer guard: domain is pure C++ (std + Boost.Date_Time). JSON, HTTP, SQLite, OpenSSL and wx
// belong in net, store or gui (docs/architecture.md).
#error "domain must not include <curl/curl.h>"
