// SPDX-License-Identifier: GPL-3.0-or-later
#include "nginx_front.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

extern char** environ;

namespace zb::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs `argv` with `env` added, stdout into `outFile`, stderr into `errFile`; the exit code, or -1.
int Run(const std::vector<std::string>& argv, const std::vector<std::string>& env, const std::string& outFile,
        const std::string& errFile) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<std::string> envStrings(env);
  // Inherited variables of the same names are left out: the values given here are the only ones.
  for (char** e = environ; *e; ++e) {
    const std::string entry(*e);
    const std::string name = entry.substr(0, entry.find('=') + 1);
    bool given = false;
    for (const auto& g : env) given = given || g.rfind(name, 0) == 0;
    if (!given) envStrings.push_back(entry);
  }
  std::vector<char*> args, envp;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  for (auto& e : envStrings) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

int FreeLoopbackPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
    port = ntohs(addr.sin_port);
  ::close(fd);
  return port;
}

bool Accepts(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

std::string NginxBinary() {
  for (const char* candidate : {"/usr/sbin/nginx", "/usr/local/sbin/nginx"})
    if (::access(candidate, X_OK) == 0) return candidate;
  return {};
}

std::unique_ptr<NginxFront> NginxFront::Start(const NginxFrontOptions& o, std::string& error) {
  const std::string nginx = NginxBinary();
  if (nginx.empty()) {
    error = "nginx is not installed (scripts/install-deps.sh installs Debian's nginx)";
    return nullptr;
  }
  const auto colon = o.gatewayUrl.rfind(':');
  if (o.gatewayUrl.rfind("https://", 0) != 0 || colon == std::string::npos || colon < 8) {
    error = "not a gateway https URL with a port: " + o.gatewayUrl;
    return nullptr;
  }
  const std::string dir = fs::absolute(o.dir).string();
  fs::create_directories(dir);
  const int port = FreeLoopbackPort();
  const std::string server = dir + "/zorgbrug-gateway.conf";
  const int rendered = Run({"/bin/bash", ZB_NGINX_RENDER},
                           {"ZB_LISTEN=127.0.0.1:" + std::to_string(port), "ZB_SERVER_NAME=localhost",
                            "ZB_TLS_CERT=" + fs::absolute(o.certFile).string(),
                            "ZB_TLS_KEY=" + fs::absolute(o.keyFile).string(), "ZB_GATEWAY=" + o.gatewayUrl.substr(8),
                            "ZB_GATEWAY_NAME=" + o.gatewayName, "ZB_GATEWAY_CA=" + fs::absolute(o.caFile).string(),
                            "ZB_ACCESS_LOG=" + dir + "/access.log", "ZB_ERROR_LOG=" + dir + "/error.log"},
                           server, dir + "/render.log");
  if (rendered != 0) {
    error = "the nginx template did not render: " + Slurp(dir + "/render.log");
    return nullptr;
  }
  // The top level an organisation's nginx.conf provides (Debian: /etc/nginx/nginx.conf), here with
  // every path inside `dir` so that nothing of the machine's own nginx is touched.
  std::ofstream main(dir + "/nginx.conf");
  if (::geteuid() == 0) main << "user root;\n";  // workers must read `dir`, which is private
  main << "worker_processes " << o.workers << ";\npid " << dir << "/nginx.pid;\n"
       << "events { worker_connections 16384; }\nhttp {\n"
       << "  client_body_temp_path " << dir << "/body;\n  proxy_temp_path " << dir << "/proxy;\n"
       << "  fastcgi_temp_path " << dir << "/fastcgi;\n  uwsgi_temp_path " << dir << "/uwsgi;\n"
       << "  scgi_temp_path " << dir << "/scgi;\n";
  if (!o.proxyBind.empty()) main << "  proxy_bind " << o.proxyBind << ";\n";
  main << "  include " << server << ";\n}\n";
  main.close();

  std::unique_ptr<NginxFront> front(new NginxFront());
  front->m_dir = dir;
  front->m_url = "https://127.0.0.1:" + std::to_string(port);
  std::vector<std::string> argv{
      nginx, "-p", dir, "-c", dir + "/nginx.conf", "-e", dir + "/error.log", "-g", "daemon off; master_process on;"};
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, (dir + "/stdout.log").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, (dir + "/stderr.log").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const int rc = posix_spawn(&front->m_pid, nginx.c_str(), &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    front->m_pid = -1;
    error = "cannot start " + nginx;
    return nullptr;
  }
  const auto deadline = std::chrono::steady_clock::now() + 15s;
  while (!Accepts(port)) {
    int status = 0;
    if (::waitpid(front->m_pid, &status, WNOHANG) == front->m_pid || std::chrono::steady_clock::now() > deadline) {
      if (std::chrono::steady_clock::now() <= deadline) front->m_pid = -1;  // it exited by itself
      error = "nginx did not start: " + Slurp(dir + "/stderr.log") + Slurp(dir + "/error.log");
      return nullptr;
    }
    std::this_thread::sleep_for(20ms);
  }
  return front;
}

NginxFront::~NginxFront() {
  if (m_pid <= 0) return;
  ::kill(m_pid, SIGTERM);  // nginx's fast shutdown: the master ends its workers
  for (int i = 0; i < 100; ++i) {
    if (::waitpid(m_pid, nullptr, WNOHANG) == m_pid) return;
    std::this_thread::sleep_for(50ms);
  }
  ::kill(m_pid, SIGKILL);
  ::waitpid(m_pid, nullptr, 0);
}

}  // namespace zb::test
