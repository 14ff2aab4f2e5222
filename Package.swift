// swift-tools-version:6.0
import PackageDescription

// The server's include directory is passed by the Makefile and scripts
// (`-Xcc -I$(pg_config --includedir-server)`), so any PostgreSQL 15 install can build this.
let package = Package(
  name: "reelbase",
  products: [
    // The loadable module; the Makefile copies it to reelbase.so.
    .library(name: "reelbase", type: .dynamic, targets: ["ReelbaseExtension"]),
    .library(name: "ReelbaseCore", targets: ["ReelbaseCore"]),
  ],
  targets: [
    .target(
      name: "CPostgres",
      cSettings: [
        // The server is built with these (pg_config --cflags); its headers assume them.
        // gnu_printf is a GCC-only format attribute the server headers use; clang ignores it.
        .unsafeFlags(["-fwrapv", "-fno-strict-aliasing", "-Wno-ignored-attributes"])
      ]
    ),
    .target(name: "ReelbaseCore"),
    .target(
      name: "ReelbaseExtension",
      dependencies: ["CPostgres", "ReelbaseCore"],
      linkerSettings: [
        // Keep the statically linked Swift runtime's symbols out of the dynamic symbol table,
        // so they cannot clash with another library loaded into the same backend.
        .unsafeFlags(["-Xlinker", "--exclude-libs=ALL"])
      ]
    ),
    .testTarget(name: "ReelbaseCoreTests", dependencies: ["ReelbaseCore"]),
  ]
)
