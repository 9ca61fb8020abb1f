import Foundation

/// One entry of a case's timeline.
public struct TimelineEntry: Sendable, Equatable {
    public var id: Int64
    public var at: Date
    /// What happened: `notice_sent`, `demand_prepared`, `demand_approved`, `demand_sent`, `answer_not_owed`, …
    public var kind: String
    public var actor: String
    public var detail: String
    public var outboxID: Int64?
    public var documentID: Int64?
}

/// The timeline of cases. Append inside the transaction of the change the entry describes.
public enum CaseTimeline {
    @discardableResult
    public static func append(
        organizationID: Int64, caseID: Int64, kind: String, actor: String, detail: String = "", outboxID: Int64? = nil,
        documentID: Int64? = nil, at now: Date, on connection: Connection
    ) throws -> Int64 {
        try connection.query(
            """
            INSERT INTO case_events (organization_id, case_id, at, kind, actor, detail, outbox_id, document_id)
            VALUES (\(organizationID), \(caseID), \(now), \(kind), \(actor), \(detail), \(outboxID), \(documentID))
            RETURNING id
            """
        ).first?.int("id") ?? 0
    }

    public static func timeline(caseID: Int64, organizationID: Int64, on connection: Connection) throws -> [TimelineEntry] {
        try connection.query(
            """
            SELECT id, at, kind, actor, detail, outbox_id, document_id FROM case_events
            WHERE case_id = \(caseID) AND organization_id = \(organizationID) ORDER BY at, id
            """
        ).rows.map { row in
            TimelineEntry(
                id: try row.int("id"), at: try row.instant("at"), kind: try row.string("kind"),
                actor: try row.string("actor"), detail: try row.string("detail"), outboxID: try row.optionalInt("outbox_id"),
                documentID: try row.optionalInt("document_id"))
        }
    }
}
