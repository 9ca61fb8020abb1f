// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Kolektor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "portal", targets: ["Portal"])
    ],
    targets: [
        // System libraries from Debian, each behind a one-header module map.
        .systemLibrary(
            name: "CFastCGI",
            pkgConfig: "fcgi",
            providers: [.apt(["libfcgi-dev"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CArgon2",
            pkgConfig: "libargon2",
            providers: [.apt(["libargon2-dev"])]
        ),

        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),

        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        .target(name: "Domain", swiftSettings: strictSettings),
        // Reading ZIP archives (.isdocx packages) over zlib.
        .target(name: "Archive", dependencies: ["CZlib"], swiftSettings: strictSettings),
        // Hashes, random tokens and password hashing over OpenSSL's libcrypto and libargon2.
        .target(name: "Crypto", dependencies: ["CCrypto", "CArgon2"], swiftSettings: strictSettings),
        .target(name: "Interchange", dependencies: ["Domain"], swiftSettings: strictSettings),
        .target(
            name: "Store",
            dependencies: ["Domain", "CLibPQ"],
            resources: [.copy("Migrations")],
            swiftSettings: strictSettings
        ),
        .target(name: "Web", dependencies: ["Domain", "CFastCGI"], swiftSettings: strictSettings),
        .target(
            name: "Roles",
            dependencies: ["Domain", "Interchange", "Store", "Web", "Crypto", "Archive"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "Portal",
            dependencies: ["Domain", "Interchange", "Store", "Web", "Roles", "Crypto"],
            swiftSettings: strictSettings
        ),

        // Shared helpers for test targets: a throwaway database per test on the local server from DATABASE_URL.
        .target(name: "TestSupport", dependencies: ["Store"], path: "Tests/TestSupport", swiftSettings: strictSettings),
        .testTarget(name: "DomainTests", dependencies: ["Domain"], swiftSettings: strictSettings),
        .testTarget(name: "InterchangeTests", dependencies: ["Interchange", "Domain"], swiftSettings: strictSettings),
        .testTarget(name: "ArchiveTests", dependencies: ["Archive"], swiftSettings: strictSettings),
        .testTarget(name: "CryptoTests", dependencies: ["Crypto"], swiftSettings: strictSettings),
        .testTarget(name: "WebTests", dependencies: ["Web", "Domain"], swiftSettings: strictSettings),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Domain", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "RolesTests",
            dependencies: ["Roles", "Web", "Store", "Domain", "Crypto", "Interchange", "TestSupport"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
