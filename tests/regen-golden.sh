#!/bin/sh
# regen-golden.sh [NAME...] - regenerate tests/expected/ files of the rows of
# tests/golden.list (all rows without NAMEs) with NLDUMP (default:
# build/nldump). Review the diff (git diff tests/expected) before committing.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
nldump=${NLDUMP:-$src/build/nldump}
[ -x "$nldump" ] || { echo "regen-golden: $nldump not built (ninja -C build)" >&2; exit 2; }
export TZ=UTC LC_ALL=C
mkdir -p "$src/tests/expected"
n=0
while read -r name cap opts expected rest; do
	case $name in ''|'#'*) continue ;; esac
	if [ $# -gt 0 ]; then
		want=0
		for x in "$@"; do [ "$x" = "$name" ] && want=1; done
		[ $want = 1 ] || continue
	fi
	if [ "$opts" = - ]; then args=""; else args=$(printf '%s\n' "$opts" | tr ',' ' '); fi
	out=$src/tests/expected/$expected
	case $expected in
	# shellcheck disable=SC2086
	*.json) "$nldump" $args -r "$src/$cap" | python3 "$src/tests/golden_json.py" >"$out" ;;
	# shellcheck disable=SC2086
	*) "$nldump" $args -r "$src/$cap" >"$out" ;;
	esac
	echo "regenerated tests/expected/$expected"
	n=$((n + 1))
done <"$src/tests/golden.list"
[ $n -gt 0 ] || { echo "regen-golden: no row matched $*" >&2; exit 1; }
