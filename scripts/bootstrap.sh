#!/usr/bin/env bash
# bootstrap.sh demo|test - set up a Debian 12 machine, build nldump, and
# either decode a bundled capture (demo) or run every test (test).
#
#   demo  install what is missing, configure and build (build/), decode
#         captures/genl_ctrl.pcap
#   test  the same, then: meson test in build/ (debugoptimized); a release
#         build (build-release/, -O3, as packagers build) running the same
#         suite; an ASan+UBSan build (build-asan/) running it again; the
#         fuzz smoke run (build-fuzz/, clang, FUZZ_SECONDS, default 60).
#         Ends with the skipped tests by name and a line "N passed,
#         N failed, N skipped"; exits non-zero if anything failed.  About 10 minutes on 2 cores.
#
# Runs as root without a terminal (CI: fresh clone, CI=true); as another
# user it uses sudo for apt-get when packages are missing. Packages come
# from Debian's archive (apt-get) only.
set -euo pipefail

mode=${1:-}
case $mode in
demo|test) ;;
*) echo "usage: $0 demo|test" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
src=$(pwd)
export DEBIAN_FRONTEND=noninteractive
jobs=${JOBS:-2}

log() { printf '== %s\n' "$*"; }
now() { date +%s; }

# ---- packages ----
# python3-yaml: specs/embed.py parses the built-in specs at build time
pkgs=(meson ninja-build pkg-config gcc libc6-dev libpcap-dev libjansson-dev libyaml-dev python3
      python3-yaml)
# jq: the documentation's examples pipe --json into it (tests/check_doc_examples.py)
[ "$mode" = test ] && pkgs+=(clang libclang-rt-dev llvm iproute2 util-linux jq)
# python3-jsonschema: tests/check_spec_numbers.py validates the specs
# against the netlink schemas
[ "$mode" = test ] && pkgs+=(python3-jsonschema)

install_missing() {
	if ! command -v dpkg-query >/dev/null; then
		log "not a Debian system: not installing packages (${pkgs[*]} needed)"
		return 0
	fi
	local missing=() p
	for p in "${pkgs[@]}"; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' ||
			missing+=("$p")
	done
	if [ ${#missing[@]} -eq 0 ]; then
		log "packages: all present"
		return 0
	fi
	log "packages: installing ${missing[*]}"
	local sudo=()
	if [ "$(id -u)" -ne 0 ]; then
		if command -v sudo >/dev/null; then
			sudo=(sudo -n)
		else
			echo "bootstrap: missing packages (${missing[*]}) and not root" >&2
			exit 1
		fi
	fi
	"${sudo[@]}" apt-get update -q </dev/null
	"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
}

# configure DIR [meson options...]: set up, or reconfigure if already set up;
# a failure is counted and shown, and returns 1
configure() {
	local dir=$1
	shift
	if [ -d "$dir/meson-private" ] &&
	   meson setup --reconfigure "$dir" "$@" >"build-logs/$dir.setup.log" 2>&1; then
		return 0
	fi
	rm -rf "$dir"
	if meson setup "$dir" "$@" >"build-logs/$dir.setup.log" 2>&1; then
		return 0
	fi
	echo "bootstrap: meson setup $dir $* failed:" >&2
	tail -30 "build-logs/$dir.setup.log" >&2
	failed=$((failed + 1))
	return 1
}

passed=0
failed=0
skipped=0
skipped_names=()
t_start=$(now)

# run_suite DIR: meson test in DIR, adding its results to the totals; a
# SKIP (exit 77: nothing to compare here) is counted apart and named
run_suite() {
	local dir=$1 rc=0 p f s names
	meson test -C "$dir" --num-processes "$jobs" --print-errorlogs >"build-logs/$dir.test.log" 2>&1 || rc=$?
	read -r p f s names < <(python3 - "$dir/meson-logs/testlog.json" <<'PY'
import json, sys
ok = bad = 0
skip = []
try:
    with open(sys.argv[1]) as f:
        for line in f:
            r = json.loads(line)
            if r.get('result') in ('OK', 'EXPECTEDFAIL'):
                ok += 1
            elif r.get('result') == 'SKIP':
                skip.append(r.get('name', '?').replace(' ', '_'))
            else:
                bad += 1
except OSError:
    bad += 1
print(ok, bad, len(skip), ' '.join(skip))
PY
	)
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1	# meson failed without a result (e.g. a build error)
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	skipped=$((skipped + s))
	local n
	for n in $names; do skipped_names+=("$dir:$n"); done
	log "$dir: $p passed, $f failed, $s skipped${names:+ ($names)} (log: build-logs/$dir.test.log)"
	if [ "$f" -ne 0 ]; then
		sed -n '/^Summary of Failures/,/^Ok:/p' "build-logs/$dir.test.log" | head -60 || true
	fi
}

# build DIR: ninja; counts a failure and returns 1 when it fails
build() {
	local dir=$1
	if ninja -C "$dir" -j "$jobs" >"build-logs/$dir.build.log" 2>&1; then
		return 0
	fi
	echo "bootstrap: build in $dir failed:" >&2
	tail -40 "build-logs/$dir.build.log" >&2
	failed=$((failed + 1))
	return 1
}

install_missing
mkdir -p build-logs

# ---- normal build ----
log "configure and build: build/"
if ! configure build || ! build build; then
	if [ "$mode" = demo ]; then
		exit 1
	fi
fi

if [ "$mode" = demo ]; then
	log "build/nldump -r captures/genl_ctrl.pcap | head -40"
	build/nldump -r captures/genl_ctrl.pcap | head -40
	log "build/nldump -v -c 2 -r captures/genl_ctrl.pcap"
	build/nldump -v -c 2 -r captures/genl_ctrl.pcap | head -60
	exit 0
fi

t0=$(now)
[ -x build/nldump ] && run_suite build
log "build/ suite: $(($(now) - t0)) s"

# ---- release build: every build type must build (warnings are errors at -O3 too) ----
t0=$(now)
log "configure and build: build-release/ (buildtype=release)"
if configure build-release --buildtype=release && build build-release; then
	run_suite build-release
fi
log "build-release/ build and suite: $(($(now) - t0)) s"

# ---- sanitizers ----
t0=$(now)
log "configure and build: build-asan/ (ASan + UBSan)"
if configure build-asan -Db_sanitize=address,undefined -Db_lundef=false \
	-Dc_args=-fno-sanitize-recover=all -Dbuildtype=debug && build build-asan; then
	ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 \
	UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1 \
		run_suite build-asan
fi
log "build-asan/ build and suite: $(($(now) - t0)) s"

# ---- fuzz smoke ----
t0=$(now)
log "configure and build: build-fuzz/ (clang, libFuzzer)"
if CC=clang configure build-fuzz -Dfuzz=true -Db_lundef=false && build build-fuzz; then
	if tests/fuzz/run-smoke.sh "${FUZZ_SECONDS:-60}" "$src/build-fuzz"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
fi
log "build-fuzz/ build and smoke: $(($(now) - t0)) s"

log "total: $(($(now) - t_start)) s"
if [ "$skipped" -ne 0 ]; then
	echo "skipped: ${skipped_names[*]}"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
