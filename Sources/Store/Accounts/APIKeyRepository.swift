import Foundation

/// An API key of a creditor, without the key itself.
public struct APIKey: Sendable, Equatable {
    public var id: Int64
    public var organizationID: Int64
    public var name: String
    public var createdAt: Date
    public var revokedAt: Date?
}

/// Stores API keys by their SHA-256 only, so a database copy reveals no usable key.
public enum APIKeyRepository {
    public static func insert(
        organizationID: Int64, name: String, keyHash: [UInt8], now: Date, on connection: Connection
    ) throws -> APIKey {
        let row = try connection.query(
            """
            INSERT INTO api_keys (organization_id, name, key_hash, created_at)
            VALUES (\(organizationID), \(name), \(Bytes(keyHash)), \(now))
            RETURNING *
            """
        ).first!
        return try decode(row)
    }

    /// Finds the active key with this hash and marks it used. Returns nil for an unknown or revoked key.
    public static func use(keyHash: [UInt8], now: Date, on connection: Connection) throws -> APIKey? {
        try connection.query(
            """
            UPDATE api_keys SET last_used_at = \(now)
            WHERE key_hash = \(Bytes(keyHash)) AND revoked_at IS NULL
            RETURNING *
            """
        ).first.map(decode)
    }

    /// Returns the creditor's keys, newest first, revoked ones included.
    public static func all(organizationID: Int64, on connection: Connection) throws -> [APIKey] {
        try connection.query(
            "SELECT * FROM api_keys WHERE organization_id = \(organizationID) ORDER BY id DESC"
        ).rows.map(decode)
    }

    public static func revoke(id: Int64, organizationID: Int64, now: Date, on connection: Connection) throws {
        try connection.query(
            """
            UPDATE api_keys SET revoked_at = \(now)
            WHERE id = \(id) AND organization_id = \(organizationID) AND revoked_at IS NULL
            """)
    }

    static func decode(_ row: Row) throws -> APIKey {
        APIKey(
            id: try row.int("id"), organizationID: try row.int("organization_id"), name: try row.string("name"),
            createdAt: try row.instant("created_at"), revokedAt: try row.optionalInstant("revoked_at"))
    }
}
