#!/usr/bin/env bash
# Go clientv3 under SemanticsLoad's watch load: puts paced at -rate on 1 ms ticks, a prefix watch
# (-prev adds prev_kv, as our typed watch uses), ack -> event latency per round of -n events.
#   benchmarks/go-paced-watch/run.sh -rate 5000 -n 20000 -rounds 6 [-prev] [-txn] [-batch 10] [-clean] [-warmup 4]
# Builds offline from Debian packages (installed when missing, like ../shared/bench/go-clientv3);
# starts its own etcd on free loopback ports with data on /dev/shm.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/../go-etcd.sh"
go_build paced "$HERE/main.go"
start_etcd paced
echo "| client | rate | events | achieved events/s | p50 ms | p99 ms | max ms | client cores | refused (too many requests) |"
echo "|---|---|---|---|---|---|---|---|---|"
"$BUILD/paced" -endpoint "127.0.0.1:$C" "$@"
