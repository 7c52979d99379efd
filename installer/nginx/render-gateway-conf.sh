#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders zorgbrug-gateway.conf.template into an nginx server configuration.
#   ZB_LISTEN=443 ZB_SERVER_NAME=gateway.example.nl ZB_TLS_CERT=... ZB_TLS_KEY=... \
#   ZB_GATEWAY=127.0.0.1:8443 ZB_GATEWAY_NAME=zorgbrug-gateway.local ZB_GATEWAY_CA=... \
#   ZB_ACCESS_LOG=/var/log/nginx/zorgbrug-gateway.log ZB_ERROR_LOG=/var/log/nginx/zorgbrug-gateway.error.log \
#     installer/nginx/render-gateway-conf.sh > /etc/nginx/conf.d/zorgbrug-gateway.conf
# Only the ${ZB_*} names are replaced (nginx's own $variables stay); an unset one is an error,
# never an empty value in the output.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
names=(ZB_LISTEN ZB_SERVER_NAME ZB_TLS_CERT ZB_TLS_KEY ZB_GATEWAY ZB_GATEWAY_NAME ZB_GATEWAY_CA ZB_ACCESS_LOG ZB_ERROR_LOG)
list=""
for n in "${names[@]}"; do
  if [ -z "${!n:-}" ]; then
    echo "render-gateway-conf.sh: $n is not set (needed: ${names[*]})" >&2
    exit 2
  fi
  case "${!n}" in
    *[[:space:]\;\{\}\'\"]*)
      echo "render-gateway-conf.sh: $n contains a space, quote, ';' or brace: not a single nginx value" >&2
      exit 2
      ;;
  esac
  list+="\${$n} "
done
envsubst "$list" < "$here/zorgbrug-gateway.conf.template"
