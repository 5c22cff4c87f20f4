#!/bin/sh
# Builds the collector's container image from the Dockerfile and checks that it really works: health check, the
# kiosk PWA served, not root, `admin backup` and `restore` inside the container, data kept in the volume across a
# restart, a graceful stop on SIGTERM; with CHECK_DATABASE_URL also on PostgreSQL. Prints the image size, the
# start time and the stop time. Run by hand (root, or a user of the container engine); not part of `npm test`.
#
#   scripts/check-image.sh
#
# Settings (environment):
#   ENGINE       podman or docker (default: podman when installed)
#   ENGINE_FLAGS before the engine's sub-command, e.g. "--runtime runc"
#   RUN_FLAGS    added to every build and run, e.g. "--ulimit nofile=20000:20000" where the engine may not raise limits
#   NETWORK      "host": build and run on the host's network (no port publishing) where the engine has no bridge
#   BASE_IMAGE   default node:20-bookworm-slim; when it cannot be pulled, scripts/node-base-image.sh builds a stand-in
#   IMAGE        tag of the built image (default nongsan-so:check);  PORT  port on 127.0.0.1 (default 18080)
#   CHECK_DATABASE_URL  postgres://… reachable from this machine: a database of its own (the collector migrates it)
set -eu
cd "$(dirname "$0")/.."

engine=${ENGINE:-$(command -v podman >/dev/null 2>&1 && echo podman || echo docker)}
e="$engine ${ENGINE_FLAGS:-}"
image=${IMAGE:-nongsan-so:check}
port=${PORT:-18080}
name=nongsan-so-check
volume=nongsan-so-check-data
run_flags=${RUN_FLAGS:-}
build_flags=$run_flags
# Podman writes OCI images by default, and the OCI format has no HEALTHCHECK: keep Docker's format.
[ "$engine" = podman ] && build_flags="$build_flags --format docker"
# Behind a proxy that inspects TLS, this machine trusts the proxy's authority through NODE_EXTRA_CA_CERTS: npm ci in
# the build needs it too (a build secret, not kept in the image).
[ -n "${NODE_EXTRA_CA_CERTS:-}" ] && build_flags="$build_flags --secret id=tls-ca,src=$NODE_EXTRA_CA_CERTS"
if [ "${NETWORK:-}" = host ]; then
  build_flags="$build_flags --network host"
  publish="--network host -e PORT=$port"
else
  publish="-p 127.0.0.1:$port:8080"
fi

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'HỎNG / FAILED: %s\n' "$*" >&2; $e logs "$name" 2>&1 | tail -20 >&2 || true; exit 1; }
now_ms() { date +%s%3N; }
cleanup() { $e rm -f "$name" >/dev/null 2>&1 || true; $e volume rm -f "$volume" >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup

# Polls /api/health until 200; prints the milliseconds from $1.
wait_healthy() {
  i=0
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/health")" = 200 ]; do
    i=$((i + 1))
    [ $i -le 600 ] || fail "/api/health không trả 200 sau 60 giây"
    [ "$($e inspect -f '{{.State.Running}}' "$name")" = true ] || fail "container đã thoát"
    sleep 0.1
  done
  echo $(($(now_ms) - $1))
}

# Stops the container with SIGTERM (30 s before SIGKILL, as docs/deploy.md says) and checks that the collector
# stopped itself: exit code 0 and its own last log line.
# The logs of a restarted container keep the earlier runs: count the lines.
stop_gracefully() {
  stopped_before=$($e logs "$name" 2>&1 | grep -c 'Đã dừng\.' || true)
  t0=$(now_ms)
  $e stop -t 30 "$name" >/dev/null
  stop_ms=$(($(now_ms) - t0))
  code=$($e inspect -f '{{.State.ExitCode}}' "$name")
  [ "$code" = 0 ] || fail "thoát mã $code khi dừng (0 = máy chủ tự dừng; 137 = bị giết sau thời hạn; 143 = SIGTERM giết một tiến trình bọc ngoài, máy chủ không tự dừng)"
  [ "$($e logs "$name" 2>&1 | grep -c 'Đã dừng\.')" -gt "$stopped_before" ] || fail "không có dòng 'Đã dừng.' mới trong nhật ký"
  echo "dừng bằng SIGTERM sau $stop_ms ms, mã thoát 0; nhật ký: $($e logs "$name" 2>&1 | grep 'Đang dừng' | tail -1) … Đã dừng."
}

admin() { $e exec -e ADMIN_PASSWORD=kiem-tra-anh-container "$name" npm run --silent admin -- "$@"; }

say "Ảnh nền / base image"
base=${BASE_IMAGE:-node:20-bookworm-slim}
if ! $e image inspect "$base" >/dev/null 2>&1 && ! $e pull "$base" >/dev/null 2>&1; then
  echo "Không tải được $base: dựng ảnh tương đương từ kho Debian và Node.js của máy này."
  base=localhost/nongsan-so-base:node20-bookworm-slim
  $e image inspect "$base" >/dev/null 2>&1 || ENGINE=$engine scripts/node-base-image.sh "$base"
fi
echo "$base"

say "Dựng ảnh / build $image"
t0=$(now_ms)
# shellcheck disable=SC2086
$e build $build_flags --build-arg BASE_IMAGE="$base" -t "$image" . || fail "dựng ảnh không được"
build_s=$((($(now_ms) - t0) / 1000))
size=$($e image inspect -f '{{.Size}}' "$image")
echo "dựng trong $build_s s; kích thước $((size / 1000000)) MB"
[ "$($e image inspect -f '{{.Config.User}}' "$image")" = node ] || fail "ảnh không chạy bằng người dùng node"

