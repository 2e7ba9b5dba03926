#!/bin/sh
# run-golden.sh NLDUMP SRCDIR [NAME...] - run rows of tests/golden.list and
# diff the output against tests/expected/. All rows without NAMEs. Exits
# non-zero if a row fails, naming it.
set -u
nldump=$1
src=$2
shift 2
list="$src/tests/golden.list"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/golden.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
export TZ=UTC LC_ALL=C

fail=0 ran=0
while read -r name cap opts expected rest; do
	case $name in ''|'#'*) continue ;; esac
	if [ -z "${expected:-}" ] || [ -n "${rest:-}" ]; then
		echo "golden.list: bad row for '$name'" >&2
		fail=$((fail + 1))
		continue
	fi
	if [ $# -gt 0 ]; then
		want=0
		for n in "$@"; do [ "$n" = "$name" ] && want=1; done
		[ $want = 1 ] || continue
	fi
	ran=$((ran + 1))
	if [ "$opts" = - ]; then args=""; else args=$(printf '%s\n' "$opts" | tr ',' ' '); fi
	# shellcheck disable=SC2086
	"$nldump" $args -r "$src/$cap" >"$tmp/raw" 2>"$tmp/err"
	rc=$?
	case $expected in
	*.json)	# pretty form, exact (tests/golden_json.py)
		if ! python3 "$src/tests/golden_json.py" <"$tmp/raw" >"$tmp/out"; then
			echo "golden $name: FAIL: the --json output is not compact NDJSON" >&2
			fail=$((fail + 1))
			continue
		fi ;;
	*)	mv "$tmp/raw" "$tmp/out" ;;
	esac
	if [ $rc -ne 0 ] || [ -s "$tmp/err" ]; then
		echo "golden $name: nldump exit $rc: $(head -c 500 "$tmp/err")" >&2
		fail=$((fail + 1))
		continue
	fi
	if [ ! -f "$src/tests/expected/$expected" ]; then
		echo "golden $name: missing tests/expected/$expected (tests/regen-golden.sh $name)" >&2
		fail=$((fail + 1))
		continue
	fi
	if ! cmp -s "$tmp/out" "$src/tests/expected/$expected"; then
		echo "golden $name: FAIL: output differs from tests/expected/$expected:" >&2
		diff -u "$src/tests/expected/$expected" "$tmp/out" | head -40 >&2
		fail=$((fail + 1))
		continue
	fi
	echo "golden $name: ok"
done <"$list"
if [ $ran -eq 0 ]; then
	echo "golden: no row matched ${*:-}" >&2
	exit 1
fi
[ $fail -eq 0 ]
