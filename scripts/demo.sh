#!/usr/bin/env bash
# The demo: installs etcd if missing, builds, then runs the service registry example (DEMO_MAIN picks
# another main): it starts a throwaway etcd, registers, discovers, watches, expires, and stops it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-etcd.sh
echo "demo: building (tests skipped; scripts/test.sh runs them)..." >&2
exec mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true -pl examples -am package exec:java \
  -Dexec.mainClass="${DEMO_MAIN:-io.typedetcd.examples.registry.RegistryDemo}"
