# TAP-style checks for the test scripts; sourced, not run. scripts/test.sh's tap() counts the
# "ok N" / "not ok N" lines these print.
n=0
bad=0
check() { # check DESCRIPTION COMMAND...
  local what=$1; shift
  n=$((n + 1))
  if "$@"; then echo "ok $n - $what"; else echo "not ok $n - $what"; bad=$((bad + 1)); fi
}
