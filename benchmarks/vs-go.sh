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
need=()
command -v go >/dev/null || need+=(golang-go)
[ -d /usr/share/gocode/src/go.etcd.io/etcd/clientv3 ] || need+=(golang-etcd-server-dev)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
scripts/install-etcd.sh
mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true -pl benchmarks -am package \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
BUILD="$(mktemp -d -t vs-go.XXXXXX)"
DATA="$(mktemp -d /dev/shm/vs-go.XXXXXX 2>/dev/null || mktemp -d)"
ETCD_PID=""
cleanup() {
  [ -n "$ETCD_PID" ] && kill "$ETCD_PID" 2>/dev/null && wait "$ETCD_PID" 2>/dev/null || true
  rm -rf "$BUILD" "$DATA"
}
trap cleanup EXIT INT TERM
mkdir -p "$BUILD/src/etcdbench" && cp "$GO_BENCH/main.go" "$BUILD/src/etcdbench/"
( cd "$BUILD/src/etcdbench" && GO111MODULE=off GOPATH="$BUILD:/usr/share/gocode" GOPROXY=off GOFLAGS= \
    GOCACHE="$BUILD/cache" go build -o "$BUILD/etcdbench" . )
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
C="$(free_port)"; P="$(free_port)"
etcd --name vs-go --data-dir "$DATA/data" \
  --listen-client-urls "http://127.0.0.1:$C" --advertise-client-urls "http://127.0.0.1:$C" \
  --listen-peer-urls "http://127.0.0.1:$P" --initial-advertise-peer-urls "http://127.0.0.1:$P" \
  --initial-cluster "vs-go=http://127.0.0.1:$P" >"$DATA/etcd.log" 2>&1 &
ETCD_PID=$!
for _ in $(seq 1 200); do
  curl -fsS "http://127.0.0.1:$C/health" 2>/dev/null | grep -q '"health":"true"' && break
  sleep 0.05
done
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
