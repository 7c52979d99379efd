#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked GNOME keyring (Secret Service), as
# on a desktop, so the keychain path of the key vault is tested for real. The keyring lives in a
# temporary HOME that is removed afterwards.
set -eu
if [ -z "${ZB_KEYRING_INNER:-}" ]; then
  export ZB_KEYRING_INNER=1
  exec dbus-run-session -- "$0" "$@"
fi
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# --unlock with a password on stdin creates and unlocks the login keyring; then start the secrets component.
printf 'zorgbrug-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
printf 'zorgbrug-test' | gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1
export ZB_KEYRING_RUNNING=1
"$@"
