import Foundation

/// Counts failed sign-ins per key (an account or a client address) for growing delays.
public enum ThrottleRepository {
    public struct State: Sendable, Equatable {
        public var failures: Int
        public var lastFailureAt: Date
    }

    public static func state(key: String, on connection: Connection) throws -> State? {
        guard let row = try connection.query(
            "SELECT failures, last_failure_at FROM sign_in_throttle WHERE key = \(key)"
        ).first else { return nil }
        return State(failures: Int(try row.int("failures")), lastFailureAt: try row.instant("last_failure_at"))
    }

    /// Adds one failure; a key that has been quiet for `resetAfter` starts again from one.
    public static func recordFailure(key: String, now: Date, resetAfter: TimeInterval, on connection: Connection) throws {
        try connection.query(
            """
            INSERT INTO sign_in_throttle (key, failures, last_failure_at) VALUES (\(key), 1, \(now))
            ON CONFLICT (key) DO UPDATE SET
                failures = CASE WHEN sign_in_throttle.last_failure_at < \(now.addingTimeInterval(-resetAfter))
                                THEN 1 ELSE sign_in_throttle.failures + 1 END,
                last_failure_at = excluded.last_failure_at
            """)
    }

    /// Creates missing rows for `keys` and locks them until the transaction ends; fails at once with SQLSTATE
    /// 55P03 when another transaction holds one of them, instead of making a worker thread wait.
    public static func lock(keys: [String], on connection: Connection) throws {
        for key in keys {
            try connection.query(
                """
                INSERT INTO sign_in_throttle (key, failures, last_failure_at) VALUES (\(key), 0, 'epoch')
                ON CONFLICT (key) DO NOTHING
                """)
        }
        try connection.query(
            "SELECT key FROM sign_in_throttle WHERE key = ANY(string_to_array(\(keys.joined(separator: "\u{1F}")), chr(31))) FOR UPDATE NOWAIT")
    }

    /// Removes rows that have been quiet for `olderThan` seconds; returns how many.
    @discardableResult
    public static func deleteStale(olderThan seconds: TimeInterval, now: Date, on connection: Connection) throws -> Int {
        try connection.query(
            "DELETE FROM sign_in_throttle WHERE last_failure_at < \(now.addingTimeInterval(-seconds))"
        ).affectedRows
    }

    public static func clear(key: String, on connection: Connection) throws {
        try connection.query("DELETE FROM sign_in_throttle WHERE key = \(key)")
    }
}
