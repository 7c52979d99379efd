// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange_commands.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/date_time/posix_time/conversion.hpp>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "domain/date_time.h"
#include "net/client/gateway_client.h"
#include "net/client/login.h"
#include "net/client/session_proof.h"
#include "net/json_member.h"
#include "platform/private_file.h"

namespace zb::cli {
namespace {

namespace fs = std::filesystem;
using net::StringMember;
using nlohmann::json;

constexpr int kExitUsage = 1;
constexpr int kExitRefused = 4;      // the gateway, DEZI or a holder said no
constexpr int kExitUnavailable = 5;  // something could not be reached

// The session token is a short-lived secret: it lives in the per-user runtime directory (tmpfs,
// removed at logout of the OS session), readable by the user only. See docs/security.md: another
// local user must neither read it nor plant one (a planted file would name the attacker's gateway
// and CA), so the folder must be the user's own with mode 0700 and the file the user's own 0600.
fs::path SessionFile() {
  if (const char* explicitFile = std::getenv("ZORGBRUG_SESSION_FILE"); explicitFile && *explicitFile)
    return explicitFile;
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  const fs::path dir = runtime && *runtime ? fs::path(runtime) / "zorgbrug"
                                           : fs::path("/tmp") / ("zorgbrug-" + std::to_string(::getuid()));
  return dir / "session.json";
}

// "" when `dir` is a real folder of this user that nobody else can write into or read.
std::string PrivateFolderProblem(const fs::path& dir, bool create) {
  if (create) ::mkdir(dir.c_str(), 0700);  // an existing folder is checked, never taken over
  struct stat st {};
  if (::lstat(dir.c_str(), &st) != 0) return dir.string() + " does not exist";
  if (!S_ISDIR(st.st_mode)) return dir.string() + " is not a folder (a link or file is there)";
  if (st.st_uid != ::getuid()) return dir.string() + " belongs to another user";
  if ((st.st_mode & 077) != 0) return dir.string() + " can be read or written by others (must be mode 0700)";
  return {};
}

// A regular file of this user with mode 0600, opened without following links; -1 otherwise.
int OpenPrivate(const fs::path& file, int flags, std::string& problem) {
  const int fd = ::open(file.c_str(), flags | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    problem = errno == ELOOP ? file.string() + " is a link" : "";
    return -1;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::getuid() || (st.st_mode & 077) != 0) {
    ::close(fd);
    problem = file.string() + " is not a private file of this user (owner and mode 0600 expected)";
    return -1;
  }
  return fd;
}

std::string SaveSession(const json& session) {
  const fs::path file = SessionFile();
  if (auto problem = PrivateFolderProblem(file.parent_path(), true); !problem.empty()) return problem;
  // 0600 from the first byte, under an unpredictable temporary name, renamed over the old one.
  auto written = platform::WritePrivateFile(file.string(), session.dump());
  return written ? std::string() : written.error().detail;
}

// The stored session, or null; `problem` says why a file that is there is not used.
json LoadSession(std::string& problem) {
  const fs::path file = SessionFile();
  if (const char* explicitFile = std::getenv("ZORGBRUG_SESSION_FILE"); !explicitFile || !*explicitFile) {
    if (!fs::exists(file.parent_path())) return json();
    problem = PrivateFolderProblem(file.parent_path(), false);
    if (!problem.empty()) return json();
  }
  const int fd = OpenPrivate(file, O_RDONLY, problem);
  if (fd < 0) return json();
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0 && text.size() < (1 << 20);)
    text.append(buffer, static_cast<std::size_t>(n));
  ::close(fd);
  json stored = json::parse(text, nullptr, false);
  // A gateway the user names now (flag or environment) wins; a stored session for another gateway
  // is not used with it.
  if (const char* gateway = std::getenv("ZORGBRUG_GATEWAY");
      gateway && *gateway && stored.is_object() && StringMember(stored, "gateway") != gateway) {
    problem = "the stored session belongs to another gateway than $ZORGBRUG_GATEWAY: log in again";
    return json();
  }
  if (stored.is_object()) {
    const auto restored = net::client::UseSessionProofKey(StringMember(stored, "proof_key"));
    if (!restored) {
      problem = "the stored session has no usable proof key (" + restored.error().detail + "): log in again";
      return json();
    }
  }
  return stored;
}

std::string Setting(const std::string& flag, const char* env, const std::string& fallback = {}) {
  if (!flag.empty()) return flag;
  if (const char* value = std::getenv(env)) return value;
  return fallback;
}

int Report(const domain::Error& e) {
  std::cerr << "zorgbrug-cli: " << (e.problem.empty() ? domain::ToString(e.code) : e.problem) << ": " << e.detail
            << "\n";
  switch (e.code) {
    case domain::ErrorCode::kUnavailable:
    case domain::ErrorCode::kTimeout:
    case domain::ErrorCode::kIo:
      return kExitUnavailable;
    default:
      return kExitRefused;
  }
}

std::string Describe(const net::contract::SessionUser& user) {
  return user.displayName + ", " + user.roleName + " (" + user.roleCode + "), " + user.organisation + " (URA " +
         user.ura + ")";
}

std::string LocalTime(std::int64_t epoch) {
  const domain::Instant instant = boost::posix_time::from_time_t(static_cast<std::time_t>(epoch));
  return domain::FormatDateTime(instant);
}

class PrintingBrowser final : public net::client::BrowserLauncher {
 public:
  domain::Result<bool> Open(const std::string& url) override {
    std::cerr << "Log in met Dezi in de browser. Opent er geen browser, open dan zelf:\n  " << url << "\n";
    auto opened = m_system.Open(url);
    if (!opened) std::cerr << "(" << opened.error().detail << ")\n";
    return true;  // the user can still open the URL by hand
  }

