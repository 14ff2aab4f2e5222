# reelbase is built and installed by extension/Makefile (PGXS); this forwards the usual targets
# so `make install` works from the top of the tree.
.PHONY: all install uninstall installcheck clean check-so
all install uninstall installcheck clean check-so:
	$(MAKE) -C extension $@
