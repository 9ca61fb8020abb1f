import Foundation

/// A stored document with its SHA-256 (hex), as proof that what was sent or received is unchanged.
public struct StoredDocument: Sendable, Equatable {
    public var id: Int64
    public var organizationID: Int64
    public var caseID: Int64?
    /// What the document is: `power_of_attorney`, `demand_final`, `evidence`, …
    public var kind: String
    public var version: Int
    public var filename: String
    public var contentType: String
    public var sha256: String
    public var createdAt: Date
    public var createdBy: String
}

/// Stores documents; every query filters by the organization, the boundary between creditors.
public enum DocumentRepository {
    /// Stores a document; `sha256` is the hex digest of `content`, computed by the caller. The version is one more
    /// than the newest document of the same kind in the same case.
    public static func insert(
        organizationID: Int64, caseID: Int64?, kind: String, filename: String, contentType: String, content: [UInt8],
        sha256: String, createdBy: String, at now: Date, on connection: Connection
    ) throws -> StoredDocument {
        let row = try connection.query(
            """
            INSERT INTO documents (organization_id, case_id, kind, version, filename, content_type, sha256, content,
                                   created_at, created_by)
            VALUES (\(organizationID), \(caseID), \(kind),
                    1 + coalesce((SELECT max(version) FROM documents
                                  WHERE organization_id = \(organizationID) AND case_id IS NOT DISTINCT FROM \(caseID)
                                    AND kind = \(kind)), 0),
                    \(filename), \(contentType), \(sha256), \(Bytes(content)), \(now), \(createdBy))
            RETURNING \(unsafeRaw: metadataColumns)
            """
        ).first
        guard let row else { throw StoreError(.decodingFailed, context: "documents insert") }
        return try decode(row)
    }

    public static func find(id: Int64, organizationID: Int64, on connection: Connection) throws -> StoredDocument? {
        try connection.query(
            "SELECT \(unsafeRaw: metadataColumns) FROM documents WHERE id = \(id) AND organization_id = \(organizationID)"
        ).first.map(decode)
    }

    /// The bytes of a document of one organization; nil for another organization's document.
    public static func content(id: Int64, organizationID: Int64, on connection: Connection) throws -> [UInt8]? {
        try connection.query(
            "SELECT content FROM documents WHERE id = \(id) AND organization_id = \(organizationID)"
        ).first?.bytes("content")
    }

    static let metadataColumns =
        "id, organization_id, case_id, kind, version, filename, content_type, sha256, created_at, created_by"

    static func decode(_ row: Row) throws -> StoredDocument {
        StoredDocument(
            id: try row.int("id"), organizationID: try row.int("organization_id"), caseID: try row.optionalInt("case_id"),
            kind: try row.string("kind"), version: Int(try row.int("version")), filename: try row.string("filename"),
            contentType: try row.string("content_type"), sha256: try row.string("sha256"),
            createdAt: try row.instant("created_at"), createdBy: try row.string("created_by"))
    }
}
