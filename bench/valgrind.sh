# Instructions counted by valgrind in a single-user backend, for the 40_instructions.sh steps;
# sourced after bench/lib.sh. The cluster is stopped and one `postgres --single` runs under
# valgrind --tool=cachegrind, so no client protocol or socket I/O is counted and other load on
# the machine cannot disturb the figure.

# valgrind_available: fails, saying why, when the counts are to be skipped.
valgrind_available() {
  if [ "${BENCH_INSTRUCTIONS:-1}" = 0 ]; then echo "skipped (BENCH_INSTRUCTIONS=0)"; return 1; fi
  if ! command -v valgrind >/dev/null || ! command -v objcopy >/dev/null; then
    echo "skipped: valgrind and objcopy (binutils) are needed"; return 1
  fi
}

# make_valgrind_tree NAME: valgrind 3.19 cannot read the DWARF 5 debug info in reelbase.so, so
# the backend runs from a private copy of the server tree under $BENCH_OUT/NAME-pgtree (same
# relative layout, so $libdir resolves into it) whose reelbase.so has its debug info stripped;
# the code is the same bytes. Sets valgrind_tree; remove it with rm -rf "$valgrind_tree".
make_valgrind_tree() {
  local bindir pkglibdir sharedir f
  valgrind_tree=$BENCH_OUT/$1-pgtree
  bindir=$(pg_bindir); pkglibdir=$("$PG_CONFIG" --pkglibdir); sharedir=$("$PG_CONFIG" --sharedir)
  rm -rf "$valgrind_tree"
  mkdir -p "$valgrind_tree$bindir" "$valgrind_tree$pkglibdir" "$(dirname "$valgrind_tree$sharedir")"
  cp "$bindir/postgres" "$valgrind_tree$bindir/"
  for f in "$pkglibdir"/*; do ln -s "$f" "$valgrind_tree$pkglibdir/"; done
  rm "$valgrind_tree$pkglibdir/reelbase.so"
  objcopy --strip-debug "$pkglibdir/reelbase.so" "$valgrind_tree$pkglibdir/reelbase.so"
  ln -s "$sharedir" "$valgrind_tree$sharedir"
  chmod -R a+rX "$valgrind_tree"
}

# single_user_instructions DB SQL LOG: runs the statements of file SQL (one per line) in a
# single-user backend of database DB under valgrind, output in LOG; prints the total
# instructions. Dies if the backend fails or a statement raised an error.
single_user_instructions() {
  local total
  chmod a+r "$2"
  as_cluster_owner valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$valgrind_tree$(pg_bindir)/postgres" --single -D "$REELBASE_CLUSTER_DIR" "$1" <"$2" >"$3" 2>&1 \
    || die "single-user backend under valgrind failed (see $3)"
  if grep -q 'ERROR' "$3"; then die "a statement failed in $3"; fi
  total=$(sed -n 's/.*I[[:space:]]*refs:[[:space:]]*\([0-9,]*\).*/\1/p' "$3" | tr -d ,)
  [ -n "$total" ] || die "no instruction count in $3"
  echo "$total"
}

# pgbench_statement FILE: the pgbench script's statement on one line, :n turned into $1 (for
# PREPARE p(int) AS ...).
pgbench_statement() { grep -v -e '^--' -e '^\\' "$1" | tr '\n' ' ' | sed -e 's/;[[:space:]]*$//' -e 's/:n\b/$1/g'; }

# instructions_per_call N1 N2 VARIANT...: fills the caller's associative array `per` with each
# variant's instructions per call, the difference of the caller's `instructions VARIANT N` at N2
# and N1 calls over N2 - N1 (so start-up and the PREPARE cancel out); the cluster is stopped
# meanwhile, and the valgrind tree removed afterwards.
instructions_per_call() {
  local n1=$1 n2=$2 v a b
  shift 2
  bash "$REELBASE_ROOT/scripts/cluster.sh" stop
  for v in "$@"; do
    a=$(instructions "$v" "$n1"); b=$(instructions "$v" "$n2")
    per[$v]=$(( (b - a) / (n2 - n1) ))
  done
  bash "$REELBASE_ROOT/scripts/cluster.sh" start >/dev/null
  rm -rf "$valgrind_tree"
}

# print_instructions WIDTH BASELINE VARIANT...: one line per variant of the caller's label and
# per arrays, with the baseline's count over the variant's.
print_instructions() {
  local width=$1 base=$2 v
  shift 2
  printf "%-${width}s %18s %20s\n" variant instructions/call "$base/variant"
  for v in "$@"; do
    printf "%-${width}s %18d %20.3f\n" "${label[$v]}" "${per[$v]}" "$(calc "${per[$base]} / ${per[$v]}")"
  done
}
