#!/usr/bin/env bash
# Client load: our client, jetcd and raw gRPC stubs side by side against one etcd it starts on
# /dev/shm. Options as system properties: -Dops=20000 -Dwarmup=2000 -Dconc=1,16,128
# -Dclients=typed,typed-inline,jetcd,raw. Compare with ../shared/bench/go-clientv3/run.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-etcd.sh
mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true -pl benchmarks -am package \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" "$@" \
  io.typedetcd.benchmarks.ClientLoad
