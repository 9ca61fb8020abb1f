import Foundation
import Store

/// A database created for one test on the server named by `DATABASE_URL`, migrated, and dropped afterwards.
///
/// A missing `DATABASE_URL` is an error, never a skip: `make test` starts a local server and sets it. Only a local
/// server (a unix socket directory, localhost or 127.0.0.1) is accepted, so tests never touch a shared database.
public final class TestDatabase {
    public let name: String
    public let conninfo: String
    private let adminConninfo: String

    public init(migrated: Bool = true) throws {
        guard let admin = ProcessInfo.processInfo.environment["DATABASE_URL"], !admin.isEmpty else {
            throw TestDatabaseError("DATABASE_URL is not set; run the tests through `make test`, which starts PostgreSQL")
        }
        guard TestDatabase.isLocal(admin) else {
            throw TestDatabaseError("DATABASE_URL must point at a local server (unix socket or localhost)")
        }
        adminConninfo = admin
        name = "kolektor_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        conninfo = TestDatabase.replacingDatabase(in: admin, with: name)
        let connection = try Connection(conninfo: admin)
        defer { connection.close() }
        // Database names cannot be parameters; `name` is made here from hex digits only.
        try connection.executeScript("CREATE DATABASE \(name)")
        if migrated {
            let own = try Connection(conninfo: conninfo)
            defer { own.close() }
            try Migrator.bundled().migrate(own)
        }
    }

    deinit {
        guard let connection = try? Connection(conninfo: adminConninfo) else { return }
        try? connection.executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        connection.close()
    }

    public func connect() throws -> Connection {
        try Connection(conninfo: conninfo)
    }

    static func isLocal(_ conninfo: String) -> Bool {
        if let host = value(of: "host", in: conninfo) {
            return host.hasPrefix("/") || host == "localhost" || host == "127.0.0.1"
        }
        if conninfo.hasPrefix("postgres"), let url = URLComponents(string: conninfo) {
            let host = url.host ?? ""
            let queryHost = url.queryItems?.first { $0.name == "host" }?.value ?? ""
            return host.isEmpty ? (queryHost.isEmpty || queryHost.hasPrefix("/")) : host == "localhost" || host == "127.0.0.1"
        }
        return true  // no host at all: libpq uses the default local socket
    }

    static func value(of key: String, in conninfo: String) -> String? {
        guard !conninfo.hasPrefix("postgres") else { return nil }
        for pair in conninfo.split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0] == key { return String(parts[1]) }
        }
        return nil
    }

    static func replacingDatabase(in conninfo: String, with name: String) -> String {
        if conninfo.hasPrefix("postgres"), var url = URLComponents(string: conninfo) {
            url.path = "/" + name
            return url.string ?? conninfo
        }
        let kept = conninfo.split(separator: " ").filter { !$0.hasPrefix("dbname=") }
        return (kept + ["dbname=\(name)"]).joined(separator: " ")
    }
}

public struct TestDatabaseError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
