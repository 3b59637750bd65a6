#!/usr/bin/env bash
# Go clientv3 under SemanticsLoad's watch load: puts paced at -rate on 1 ms ticks, a prefix watch
# (-prev adds prev_kv, as our typed watch uses), ack -> event latency per round of -n events.
#   benchmarks/go-paced-watch/run.sh -rate 5000 -n 20000 -rounds 6 [-prev] [-txn] [-batch 10] [-clean] [-warmup 4]
# Builds offline from Debian packages (installed when missing, like ../shared/bench/go-clientv3);
# starts its own etcd on free loopback ports with data on /dev/shm.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
need=()
command -v go >/dev/null || need+=(golang-go)
[ -d /usr/share/gocode/src/go.etcd.io/etcd/clientv3 ] || need+=(golang-etcd-server-dev)
command -v etcd >/dev/null || need+=(etcd-server)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
BUILD="$(mktemp -d -t go-paced.XXXXXX)"
DATA="$(mktemp -d /dev/shm/go-paced.XXXXXX 2>/dev/null || mktemp -d)"
ETCD_PID=""
cleanup() {
  [ -n "$ETCD_PID" ] && kill "$ETCD_PID" 2>/dev/null && wait "$ETCD_PID" 2>/dev/null || true
  rm -rf "$BUILD" "$DATA"
}
trap cleanup EXIT INT TERM
mkdir -p "$BUILD/src/paced" && cp "$HERE/main.go" "$BUILD/src/paced/"
( cd "$BUILD/src/paced" && GO111MODULE=off GOPATH="$BUILD:/usr/share/gocode" GOPROXY=off GOFLAGS= \
    GOCACHE="$BUILD/cache" go build -o "$BUILD/paced" . )
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
C="$(free_port)"; P="$(free_port)"
etcd --name paced --data-dir "$DATA/data" \
  --listen-client-urls "http://127.0.0.1:$C" --advertise-client-urls "http://127.0.0.1:$C" \
  --listen-peer-urls "http://127.0.0.1:$P" --initial-advertise-peer-urls "http://127.0.0.1:$P" \
  --initial-cluster "paced=http://127.0.0.1:$P" >"$DATA/etcd.log" 2>&1 &
ETCD_PID=$!
for _ in $(seq 1 200); do
  curl -fsS "http://127.0.0.1:$C/health" 2>/dev/null | grep -q '"health":"true"' && break
  sleep 0.05
done
echo "| client | rate | events | achieved events/s | p50 ms | p99 ms | max ms | client cores | refused (too many requests) |"
echo "|---|---|---|---|---|---|---|---|---|"
"$BUILD/paced" -endpoint "127.0.0.1:$C" "$@"
