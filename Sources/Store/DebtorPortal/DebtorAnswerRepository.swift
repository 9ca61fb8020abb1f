import Domain
import Foundation

/// A debtor's answer to a case, with the creditor's resolution of a dispute once there is one.
public struct StoredDebtorAnswer: Sendable, Equatable {
    public var id: Int64
    public var answer: DebtorAnswer
    public var promisedOn: CalendarDate?
    public var reason: String
    public var evidenceDocumentID: Int64?
    public var createdAt: Date
    /// `accepted` or `rejected`, set by the creditor for a "not owed" answer.
    public var resolution: String?
    public var resolutionReason: String?
    public var resolvedAt: Date?
}

/// Stores debtor answers. Every query filters by the organization.
public enum DebtorAnswerRepository {
    @discardableResult
    public static func insert(
        organizationID: Int64, caseID: Int64, answer: DebtorAnswer, promisedOn: CalendarDate?, reason: String,
        evidenceDocumentID: Int64?, now: Date, on connection: Connection
    ) throws -> Int64 {
        try connection.query(
            """
            INSERT INTO debtor_answers (organization_id, case_id, answer, promised_on, reason, evidence_document_id,
                                        created_at)
            VALUES (\(organizationID), \(caseID), \(answer.rawValue), \(promisedOn), \(reason), \(evidenceDocumentID),
                    \(now))
            RETURNING id
            """
        ).first?.int("id") ?? 0
    }

    /// The answers of a case, newest first.
    public static func all(caseID: Int64, organizationID: Int64, on connection: Connection) throws
        -> [StoredDebtorAnswer]
    {
        try connection.query(
            """
            SELECT id, answer, promised_on, reason, evidence_document_id, created_at, resolution, resolution_reason,
                   resolved_at
            FROM debtor_answers WHERE case_id = \(caseID) AND organization_id = \(organizationID)
            ORDER BY created_at DESC, id DESC
            """
        ).rows.map { row in
            StoredDebtorAnswer(
                id: try row.int("id"), answer: DebtorAnswer(rawValue: try row.string("answer")) ?? .refuses,
                promisedOn: try row.optionalCalendarDate("promised_on"), reason: try row.string("reason"),
                evidenceDocumentID: try row.optionalInt("evidence_document_id"),
                createdAt: try row.instant("created_at"), resolution: row["resolution"],
                resolutionReason: row["resolution_reason"], resolvedAt: try row.optionalInstant("resolved_at"))
        }
    }
}
