#!/bin/sh
# run-smoke.sh SECONDS [BUILDDIR] - a bounded libFuzzer run of fuzz_frame.
#
# BUILDDIR (default build-fuzz) is a build configured with -Dfuzz=true
# (CC=clang). The corpus lives in BUILDDIR/fuzz-corpus, seeded from the
# captures by seed.py the first time. A crash, leak, timeout or OOM is copied
# into tests/fuzz/regressions/ (replayed by every build's test suite from
# then on) and the script exits non-zero.
set -eu
secs=${1:?usage: run-smoke.sh SECONDS [BUILDDIR]}
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${2:-$src/build-fuzz}
fuzzer=$build/tests/fuzz_frame
[ -x "$fuzzer" ] || { echo "run-smoke: $fuzzer not built (meson setup $build -Dfuzz=true)" >&2; exit 2; }
corpus=$build/fuzz-corpus
art=$build/fuzz-artifacts
mkdir -p "$corpus" "$art"
if [ -z "$(ls -A "$corpus")" ]; then
	python3 "$src/tests/fuzz/seed.py" "$corpus" "$src"/captures/*.pcap "$build"/tests/inputs/*.pcap 2>/dev/null ||
		python3 "$src/tests/fuzz/seed.py" "$corpus" "$src"/captures/*.pcap
fi
rm -f "$art"/crash-* "$art"/leak-* "$art"/timeout-* "$art"/oom-*
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
set +e
"$fuzzer" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=70000 \
	-print_final_stats=1 -artifact_prefix="$art/" "$corpus" \
	"$src/tests/fuzz/regressions" >"$build/fuzz-smoke.log" 2>&1
rc=$?
set -e
grep -E '^stat::number_of_executed_units|^stat::peak_rss|^#[0-9]+.*DONE' "$build/fuzz-smoke.log" || true
found=0
for f in "$art"/crash-* "$art"/leak-* "$art"/timeout-* "$art"/oom-*; do
	[ -e "$f" ] || continue
	cp "$f" "$src/tests/fuzz/regressions/"
	echo "run-smoke: found $(basename "$f"), copied to tests/fuzz/regressions/" >&2
	found=1
done
if [ $rc -ne 0 ] || [ $found -ne 0 ]; then
	echo "run-smoke: fuzzer exit $rc; log: $build/fuzz-smoke.log" >&2
	grep -E 'ERROR|runtime error|SUMMARY' "$build/fuzz-smoke.log" | head -20 >&2
	exit 1
fi
echo "run-smoke: ${secs}s, no crash"