 private:
  net::client::SystemBrowser m_system;
};

}  // namespace

ExchangeCommands AddExchangeCommands(CLI::App& app, ExchangeArgs& a) {
  ExchangeCommands c{};
  c.login = app.add_subcommand("login", "Log in with DEZI through the organisation gateway");
  c.login->add_option("--gateway", a.gateway, "Gateway URL (default: $ZORGBRUG_GATEWAY)");
  c.login->add_option("--ca", a.caFile,
                      "CA file to trust for the gateway and DEZI (default: $ZORGBRUG_CA_FILE, else the system store)");
  c.login->add_option("--persona", a.persona,
                      "Sandbox only: log in as this persona without a browser (so, avg, huisarts-anw, ...)");
  c.login->add_option("--timeout", a.timeoutSeconds, "Seconds to wait for the browser")->check(CLI::Range(5, 900));
  c.whoami = app.add_subcommand("whoami", "Show who is logged in (asks the gateway)");
  c.logout = app.add_subcommand("logout", "End the session at the gateway");
  c.fetch = app.add_subcommand("fetch", "Relay one FHIR request to a holder through the gateway; prints the answer");
  c.fetch->add_option("holder", a.holder, "SERVICE/URA, or a URA to look up in every Discovery Service")->required();
  c.fetch->add_option("query", a.query, "FHIR path and query, e.g. 'MedicationRequest?patient.identifier=...'")
      ->required();
  c.fetch->add_option("--form", a.form, "Form body: makes the request a POST (Patient/_search)");
  return c;
}

