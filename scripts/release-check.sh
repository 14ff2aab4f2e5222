#!/usr/bin/env bash
# What a release must have, checked (TAP lines; exits non-zero when anything is missing):
#   scripts/release-check.sh 0.5.0
# - every extension's control file has default_version = VERSION, and debian/changelog's
#   newest entry is VERSION;
# - CHANGELOG.md has an entry for VERSION; the entry below it names the previous release;
# - every extension that existed in the previous release (one the build ships an install
#   script of that version for) has its delta sql/<ext>/upgrades/<ext>--PREV--VERSION.sql, and
#   scripts/test-upgrade.sh upgrades it from PREV; an extension new in VERSION is one that
#   scripts/test-upgrade.sh installs alone (new_extensions);
# - the .deb builds and passes scripts/test-package.sh, which also runs scripts/test-upgrade.sh
#   against the packaged scripts (needs root or sudo; it swaps the installed copy for the
#   package and back, and starts a cluster of its own).
# The package step runs only when the checks before it pass.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$REELBASE_ROOT"
source "$(dirname "$0")/tap.sh"
version=${1:-}
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "usage: $0 VERSION (for example 0.5.0)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
control_version() { sed -n "s/^default_version = '\(.*\)'/\1/p" "extension/$1.control"; }
extensions=$(ls extension/*.control | xargs -n1 basename | sed 's/\.control$//')

# --- versions ----------------------------------------------------------------------------------
for ext in $extensions; do
  check "extension/$ext.control has default_version $version" test "$(control_version "$ext")" = "$version"
  [ "$(control_version "$ext")" = "$version" ] || echo "# it says $(control_version "$ext")"
done
check "debian/changelog's newest entry is $version" test "$(dpkg-parsechangelog -S Version)" = "$version"
[ "$(dpkg-parsechangelog -S Version)" = "$version" ] || echo "# it is $(dpkg-parsechangelog -S Version)"

# --- changelog and the previous release ----------------------------------------------------------
entry=$(grep -E "^## \[?${version//./\\.}\]?( |$)" CHANGELOG.md)
check "CHANGELOG.md has an entry for $version${entry:+ ($entry)}" test -n "$entry"
grep -qi unreleased <<<"$entry" && echo "# note: the entry says unreleased; date it when the release is tagged"
prev=$(awk -v v="$version" '/^## / { gsub(/[][]/, "", $2); if (seen) { print $2; exit } if ($2 == v) seen = 1 }' CHANGELOG.md)
[ -n "$entry" ] && [ -z "$prev" ] && echo "# $version is the first release in CHANGELOG.md: no update scripts to check"

# --- upgrade scripts from the previous release --------------------------------------------------
# The scripts the build ships (extension/build-sql.sh), written here to see which extensions
# PREV had: those with an install script or an update script ending at PREV.
(cd "$tmp" && "$REELBASE_ROOT/extension/build-sql.sh" "$REELBASE_ROOT/sql") >/dev/null
upgraded_from=$(sed -n 's/^for from in \(.*\); do$/\1/p' scripts/test-upgrade.sh)
upgraded=$(sed -n 's/^extensions="\(.*\)"$/\1/p' scripts/test-upgrade.sh)
new_ones=$(sed -n 's/^new_extensions="\(.*\)"$/\1/p' scripts/test-upgrade.sh)
for ext in $([ -n "$prev" ] && echo "$extensions"); do
  if find "$tmp" -maxdepth 1 \( -name "$ext--$prev.sql" -o -name "$ext--*--$prev.sql" \) | grep -q .; then
    delta=sql/$ext/upgrades/$ext--$prev--$version.sql
    check "$ext: $delta exists" test -f "$delta"
    check "$ext: scripts/test-upgrade.sh upgrades it from $prev (from: $upgraded_from)" \
      bash -c "grep -qw '$ext' <<<'$upgraded' && grep -qw '${prev//./\\.}' <<<'$upgraded_from'"
  else
    check "$ext: new in $version, installed alone by scripts/test-upgrade.sh" grep -qw "$ext" <<<"$new_ones"
  fi
done

# --- the package -------------------------------------------------------------------------------
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "# note: the work tree has uncommitted changes; a release is built from a clean checkout"
fi
if [ "$bad" -eq 0 ]; then
  bash scripts/test-package.sh >"$tmp/package.log" 2>&1
  rc=$?
  sed 's/^/#   /' "$tmp/package.log" | grep -v '^#   # gone: '
  check "the .deb builds and passes scripts/test-package.sh ($(grep -c '^ok ' "$tmp/package.log") passed, $(grep -c '^not ok ' "$tmp/package.log") failed)" \
    test "$rc" = 0
  check "dist/ holds postgresql-15-reelbase_${version}_$(dpkg-architecture -qDEB_HOST_ARCH).deb" \
    test -f "dist/postgresql-15-reelbase_${version}_$(dpkg-architecture -qDEB_HOST_ARCH).deb"
else
  check "the .deb builds and passes scripts/test-package.sh (not run: fix the checks above first)" false
fi
echo "1..$n"
[ "$bad" -eq 0 ]
