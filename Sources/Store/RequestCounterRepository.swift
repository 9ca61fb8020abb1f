import Foundation

/// Counts requests per key in fixed time windows, for rate limits on public pages.
public enum RequestCounterRepository {
    /// Adds one request to `key` in the window that starts at `windowStart` and returns the count in that window.
    ///
    /// A row left from an earlier window starts again from one. Concurrent calls for one key are serialized by the
    /// row lock of the upsert, so no request goes uncounted.
    public static func increment(key: String, windowStart: Date, on connection: Connection) throws -> Int {
        let row = try connection.query(
            """
            INSERT INTO request_counters (key, window_start, hits) VALUES (\(key), \(windowStart), 1)
            ON CONFLICT (key) DO UPDATE SET
                hits = CASE WHEN request_counters.window_start = excluded.window_start
                            THEN request_counters.hits + 1 ELSE 1 END,
                window_start = excluded.window_start
            RETURNING hits
            """
        ).first
        return Int(try row?.int("hits") ?? 1)
    }

    /// Deletes the counters of windows that started before `cutoff`, because they no longer limit anything.
    public static func deleteExpired(before cutoff: Date, on connection: Connection) throws {
        try connection.query("DELETE FROM request_counters WHERE window_start < \(cutoff)")
    }
}
