#!/usr/bin/env bash
# Runs one benchmark main against an etcd it starts itself (on /dev/shm when there is one).
#   benchmarks/run.sh [MainClass] [-Dprop=value ...]
# Mains: ClientLoad (default: our client, jetcd and raw gRPC stubs side by side),
#        RepositoryLoad (generated repository vs raw client), codec.CodecBenchmark (JMH).
# Options: -Dops=20000 -Dwarmup=2000 -DwarmupSeconds=30 -Dconc=1,16,128 -Dclients=typed,typed-inline,jetcd,raw
#          -Dphases=put,get,watch -Dshape=threads (blocking threads, like the Go reference)
#          -Dshape=virtual (virtual threads; run with JAVA=/path/to/java21+/bin/java)
# The Go clientv3 reference: ../shared/bench/go-clientv3/run.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
main="ClientLoad"
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then main="$1"; shift; fi
scripts/install-etcd.sh
mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true -pl benchmarks -am package \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec "${JAVA:-java}" -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" "$@" \
  "io.typedetcd.benchmarks.$main"
