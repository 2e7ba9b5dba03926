# live_lib.sh - what the live tests share (sourced inside their namespace):
# fail/ok counting, wait_for FILE TEXT, stop PID.
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }

# wait_for FILE TEXT: until FILE contains TEXT (bounded: 10 s)
wait_for() {
    local i
    for i in $(seq 1 100); do grep -q -- "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
    return 1
}
# stop PID: SIGINT, wait (bounded: 10 s); the exit status in $RC
stop() {
    local i
    kill -INT "$1"
    for i in $(seq 1 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$1" 2>/dev/null && { kill -KILL "$1"; echo "killed $1"; }
    wait "$1"; RC=$?
}
