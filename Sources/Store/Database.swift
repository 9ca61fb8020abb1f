/// A lazily opened connection that reconnects after the server went away.
///
/// Each FastCGI worker thread holds one `Database`; after a PostgreSQL restart the first statement fails with
/// `.unavailable` and the next call to `withConnection` connects again, so the portal recovers without a restart.
/// Thread-safety: none; one owner thread.
public final class Database {
    public let conninfo: String
    private var connection: Connection?

    public init(conninfo: String) {
        self.conninfo = conninfo
    }

    /// Runs `body` on a healthy connection, connecting first when there is none or the last one broke.
    public func withConnection<T>(_ body: (Connection) throws -> T) throws -> T {
        if let connection, !connection.isHealthy {
            connection.close()
            self.connection = nil
        }
        let current: Connection
        if let connection {
            current = connection
        } else {
            current = try Connection(conninfo: conninfo)
            connection = current
        }
        return try body(current)
    }

    public func close() {
        connection?.close()
        connection = nil
    }
}
