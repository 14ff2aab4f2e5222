// swift-tools-version:6.0
import PackageDescription

// The server's include directory is passed by the Makefile and scripts
// (`-Xcc -I$(pg_config --includedir-server)`), so any PostgreSQL 15 install can build this.
let package = Package(
  name: "reelbase",
  platforms: [.macOS(.v14)],
  products: [
    // The loadable module; the Makefile copies it to reelbase.so.
    .library(name: "reelbase", type: .dynamic, targets: ["ReelbaseExtension"]),
    .library(name: "ReelbaseCore", targets: ["ReelbaseCore"]),
    // The Swift client library (PostgresNIO). The extension above does not depend on it.
    .library(name: "Reelbase", targets: ["Reelbase"]),
    .executable(name: "reelbase-example", targets: ["ReelbaseExample"]),
  ],
  dependencies: [
    .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    // Both already come with PostgresNIO; the client names them for its own API
    // (a no-op default logger, and running as a ServiceLifecycle service).
    .package(url: "https://github.com/apple/swift-log.git", from: "1.5.3"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.5.0"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
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
    .target(
      name: "Reelbase",
      dependencies: [
        // Pure Swift, no server headers: the client shares its event types with the extension.
        "ReelbaseCore",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      // As in PostgresNIO: async functions run on their caller's executor, so closures
      // passed to withIdentity need not be @Sendable.
      swiftSettings: [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]
    ),
    .executableTarget(
      name: "ReelbaseExample",
      dependencies: [
        "Reelbase",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Runs against a real server; scripts/test-client.sh sets it up.
    .testTarget(name: "ReelbaseTests", dependencies: ["Reelbase"]),
  ]
)
