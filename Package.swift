// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// The import's parser and its COPY writer access class properties once per XML element and per field, and the runtime
// exclusivity checks on those accesses were a tenth of an import's CPU time (bench/import.sh). Release builds of these
// two modules skip them. Debug builds, which the tests use, keep them.
let hotPathSettings: [SwiftSetting] =
    strictSettings + [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

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
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]
        ),
        .systemLibrary(
            name: "CQREncode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),

        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // C wrappers for libcurl's variadic option setter, which Swift cannot call directly.
        .target(name: "CCurlShim", dependencies: ["CCurl"]),

        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        // libxml2's SAX2 push parser for import files; Foundation's XMLParser costs a String per callback.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        .target(name: "Domain", swiftSettings: strictSettings),
        // Reading ZIP archives (.isdocx packages) over zlib.
        .target(name: "Archive", dependencies: ["CZlib"], swiftSettings: strictSettings),
        // Hashes, random tokens and password hashing over OpenSSL's libcrypto and libargon2.
        .target(name: "Crypto", dependencies: ["CCrypto", "CArgon2"], swiftSettings: strictSettings),
        .target(name: "Interchange", dependencies: ["Domain", "CLibXML2"], swiftSettings: hotPathSettings),
        // Outbox channels: e-mail over SMTP and SMS over an HTTP gateway, both through libcurl.
        .target(
            name: "Delivery", dependencies: ["Domain", "CCurl", "CCurlShim", "Crypto"], swiftSettings: strictSettings),
        .target(
            name: "Store",
            dependencies: ["Domain", "CLibPQ"],
            resources: [.copy("Migrations")],
            swiftSettings: hotPathSettings
        ),
        .target(name: "Web", dependencies: ["Domain", "CFastCGI"], swiftSettings: strictSettings),
        // PDF, PNG and SVG drawing over cairo and pango, and QR codes from libqrencode.
        .target(name: "Documents", dependencies: ["CPangoCairo", "CQREncode"], swiftSettings: strictSettings),
        .target(
            name: "Roles",
            dependencies: ["Domain", "Interchange", "Store", "Web", "Crypto", "Delivery", "Documents", "Archive"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "Portal",
            dependencies: ["Domain", "Interchange", "Store", "Web", "Roles", "Crypto", "Delivery"],
            swiftSettings: strictSettings
        ),

        // Shared helpers for test targets: a throwaway database per test on the local server from DATABASE_URL, and the
        // command-line tools that read generated PDFs and QR codes back.
        .target(name: "TestSupport", dependencies: ["Store"], path: "Tests/TestSupport", swiftSettings: strictSettings),
        .testTarget(name: "DomainTests", dependencies: ["Domain"], swiftSettings: strictSettings),
        .testTarget(name: "InterchangeTests", dependencies: ["Interchange", "Domain"], swiftSettings: strictSettings),
        .testTarget(name: "ArchiveTests", dependencies: ["Archive"], swiftSettings: strictSettings),
        .testTarget(name: "CryptoTests", dependencies: ["Crypto"], swiftSettings: strictSettings),
        .testTarget(name: "DeliveryTests", dependencies: ["Delivery", "Domain"], swiftSettings: strictSettings),
        .testTarget(name: "WebTests", dependencies: ["Web", "Domain"], swiftSettings: strictSettings),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Domain", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "RolesTests",
            dependencies: ["Roles", "Web", "Store", "Domain", "Crypto", "Documents", "Interchange", "TestSupport"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
