#!/usr/bin/env bash
# The whole test suite: unit, compile-time and integration tests against real etcd processes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-etcd.sh
exec mvn -B -ntp verify "$@"
