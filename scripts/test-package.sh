#!/usr/bin/env bash
# The Debian package, installed and removed for real (TAP lines; needs root or sudo):
# - make deb builds dist/postgresql-15-reelbase_<version>_<arch>.deb and lintian finds no error;
# - the `make install` copy is removed (make uninstall) and the package installed with apt-get;
#   its module needs no Swift runtime (ldd);
# - a cluster of its own preloads the packaged module; every extension is created in a fresh
#   database, then every pg_regress suite (make installcheck) and the install/upgrade checks
#   (scripts/test-upgrade.sh, which use the shipped scripts of every earlier release) run
#   against the packaged files;
# - apt-get purge, then every path of the package is checked on disk (listed in the output):
#   each file gone, each directory gone or kept by another package;
# - `make install` puts the source build back for the suites that follow.
# Why a cluster of its own: the test cluster preloads reelbase (scripts/test.sh), so its
# backends go on running the module file that was installed when it started (once replaced,
# /proc/<pid>/maps shows it "(deleted)"), whatever is installed now. This one starts after the
# package is installed, and listens on a socket in its own directory only (no TCP port).
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$REELBASE_ROOT"
source "$(dirname "$0")/tap.sh"
pkg=postgresql-15-reelbase
libdir=$("$PG_CONFIG" --pkglibdir)
extdir=$("$PG_CONFIG" --sharedir)/extension
version=$(dpkg-parsechangelog -S Version)
deb=dist/${pkg}_${version}_$(dpkg-architecture -qDEB_HOST_ARCH).deb
tmp=$(mktemp -d)
chmod 755 "$tmp"
export REELBASE_CLUSTER_DIR=$tmp/cluster REELBASE_PRELOAD=reelbase REELBASE_EXTRA_CONF="listen_addresses = ''"
export PGHOST=$REELBASE_CLUSTER_DIR
apt() { as_root env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=120 "$@"; }
installed() { [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" = installed ]; }
source_copy_present() { [ -f "$libdir/reelbase.so" ] && [ -f "$extdir/reelbase.control" ]; }
source_install() { # as scripts/test.sh does: build as this user, install as root
  if [ "$(id -u)" = 0 ]; then make install; else make && as_root env "PATH=$PATH" make install; fi
}
restore() { # whatever happened: no package, no cluster, the make install copy back
  bash scripts/cluster.sh destroy >/dev/null 2>&1
  if installed; then apt purge "$pkg" >/dev/null 2>&1; fi
  source_copy_present || source_install >"$tmp/restore.log" 2>&1
  rm -rf "$tmp"
}
mapped() { # reads /proc/<pid>/maps text: the reelbase.so files mapped ("(deleted)": replaced since)
  grep 'reelbase\.so' | awk '{$1 = $2 = $3 = $4 = $5 = ""; print}' | sed 's/^ *//' | sort -u | paste -sd,
}
trap restore EXIT

# --- build and lint ----------------------------------------------------------------------------
make deb >"$tmp/deb.log" 2>&1
rc=$?
check "make deb builds $deb" test "$rc" = 0 -a -f "$deb"
[ -f "$deb" ] || { tail -n 30 "$tmp/deb.log" | sed 's/^/# /'; echo "1..$n"; exit 1; }
tags=$(grep -E '^[EW]: ' "$tmp/deb.log")
check "lintian: $(grep -c '^E: ' <<<"$tags") errors, $(grep -c '^W: ' <<<"$tags") warnings" \
  test "$(grep -c '^E: ' <<<"$tags")" = 0
[ -n "$tags" ] && sed 's/^/# /' <<<"$tags"
# Every path of the package (directories end in /), and what make install installs, staged.
dpkg-deb --fsys-tarfile "$deb" | tar -t | sed 's|^\./|/|' | grep -vx '/' >"$tmp/paths"
make -s install DESTDIR="$tmp/staged" >/dev/null 2>&1
(cd "$tmp/staged" && find . -type f | sed 's|^\.||' | sort) >"$tmp/make-install"
grep -v '/$' "$tmp/paths" | grep -v '^/usr/share/doc/' | sort >"$tmp/packaged"
check "the package installs what make install does: $(grep -c '\.so$' "$tmp/packaged") module, $(grep -c '\.control$' "$tmp/packaged") control files, $(grep -c '\.sql$' "$tmp/packaged") SQL scripts" \
  bash -c "[ -s '$tmp/make-install' ] && diff '$tmp/make-install' '$tmp/packaged' >'$tmp/content.diff'"
sed 's/^/# /' "$tmp/content.diff" 2>/dev/null
echo "# docs: $(grep -c '^/usr/share/doc/.*[^/]$' "$tmp/paths") files in /usr/share/doc/$pkg"

# --- swap the source build for the package ---------------------------------------------------
as_root make uninstall >"$tmp/uninstall.log" 2>&1
check "make uninstall removes the source build (no reelbase.so, no reelbase*.control)" \
  test ! -e "$libdir/reelbase.so" -a -z "$(ls "$extdir"/reelbase*.control 2>/dev/null)"
apt install --no-install-recommends "./$deb" >"$tmp/install.log" 2>&1
check "apt-get install ./$deb" installed
[ "$(dpkg-query -W -f='${Version}' "$pkg" 2>/dev/null)" = "$version" ] || echo "# installed version is not $version"
echo "# Depends: $(dpkg-query -W -f='${Depends}' "$pkg" 2>/dev/null); Suggests: $(dpkg-query -W -f='${Suggests}' "$pkg" 2>/dev/null)"
ldd "$libdir/reelbase.so" | sed 's/^[[:space:]]*/# ldd: /'
check "the packaged module links no Swift runtime (ldd: no libswift*)" \
  bash -c "ldd '$libdir/reelbase.so' >/dev/null && ! ldd '$libdir/reelbase.so' | grep -q libswift"

# --- the packaged files at work --------------------------------------------------------------
check "a cluster of its own starts, preloading the packaged module" \
  bash scripts/cluster.sh start --fresh
for _ in 1 2 3 4 5 6 7 8 9 10; do
  worker=$(psql -X -At -d postgres -c "SELECT pid FROM pg_stat_activity WHERE backend_type = 'reelbase maintenance worker'")
  [ -n "$worker" ] && break
  sleep 0.5
done
worker_maps=$( [ -n "$worker" ] && as_root cat "/proc/$worker/maps" | mapped)
check "the maintenance worker runs the packaged module (maps ${worker_maps:-nothing})" \
  test "$worker_maps" = "$libdir/reelbase.so"
q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
q -d postgres -c "CREATE DATABASE rb_package" >/dev/null
extensions=$(ls extension/*.control | xargs -n1 basename | sed 's/\.control$//')
for ext in $extensions; do
  v=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "extension/$ext.control")
  check "CREATE EXTENSION $ext ($v) from the package" \
    q -d rb_package -c "SET client_min_messages = warning" -c "CREATE EXTENSION IF NOT EXISTS $ext VERSION '$v' CASCADE"
done
backend_maps=$(psql -X -At -d rb_package -c "SELECT reelbase.bridge_echo(42)" -c "SELECT pg_read_file('/proc/self/maps')" | mapped)
check "a backend of the new database calls the packaged module (maps ${backend_maps:-nothing})" \
  test "$backend_maps" = "$libdir/reelbase.so"

make installcheck >"$tmp/regress.log" 2>&1
rc=$?
for ext in $extensions; do
  summary=$(awk -v e="== $ext" '$0 == e {on = 1; next} /^== / {on = 0} on && /tests? (passed|failed)/' "$tmp/regress.log" | tr -s ' ')
  check "pg_regress $ext against the package:${summary:- no result}" grep -q 'All [0-9]* tests passed' <<<"$summary"
done
[ "$rc" = 0 ] || grep -E '^test .*FAILED' "$tmp/regress.log" | sed 's/^/# /'
bash scripts/test-upgrade.sh >"$tmp/upgrade.log" 2>&1
rc=$?
check "scripts/test-upgrade.sh against the package: $(grep -c '^ok ' "$tmp/upgrade.log") passed, $(grep -c '^not ok ' "$tmp/upgrade.log") failed" \
  test "$rc" = 0 -a "$(grep -c '^ok ' "$tmp/upgrade.log")" -gt 0
grep '^not ok ' "$tmp/upgrade.log" | sed 's/^/# /'
bash scripts/cluster.sh destroy

# --- removal -----------------------------------------------------------------------------------
apt purge "$pkg" >"$tmp/purge.log" 2>&1
check "apt-get purge $pkg" test "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || echo not-installed)" = not-installed
left=0
while read -r path; do
  if [ "${path%/}" != "$path" ]; then
    dir=${path%/}
    if [ ! -d "$dir" ]; then echo "# gone: $path"
    elif owners=$(dpkg-query -S "$dir" 2>/dev/null | cut -d: -f1 | tr ',' '\n' | tr -d ' ' | grep -vx "$pkg"); then
      echo "# kept, a directory other packages own too ($(sort <<<"$owners" | head -n 1) ...): $path"
    else echo "# LEFT: $path (a directory no package owns)"; left=$((left + 1)); fi
  elif [ -e "$path" ] || [ -L "$path" ]; then echo "# LEFT: $path"; left=$((left + 1))
  else echo "# gone: $path"; fi
done <"$tmp/paths"
check "nothing of the package is left on disk ($(wc -l <"$tmp/paths") paths checked, $left left)" test "$left" = 0

# --- the source build back ---------------------------------------------------------------------
source_install >"$tmp/install-source.log" 2>&1
check "make install puts the source build back for the suites that follow" source_copy_present
echo "1..$n"
[ "$bad" -eq 0 ]
