import Foundation

/// An outgoing step of a case (activation notice or demand) from draft to sent.
public struct Step: Sendable, Equatable {
    public enum Status: String, Sendable {
        case draft
        case approved
        case sent
        case cancelled
    }

    public var id: Int64
    public var organizationID: Int64
    public var caseID: Int64
    public var debtorName: String
    /// `activation_notice`, `demand_reminder`, `demand_firm` or `demand_final`.
    public var kind: String
    public var status: Status
    /// `email` or `letter`.
    public var channel: String
    public var preparedBy: String
    public var preparedAt: Date
    public var approvedBy: String?
    public var sentAt: Date?
    public var documentID: Int64?
    public var cancelledReason: String?
}

public enum StepRepository {
    /// Creates a draft, or an approved step when the preparer may approve; nil when the case already has a step
    /// waiting (at most one pending step per case).
    public static func prepare(
        organizationID: Int64, caseID: Int64, kind: String, channel: String, preparedBy: String, approved: Bool,
        at now: Date, on connection: Connection
    ) throws -> Int64? {
        try connection.query(
            """
            INSERT INTO steps (organization_id, case_id, kind, status, channel, prepared_by, prepared_at, approved_by, approved_at)
            VALUES (\(organizationID), \(caseID), \(kind), \(approved ? "approved" : "draft"), \(channel), \(preparedBy),
                    \(now), \(approved ? preparedBy : nil), \(approved ? now : nil))
            ON CONFLICT (case_id) WHERE status IN ('draft', 'approved') DO NOTHING
            RETURNING id
            """
        ).first?.int("id")
    }

    public static func approve(id: Int64, organizationID: Int64, by actor: String, at now: Date, on connection: Connection) throws -> Bool {
        try connection.query(
            """
            UPDATE steps SET status = 'approved', approved_by = \(actor), approved_at = \(now)
            WHERE id = \(id) AND organization_id = \(organizationID) AND status = 'draft'
            """
        ).affectedRows == 1
    }

    /// Marks an approved step sent; throws when it was not approved any more, which rolls the sending back.
    public static func markSent(id: Int64, by actor: String, documentID: Int64?, at now: Date, on connection: Connection) throws {
        let updated = try connection.query(
            """
            UPDATE steps SET status = 'sent', sent_by = \(actor), sent_at = \(now), document_id = \(documentID)
            WHERE id = \(id) AND status = 'approved'
            """
        ).affectedRows
        guard updated == 1 else { throw StoreError(.statementFailed, context: "step \(id) is no longer approved") }
    }

    public static func cancel(id: Int64, reason: String, on connection: Connection) throws {
        try connection.query(
            "UPDATE steps SET status = 'cancelled', cancelled_reason = \(reason) WHERE id = \(id) AND status IN ('draft', 'approved')")
    }

    /// Cancels every pending step of cases whose debtor has no open receivable left; returns the cancelled steps.
    public static func cancelPendingWithoutOpenReceivables(organizationID: Int64, on connection: Connection) throws -> [(stepID: Int64, caseID: Int64)] {
        try connection.query(
            """
            UPDATE steps s SET status = 'cancelled', cancelled_reason = 'paid'
            FROM cases c
            WHERE s.case_id = c.id AND s.organization_id = \(organizationID) AND s.status IN ('draft', 'approved')
              AND NOT EXISTS (SELECT 1 FROM receivables r WHERE r.organization_id = c.organization_id
                              AND r.debtor_id = c.debtor_id AND r.status = 'open')
            RETURNING s.id, s.case_id
            """
        ).rows.map { (try $0.int("id"), try $0.int("case_id")) }
    }

    public static func find(id: Int64, organizationID: Int64, on connection: Connection) throws -> Step? {
        try select("s.id = \(id) AND s.organization_id = \(organizationID)", on: connection).first
    }

    public static func forCase(_ caseID: Int64, organizationID: Int64, on connection: Connection) throws -> [Step] {
        try select("s.case_id = \(caseID) AND s.organization_id = \(organizationID)", on: connection)
    }

    public static func pending(organizationID: Int64, status: Step.Status, on connection: Connection) throws -> [Step] {
        try select("s.organization_id = \(organizationID) AND s.status = \(status.rawValue)", on: connection)
    }

    /// Approved demands in cases that an accepted, current power of attorney of this lawyer covers.
    public static func approvedForLawyer(_ lawyerID: Int64, on connection: Connection) throws -> [Step] {
        try select(
            """
            s.status = 'approved' AND s.kind <> 'activation_notice' AND EXISTS (
                SELECT 1 FROM powers_of_attorney p
                WHERE p.organization_id = s.organization_id AND p.lawyer_id = \(lawyerID)
                  AND p.accepted_at IS NOT NULL AND p.ended_at IS NULL
                  AND (p.scope = 'all' OR EXISTS (SELECT 1 FROM power_of_attorney_debtors x
                                                   WHERE x.power_of_attorney_id = p.id AND x.debtor_id = c.debtor_id)))
            """, on: connection)
    }

    private static func select(_ condition: SQL, on connection: Connection) throws -> [Step] {
        var query: SQL = """
            SELECT s.*, d.name AS debtor_name FROM steps s JOIN cases c ON c.id = s.case_id
            JOIN debtors d ON d.id = c.debtor_id WHERE
            """
        query.append(" ")
        query.append(condition)
        query.append(" ORDER BY s.id")
        return try connection.query(query).rows.map { row in
            Step(
                id: try row.int("id"), organizationID: try row.int("organization_id"), caseID: try row.int("case_id"),
                debtorName: try row.string("debtor_name"), kind: try row.string("kind"),
                status: Step.Status(rawValue: try row.string("status")) ?? .draft, channel: try row.string("channel"),
                preparedBy: try row.string("prepared_by"), preparedAt: try row.instant("prepared_at"),
                approvedBy: row["approved_by"], sentAt: try row.optionalInstant("sent_at"),
                documentID: try row.optionalInt("document_id"), cancelledReason: row["cancelled_reason"])
        }
    }
}
