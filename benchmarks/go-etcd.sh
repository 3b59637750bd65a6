# Sourced by the scripts that run a Go program against an etcd of their own (vs-go.sh,
# go-paced-watch/run.sh): Debian's Go and etcd client sources (installed when missing), an offline
# build, and an etcd on free loopback ports with its data on /dev/shm, stopped at exit.

# go_build NAME MAIN_GO: builds MAIN_GO into $BUILD/NAME.
go_build() {
  local need=()
  command -v go >/dev/null || need+=(golang-go)
  [ -d /usr/share/gocode/src/go.etcd.io/etcd/clientv3 ] || need+=(golang-etcd-server-dev)
  command -v etcd >/dev/null || need+=(etcd-server)
  if [ ${#need[@]} -gt 0 ]; then
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  fi
  mkdir -p "$BUILD/src/$1" && cp "$2" "$BUILD/src/$1/main.go"
  ( cd "$BUILD/src/$1" && GO111MODULE=off GOPATH="$BUILD:/usr/share/gocode" GOPROXY=off GOFLAGS= \
      GOCACHE="$BUILD/cache" go build -o "$BUILD/$1" . )
}

# start_etcd NAME: a single-member etcd; sets C (client port) and ETCD_PID.
start_etcd() {
  local free_port='import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
  C="$(python3 -c "$free_port")"; local p; p="$(python3 -c "$free_port")"
  etcd --name "$1" --data-dir "$DATA/data" \
    --listen-client-urls "http://127.0.0.1:$C" --advertise-client-urls "http://127.0.0.1:$C" \
    --listen-peer-urls "http://127.0.0.1:$p" --initial-advertise-peer-urls "http://127.0.0.1:$p" \
    --initial-cluster "$1=http://127.0.0.1:$p" >"$DATA/etcd.log" 2>&1 &
  ETCD_PID=$!
  for _ in $(seq 1 200); do
    curl -fsS "http://127.0.0.1:$C/health" 2>/dev/null | grep -q '"health":"true"' && return
    sleep 0.05
  done
  echo "etcd did not become healthy; its log: $DATA/etcd.log" >&2
  return 1
}

BUILD="$(mktemp -d -t go-etcd.XXXXXX)"
DATA="$(mktemp -d /dev/shm/go-etcd.XXXXXX 2>/dev/null || mktemp -d)"
ETCD_PID=""
go_etcd_cleanup() {
  [ -n "$ETCD_PID" ] && kill "$ETCD_PID" 2>/dev/null && wait "$ETCD_PID" 2>/dev/null || true
  rm -rf "$BUILD" "$DATA"
}
trap go_etcd_cleanup EXIT INT TERM