say "Chạy với SQLite trong volume $volume"
$e volume create "$volume" >/dev/null
t0=$(now_ms)
# shellcheck disable=SC2086
$e run -d --name "$name" $run_flags $publish -v "$volume:/data" --stop-timeout 30 "$image" >/dev/null
start_ms=$(wait_healthy "$t0")
# CPU time the collector spent starting (tsx compiling, migrations): a figure the machine's load does not inflate.
start_cpu_ms=$($e exec "$name" sh -c 'tick=$(getconf CLK_TCK); for s in /proc/[0-9]*/stat; do read -r line < "$s"; case "$line" in *"(node)"*) set -- $line; echo $(((${14} + ${15}) * 1000 / tick)); break;; esac; done')
echo "GET /api/health 200 sau $start_ms ms (máy chủ dùng $start_cpu_ms ms CPU để khởi động)"
if [ "$engine" = podman ]; then
  $e healthcheck run "$name" || fail "HEALTHCHECK của ảnh báo lỗi"
else
  i=0
  until [ "$($e inspect -f '{{.State.Health.Status}}' "$name")" = healthy ]; do
    i=$((i + 1)); [ $i -le 90 ] || fail "HEALTHCHECK chưa báo healthy sau 90 giây"; sleep 1
  done
fi
echo "HEALTHCHECK của ảnh: healthy"

kiosk=$(curl -fsS "http://127.0.0.1:$port/kiosk") || fail "/kiosk không trả 200"
script=$(printf '%s' "$kiosk" | grep -o 'src="/assets/[^"]*\.js"' | head -1 | sed 's/^src="//; s/"$//')
[ -n "$script" ] || fail "/kiosk không phải trang PWA (không có /assets/*.js)"
type=$(curl -fsS -o /dev/null -w '%{content_type}' "http://127.0.0.1:$port$script") || fail "$script không trả 200"
echo "/kiosk 200, $script 200 ($type)"
curl -fsS -o /dev/null "http://127.0.0.1:$port/sw.js" || fail "/sw.js không trả 200"

[ "$($e exec "$name" id -un)" = node ] || fail "lệnh trong container không chạy bằng node"
$e exec "$name" sh -c '! grep -l "^Uid:[[:space:]]*0[[:space:]]" /proc/[0-9]*/status' >/dev/null || fail "có tiến trình chạy bằng root"
procs=$($e exec "$name" sh -c 'for s in /proc/[0-9]*/status; do sed -n "s/^Name:[[:space:]]*//p; s/^Uid:[[:space:]]*\([0-9]*\).*/uid \1/p" "$s" | paste -sd" "; done' | grep -E '^(tini|node) ' | sort -u | paste -sd,)
echo "không tiến trình nào chạy bằng root: $procs"
$e exec "$name" sh -c 'ls -ln /data/nongsan-so.sqlite' | grep -q ' 1000 1000 ' || fail "tệp SQLite không thuộc node"

admin create-province-admin --username kiemtra --name 'Kiểm tra ảnh' >/dev/null || fail "create-province-admin"
admin backup --to /data/kiem-tra.bak || fail "admin backup (SQLite)"
[ "$($e exec "$name" head -c 15 /data/kiem-tra.bak)" = 'SQLite format 3' ] || fail "bản sao lưu không phải tệp SQLite"
echo "sao lưu trực tuyến SQLite: $($e exec "$name" ls -l /data/kiem-tra.bak)"

say "Dừng bằng SIGTERM"
stop_gracefully
sqlite_stop=$stop_ms

say "Khôi phục trong container rồi chạy lại trên cùng volume"
# shellcheck disable=SC2086
$e run --rm $run_flags -v "$volume:/data" "$image" npm run --silent admin -- restore --from /data/kiem-tra.bak --yes || fail "admin restore"
t0=$(now_ms)
$e start "$name" >/dev/null
restart_ms=$(wait_healthy "$t0")
admin list-users | grep -q kiemtra || fail "tài khoản tạo trước khi dừng không còn"
echo "khởi động lại: /api/health 200 sau $restart_ms ms; tài khoản kiemtra vẫn còn"
stop_gracefully

pg_line="PostgreSQL: bỏ qua (đặt CHECK_DATABASE_URL)"
if [ -n "${CHECK_DATABASE_URL:-}" ]; then
  say "Chạy với PostgreSQL (DATABASE_URL, mạng của máy)"
  $e rm -f "$name" >/dev/null
  t0=$(now_ms)
  # shellcheck disable=SC2086
  $e run -d --name "$name" $run_flags --network host -e PORT="$port" -e DATABASE_URL="$CHECK_DATABASE_URL" \
    --stop-timeout 30 "$image" >/dev/null
  pg_start=$(wait_healthy "$t0")
  $e logs "$name" 2>&1 | grep -q 'PostgreSQL (DATABASE_URL)' || fail "không chạy trên PostgreSQL"
  admin backup --to /tmp/kiem-tra.pgdump || fail "admin backup (PostgreSQL, pg_dump)"
  [ "$($e exec "$name" head -c 5 /tmp/kiem-tra.pgdump)" = PGDMP ] || fail "bản sao lưu không phải pg_dump"
  echo "pg_dump trong container: $($e exec "$name" ls -l /tmp/kiem-tra.pgdump)"
  stop_gracefully
  pg_line="PostgreSQL: /api/health 200 sau $pg_start ms, pg_dump được, dừng sau $stop_ms ms"
fi

say "Kết quả / summary"
echo "ảnh $image từ $base: $((size / 1000000)) MB, dựng trong $build_s s"
echo "SQLite: /api/health 200 sau $start_ms ms ($start_cpu_ms ms CPU; khởi động lại $restart_ms ms), dừng bằng SIGTERM sau $sqlite_stop ms"
echo "$pg_line"
echo "tải máy lúc đo: $(uptime | sed 's/.*load average/load average/')"
