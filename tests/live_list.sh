#!/bin/sh
# live_list.sh NLDUMP - -D lists an nlmon interface made in a fresh network
# namespace ("1.nlmonN [Up, Running]", and "[none]" when down).  Needs root
# and the nlmon module: skipped (77) otherwise, saying why.
set -u
nldump=$1
if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null || ! command -v ip >/dev/null; then
	echo "live_list: SKIP: needs root, unshare and ip"
	exit 77
fi
out=$(unshare -n sh -c '
	ip link add nlmtest1 type nlmon 2>/dev/null || exit 77
	ip link add nlmtest2 type nlmon && ip link set nlmtest1 up && ip link add dummy0 type dummy 2>/dev/null
	"$0" -D' "$nldump")
rc=$?
if [ $rc = 77 ]; then
	echo "live_list: SKIP: this kernel cannot make an nlmon interface (CONFIG_NLMON)"
	exit 77
fi
want="1.nlmtest1 [Up, Running]
2.nlmtest2 [none]"
if [ $rc != 0 ] || [ "$out" != "$want" ]; then
	echo "live_list: FAIL: -D exit $rc, printed:"; echo "$out"; echo "expected:"; echo "$want"
	exit 1
fi
echo "live_list: ok"
