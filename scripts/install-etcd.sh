#!/usr/bin/env bash
# Makes sure etcd >= 3.4 (server and etcdctl) is on the PATH. Idempotent: does nothing when it is.
# Installs Debian's etcd-server and etcd-client as root, or through sudo; otherwise says how.
set -euo pipefail

version_ok() { # etcd --version prints "etcd Version: 3.4.23"
  local v major minor
  v="$("$1" --version 2>/dev/null | sed -n 's/^etcd Version: \([0-9.]*\).*/\1/p' | head -n1)"
  [ -n "$v" ] || return 1
  major="${v%%.*}"; minor="$(echo "$v" | cut -d. -f2)"
  [ "$major" -gt 3 ] || { [ "$major" -eq 3 ] && [ "$minor" -ge 4 ]; }
}

have_all() {
  command -v etcd >/dev/null 2>&1 && version_ok "$(command -v etcd)" && command -v etcdctl >/dev/null 2>&1
}

if have_all; then
  exit 0
fi

instructions() {
  cat >&2 <<'MSG'
typed-etcd needs etcd >= 3.4 (the `etcd` server and `etcdctl`) on the PATH.
  Debian/Ubuntu:  sudo apt-get install -y etcd-server etcd-client
  macOS:          brew install etcd
  Anywhere:       download a release from the etcd project and put etcd and etcdctl on the PATH,
                  or point ETCD_BINARY at the etcd binary.
MSG
}

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-etcd: no apt-get on this machine." >&2
  instructions
  exit 1
fi
if [ "$(id -u)" = 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  echo "install-etcd: not root and no password-less sudo." >&2
  instructions
  exit 1
fi

echo "install-etcd: installing Debian packages etcd-server and etcd-client" >&2
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq etcd-server etcd-client >/dev/null

# Debian starts an etcd service on install in some setups; our tests start their own on free ports.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet etcd 2>/dev/null; then
  "${SUDO[@]}" systemctl disable --now etcd >/dev/null 2>&1 || true
fi

if ! have_all; then
  echo "install-etcd: installed, but etcd >= 3.4 and etcdctl are still not on the PATH." >&2
  instructions
  exit 1
fi
echo "install-etcd: $(etcd --version | head -n1)" >&2
