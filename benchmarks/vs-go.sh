#!/usr/bin/env bash
# Go's clientv3 reference and our ClientLoad in turns against ONE etcd, so that both meet etcd in
# the same state. etcd 3.4's cost per read grows with its write history (every read copies the
# write buffer at its high-water length, and the heap its GC scans grows), so two etcds started
# for two clients compare histories as much as clients.
#   benchmarks/vs-go.sh [ROUNDS=3] [CONC=16,128] [OPS=20000] [CLIENTS=typed,typed-inline]
# GO_BENCH (default ../shared/bench/go-clientv3) holds the reference's main.go; Go and the etcd
# client sources come from Debian packages, installed when missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROUNDS="${ROUNDS:-3}"; CONC="${CONC:-16,128}"; OPS="${OPS:-20000}"; CLIENTS="${CLIENTS:-typed,typed-inline}"
GO_BENCH="${GO_BENCH:-../shared/bench/go-clientv3}"
[ -f "$GO_BENCH/main.go" ] || { echo "no Go reference at $GO_BENCH (set GO_BENCH)" >&2; exit 2; }
scripts/install-etcd.sh
mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true -pl benchmarks -am package \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
. benchmarks/go-etcd.sh
go_build etcdbench "$GO_BENCH/main.go"
start_etcd vs-go
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
go_run() {
  # Compacted first, as ClientLoad compacts its warm-up's history before measuring.
  rev="$(ETCDCTL_API=3 etcdctl --endpoints "127.0.0.1:$C" endpoint status -w json | grep -o '"revision":[0-9]*' | cut -d: -f2)"
  ETCDCTL_API=3 etcdctl --endpoints "127.0.0.1:$C" compact "$rev" --physical >/dev/null
  echo "round $1, Go clientv3, $(date -u +%T) UTC"
  "$BUILD/etcdbench" -endpoint "127.0.0.1:$C" -pid "$ETCD_PID" -ops "$OPS" -warmup 2000 -conc "$CONC" \
    -clktck "$(getconf CLK_TCK)" | grep -E '^\| (phase|put|get)'
}
our_run() {
  echo "round $1, ours, $(date -u +%T) UTC"
  "${JAVA:-java}" -cp "$CP" -Dendpoint="http://127.0.0.1:$C" -DetcdPid="$ETCD_PID" -Dclients="$CLIENTS" \
    -Dphases=put,get -Dconc="$CONC" -Dops="$OPS" -Dwarmup=2000 io.typedetcd.benchmarks.ClientLoad 2>/dev/null \
    | grep -E '^\| '
}
# The order alternates: etcd only ages, and whoever runs second in every round would meet it older.
for r in $(seq 1 "$ROUNDS"); do
  if [ $((r % 2)) = 1 ]; then go_run "$r"; our_run "$r"; else our_run "$r"; go_run "$r"; fi
done
