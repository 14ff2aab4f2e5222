# reelbase is built and installed by extension/Makefile (PGXS); this forwards the usual targets
# so `make install` works from the top of the tree.
.PHONY: all install uninstall installcheck clean check-so deb
all install uninstall installcheck clean check-so:
	$(MAKE) -C extension $@

# make deb: dist/postgresql-15-reelbase_<version>_<arch>.deb from debian/ with dpkg-buildpackage
# and debhelper (binary only, unsigned, without cleaning the tree first: the module comes from
# the same `swift build -c release` as `make`, reusing .build/), then lintian on it, which fails
# the target on an error. docs/packaging.md describes the package and the lint results.
DEB_VERSION = $(shell dpkg-parsechangelog -S Version)
DEB_ARCH = $(shell dpkg-architecture -qDEB_HOST_ARCH)
DEB_BASE = dist/postgresql-15-reelbase_$(DEB_VERSION)_$(DEB_ARCH)
deb:
	@mkdir -p dist
	rm -rf debian/.debhelper debian/postgresql-15-reelbase debian/files debian/*.substvars \
	  debian/debhelper-build-stamp $(DEB_BASE).deb
	DEB_DESTDIR=$(CURDIR)/dist dpkg-buildpackage -b -nc --no-sign \
	  --buildinfo-file=$(DEB_BASE).buildinfo --buildinfo-option=-udist \
	  --changes-file=$(DEB_BASE).changes --changes-option=-udist
	lintian --fail-on error --info $(DEB_BASE).deb
	@echo "built $(DEB_BASE).deb"
