import Domain
import Foundation

/// A creditor's own wording of a demand, replacing the built-in template of that kind and language.
public struct CreditorTemplate: Sendable, Equatable {
    public var kind: String
    public var language: Language
    public var subject: String
    public var body: String

    public init(kind: String, language: Language, subject: String, body: String) {
        self.kind = kind
        self.language = language
        self.subject = subject
        self.body = body
    }
}

public enum CreditorTemplateRepository {
    public static func find(organizationID: Int64, kind: String, language: Language, on connection: Connection) throws
        -> CreditorTemplate?
    {
        try connection.query(
            """
            SELECT kind, language, subject, body FROM creditor_templates
            WHERE organization_id = \(organizationID) AND kind = \(kind) AND language = \(language.rawValue)
            """
        ).first.map { row in
            CreditorTemplate(
                kind: try row.string("kind"), language: Language(rawValue: try row.string("language")) ?? .cs,
                subject: try row.string("subject"), body: try row.string("body"))
        }
    }

    public static func save(
        _ template: CreditorTemplate, organizationID: Int64, by userID: Int64, at now: Date, on connection: Connection
    ) throws {
        try connection.query(
            """
            INSERT INTO creditor_templates (organization_id, kind, language, subject, body, updated_at, updated_by)
            VALUES (\(organizationID), \(template.kind), \(template.language.rawValue), \(template.subject), \(template.body),
                    \(now), \(userID))
            ON CONFLICT (organization_id, kind, language) DO UPDATE
            SET subject = excluded.subject, body = excluded.body, updated_at = excluded.updated_at,
                updated_by = excluded.updated_by
            """)
    }

    public static func delete(organizationID: Int64, kind: String, language: Language, on connection: Connection) throws {
        try connection.query(
            """
            DELETE FROM creditor_templates
            WHERE organization_id = \(organizationID) AND kind = \(kind) AND language = \(language.rawValue)
            """)
    }
}
