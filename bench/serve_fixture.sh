# What the benchmarks of a real `perfgate serve` share (bench/api_bench, bench/webhook_bench):
# a temporary directory, a fixture repository, an idle Prometheus, a server with one worker
# whose scenario takes no CPU, its API, and the figures of wrk. Sourced, not run.
#
# Before sourcing, set $bench (the name in messages) and $perfgate (the binary). Whatever
# the functions start is stopped on every path, and the directory removed.

readonly wait_seconds=15 # the longest any one wait below may take

tmp=$(mktemp -d "${TMPDIR:-/tmp}/perfgate-bench.XXXXXX")
server_pid=""
prometheus_pid=""

# Stops a process this script started: SIGTERM, then SIGKILL if it outlives the wait.
stop() {
  local pid=$1
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq $((wait_seconds * 10))); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  stop "$server_pid"
  stop "$prometheus_pid"
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
  echo "$bench: $*" >&2
  for log in "$tmp"/*.log; do
    [ -s "$log" ] && { echo "--- last lines of $(basename "$log"):" >&2; tail -n 20 "$log" >&2; }
  done
  exit 1
}

now_ms() { date +%s%3N; }

# Starts `$launch PORT` in the background on a loopback port nobody listens on, and waits
# until GET $path answers; sets $started_port and $started_pid. A port taken in between
# makes the server exit (perfgate and Prometheus bind without SO_REUSEPORT): another is tried.
start_listening() {
  local launch=$1 path=$2 port pid
  for _ in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    "$launch" "$port" &
    pid=$!
    started_pid=$pid
    for _ in $(seq $((wait_seconds * 10))); do
      if curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port$path" 2>/dev/null; then
        started_port=$port
        return 0
      fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    stop "$pid"
    started_pid=""
  done
  fail "could not start $launch on a free loopback port"
}

# A repository of $1 empty commits on main, at $repo; their SHAs, newest first, in
# $tmp/commits. Through fast-import: thousands in well under a second.
make_repository() {
  repo=$tmp/origin
  git init -q -b main "$repo"
  awk -v n="$1" 'BEGIN {
    for (i = 1; i <= n; i++) {
      printf "commit refs/heads/main\nmark :%d\ncommitter bench <bench@localhost> %d +0000\n", i, 1700000000 + i
      printf "data %d\ncommit %d\n", length("commit " i), i
      if (i > 1) printf "from :%d\n", i - 1
    }
  }' | git -C "$repo" fast-import --quiet
  git -C "$repo" rev-list main >"$tmp/commits"
}

launch_prometheus() {
  printf 'global: { scrape_interval: 1m }\n' >"$tmp/prometheus.yml"
  exec prometheus --config.file="$tmp/prometheus.yml" --storage.tsdb.path="$tmp/prometheus" \
    --web.listen-address="127.0.0.1:$1" >"$tmp/prometheus.log" 2>&1
}

# An idle Prometheus (a job checks that Prometheus is ready before its first run).
start_prometheus() {
  start_listening launch_prometheus /-/ready
  prometheus_pid=$started_pid
  prometheus_port=$started_port
}

# `perfgate serve` on the repository with one scenario whose build is `sleep`: a job that runs
# takes no CPU, and holds the only worker slot until it is cancelled or the server stops. The
# rest of the scenario is never reached but must be valid. $serve_yaml is added to the
# config's top level and $serve_env to the server's environment; $serve_scenario and
# $serve_metric name the scenario and its one metric.
token=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
serve_yaml=""
serve_env=()
serve_scenario=idle
serve_metric=up
launch_perfgate() {
  cat >"$tmp/perfgate.yaml" <<EOF
repository: { url: "$repo", default_branch: main }
storage: sqlite:perfgate.db
workers: 1
server: { listen: "127.0.0.1:$1", public_url: "http://127.0.0.1:$1" }
prometheus: { url: "http://127.0.0.1:$prometheus_port", targets_dir: "$tmp/targets" }
$serve_yaml
scenarios:
  - name: $serve_scenario
    environment:
      type: process
      build: [sleep, "120"]
      services:
        - name: none
          command: [sleep, "120"]
          ready: { http: "http://127.0.0.1:{{port.none}}/", timeout: 1s }
    load: { type: command, command: ["true"], warmup: 0s, duration: 1s, rate: 1 }
    metrics:
      - { name: $serve_metric, query: "up{ {{selector}} }", unit: ratio, better: higher }
EOF
  exec env PERFGATE_API_TOKEN="$token" "${serve_env[@]}" "$perfgate" serve \
    --config "$tmp/perfgate.yaml" --grace 2s >"$tmp/serve.log" 2>&1
}

# Starts the server; sets $server_pid, $base_url and $api.
start_perfgate() {
  start_listening launch_perfgate /healthz
  server_pid=$started_pid
  base_url=http://127.0.0.1:$started_port
  api=$base_url/api/v1
}

# POSTs a job for commit $1 and prints its id; fails unless the job is new (201).
post_job() {
  local answer status
  answer=$(curl -sS --max-time 5 -w '\n%{http_code}' -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' \
    -d "{\"commit\": \"$1\", \"kind\": \"experiment\", \"scenarios\": [\"$serve_scenario\"]}" \
    "$api/jobs")
  status=${answer##*$'\n'}
  [ "$status" = 201 ] || fail "POST /jobs answered $status: ${answer%$'\n'*}"
  json_field "${answer%$'\n'*}" id
}

# A top-level field of a job as the API prints it (one field per line, indented by two).
json_field() {
  sed -n "s/^  \"$2\": \"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}$/\1/p" <<<"$1"
}

# GET /jobs/{id} answers {"job": {...}, "phases": ...}: the job's own fields, unindented once.
job_field() {
  local detail
  detail=$(curl -fsS --max-time 5 "$api/jobs/$1") || fail "GET /jobs/$1 failed"
  json_field "$(sed -n '/^  "job": {/,/^  }/{s/^  //;p}' <<<"$detail")" "$2"
}

# Polls job $1 every 20 ms until its state is $2 (bounded); fails on any other final state.
await_state() {
  local deadline=$(($(now_ms) + wait_seconds * 1000)) state
  while :; do
    state=$(job_field "$1" state)
    [ "$state" = "$2" ] && return 0
    case $state in succeeded | failed | cancelled)
      fail "job $1 ended $state while waiting for $2: $(job_field "$1" failure_reason)" ;;
    esac
    [ "$(now_ms)" -lt "$deadline" ] || fail "job $1 still $state after ${wait_seconds}s"
    sleep 0.02
  done
}

# A job of the idle scenario, running: the worker claims no other job and takes no CPU from
# the server while it runs.
hold_worker() {
  local holder
  holder=$(post_job main)
  await_state "$holder" running
}

# perfgate_jobs{state="$1"} from /metrics, or the sum over every state without $1.
jobs_in_store() {
  curl -fsS --max-time 5 "$base_url/metrics" |
    awk -v state="${1:-}" '/^perfgate_jobs\{/ && (state == "" || index($0, "\"" state "\"")) { n += $2 }
                       END { print n + 0 }'
}

# Nearest-rank percentiles of the numbers on stdin (milliseconds), as "p50 X, p99 Y, max Z".
percentiles() {
  sort -n | awk '{ v[NR] = $1 }
    function rank(p) { r = int(p * NR / 100); if (r < p * NR / 100) r++; return v[r < 1 ? 1 : r] }
    END { printf "p50 %d ms, p99 %d ms, max %d ms", rank(50), rank(99), v[NR] }'
}

# wrk's --latency output on stdin -> "N req/s, p50 X ms, p99 Y ms".
wrk_figures() {
  awk '
    function ms(text) {
      if (text ~ /us$/) return text / 1000
      if (text ~ /ms$/) return text + 0
      if (text ~ /s$/) return text * 1000
    }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    $1 == "Requests/sec:" { rate = $2 }
    END { printf "%d req/s, p50 %.2f ms, p99 %.2f ms", rate, p50, p99 }'
}
