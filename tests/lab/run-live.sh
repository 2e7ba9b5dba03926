#!/bin/sh
# run-live.sh OUTDIR [NLDUMP]: run the lab VM scenario tests/lab/nldump_live.sh
# with the nldump binary NLDUMP (argument, else the NLDUMP environment
# variable, else build/nldump of this checkout).  The lab's make-captures is
# NL_LAB_MAKE_CAPTURES, else ../shared/lab/make-captures next to the checkout.
# make-captures starts scenarios without arguments and with an empty
# environment, so the binary's absolute path is written into a copy of the
# scenario.  Runs as root (make-captures needs it).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -ge 1 ] || { echo "usage: $0 OUTDIR [NLDUMP]" >&2; exit 2; }
out=$1
nld=${2:-${NLDUMP:-$top/build/nldump}}
case $nld in /*) ;; *) nld=$(pwd)/$nld ;; esac
[ -x "$nld" ] || { echo "run-live: no nldump binary at $nld (ninja -C build?)" >&2; exit 1; }
mc=${NL_LAB_MAKE_CAPTURES:-$top/../shared/lab/make-captures}
[ -x "$mc" ] || { echo "run-live: no lab at $mc (set NL_LAB_MAKE_CAPTURES)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the scenario's name is its file name: keep nldump_live.sh
{
	printf 'NLDUMP=%s\n' "'$(printf '%s' "$nld" | sed "s/'/'\\\\''/g")'"
	cat "$top/tests/lab/nldump_live.sh"
} > "$tmp/nldump_live.sh"
"$mc" "$out" "$tmp/nldump_live.sh"
