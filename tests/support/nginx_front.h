// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Real nginx in front of a running zorgbrug-gateway, configured from the project's production
// template (installer/nginx) rendered by its own script: what the tests and the benchmarks check
// behind nginx is what an organisation deploys. Stopped (SIGTERM, then SIGKILL) when destroyed.
#include <sys/types.h>

#include <memory>
#include <string>

namespace zb::test {

struct NginxFrontOptions {
  std::string gatewayUrl;  // https://127.0.0.1:<port> of the gateway
  std::string caFile;      // the CA that issued the gateway's certificate
  std::string certFile;    // nginx's own certificate and key towards the desktops
  std::string keyFile;
  std::string gatewayName = "zorgbrug-gateway";  // the name nginx verifies in the gateway's certificate
  std::string dir;                               // a private folder for the rendered files, logs and pid
  // Source address of nginx's connections to the gateway, so that the gateway can tell them from
  // direct ones (its listen.trusted_proxies); empty: the system's choice.
  std::string proxyBind;
  int workers = 1;
};

class NginxFront {
 public:
  // nullptr when nginx is not installed, the template does not render or nginx does not start;
  // `error` then says which, with nginx's own error log.
  static std::unique_ptr<NginxFront> Start(const NginxFrontOptions& options, std::string& error);
  ~NginxFront();
  NginxFront(const NginxFront&) = delete;
  NginxFront& operator=(const NginxFront&) = delete;

  const std::string& url() const { return m_url; }  // https://127.0.0.1:<port>
  std::string accessLog() const { return m_dir + "/access.log"; }
  std::string errorLog() const { return m_dir + "/error.log"; }
  pid_t pid() const { return m_pid; }

 private:
  NginxFront() = default;
  pid_t m_pid = -1;
  std::string m_url;
  std::string m_dir;
};

// The nginx binary that the project's install script provides; empty when there is none.
std::string NginxBinary();

}  // namespace zb::test