int LogIn(const std::string& gatewayFlag, const std::string& caFlag, const std::string& persona, int timeoutSeconds,
          bool quiet) {
  const std::string gatewayUrl = Setting(gatewayFlag, "ZORGBRUG_GATEWAY");
  if (gatewayUrl.empty()) {
    std::cerr << "zorgbrug-cli: no gateway: pass --gateway URL or set ZORGBRUG_GATEWAY\n";
    return kExitUsage;
  }
  net::http::ClientOptions options;
  options.caFile = Setting(caFlag, "ZORGBRUG_CA_FILE");
  net::client::GatewayClient gateway(gatewayUrl, options);
  std::unique_ptr<net::client::BrowserLauncher> browser;
  if (persona.empty())
    browser = std::make_unique<PrintingBrowser>();
  else
    browser = std::make_unique<net::client::HeadlessBrowser>(persona, options);
  auto session = net::client::Login(gateway, *browser, std::chrono::seconds(timeoutSeconds));
  if (!session) {
    if (auto* headless = dynamic_cast<net::client::HeadlessBrowser*>(browser.get());
        headless && !headless->error().empty()) {
      std::cerr << "zorgbrug-cli: browser: " << headless->error() << "\n";
    }
    return Report(session.error());
  }
  const auto& s = session.value();
  if (const std::string problem = SaveSession({{"gateway", gatewayUrl},
                                               {"ca_file", options.caFile},
                                               {"session_token", s.token},
                                               // The key the session is bound to (DPoP): a later
                                               // command proves its requests with it.
                                               {"proof_key", net::client::SessionProofKeyPem()},
                                               {"expires_at", s.expiresAt}});
      !problem.empty()) {
    std::cerr << "zorgbrug-cli: the session is not stored: " << problem << "\n";
    return kExitUsage;
  }
  (quiet ? std::cerr : std::cout) << "Ingelogd als " << Describe(s.user) << "\nSessie geldig tot "
                                  << LocalTime(s.expiresAt) << "\n";
  return 0;
}

std::optional<StoredSession> LoadStoredSession() {
  std::string problem;
  const json stored = LoadSession(problem);
  if (!problem.empty()) std::cerr << "zorgbrug-cli: session not used: " << problem << "\n";
  if (!stored.is_object() || !stored.value("session_token", json()).is_string()) return std::nullopt;
  return StoredSession{StringMember(stored, "gateway"), StringMember(stored, "ca_file"), stored["session_token"],
                       stored.value("expires_at", std::int64_t{0})};
}

int ExitCodeFor(const domain::Error& error) { return Report(error); }

int RunExchange(const ExchangeCommands& commands, const ExchangeArgs& args) {
  if (commands.login->parsed()) return LogIn(args.gateway, args.caFile, args.persona, args.timeoutSeconds, false);

  std::string problem;
  const json stored = LoadSession(problem);
  if (!stored.is_object() || !stored.value("session_token", json()).is_string()) {
    if (!problem.empty()) std::cerr << "zorgbrug-cli: session not used: " << problem << "\n";
    std::cerr << "zorgbrug-cli: not logged in: run zorgbrug-cli login first\n";
    return kExitRefused;
  }
  net::http::ClientOptions options;
  options.caFile = StringMember(stored, "ca_file");
  net::client::GatewayClient gateway(StringMember(stored, "gateway"), options);
  const std::string token = stored["session_token"];

  if (commands.whoami->parsed()) {
    auto who = gateway.WhoAmI(token);
    if (!who) return Report(who.error());
    std::cout << Describe(who->user) << "\nSessie geldig tot " << LocalTime(who->expiresAt) << "\n";
    return 0;
  }
  if (commands.logout->parsed()) {
    auto out = gateway.Logout(token);
    std::error_code ec;
    fs::remove(SessionFile(), ec);
    if (!out) return Report(out.error());
    std::cout << "Uitgelogd\n";
    return 0;
  }
  if (commands.fetch->parsed()) {
    std::string service;
    std::string ura = args.holder;
    if (const auto slash = args.holder.find('/'); slash != std::string::npos) {
      service = args.holder.substr(0, slash);
      ura = args.holder.substr(slash + 1);
    } else {
      auto found = gateway.Directory(token, "", ura);
      if (!found) return Report(found.error());
      if (found->empty()) {
        std::cerr << "zorgbrug-cli: no organisation with URA " << ura << " in the directory\n";
        return kExitRefused;
      }
      service = found->front().service;
    }
    auto response = gateway.Relay(token, service, ura, args.form.empty() ? "GET" : "POST", args.query, args.form);
    if (!response) return Report(response.error());
    const auto& r = response.value();
    std::cerr << "HTTP " << r.status << " van " << service << "/" << ura
              << (r.header(std::string(net::contract::kTokenRenewedHeader)) == "true" ? " (na vernieuwen van het token)"
                                                                                      : "")
              << "\n";
    std::cout << r.body << "\n";
    return r.status >= 200 && r.status < 300 ? 0 : kExitRefused;
  }
  return kExitUsage;
}

}  // namespace zb::cli
