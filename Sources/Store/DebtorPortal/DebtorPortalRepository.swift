import Foundation

/// The latest demand sent in a case, with its PDF when one was stored.
public struct SentDemand: Sendable, Equatable {
    /// `demand_reminder`, `demand_firm` or `demand_final`.
    public var kind: String
    public var sentAt: Date
    public var documentID: Int64?
}

/// A power of attorney that covers a debtor, with the lawyer it names.
public struct DebtorPowerOfAttorney: Sendable, Equatable {
    public var lawyerName: String
    public var cakNumber: String?
    public var grantedAt: Date
    public var documentID: Int64
}

/// What the debtor portal reads about its one case. Every query takes the case's organization and debtor from the
/// debtor's session, so a debtor never reaches another case's data.
public enum DebtorPortalRepository {
    public static func latestSentDemand(caseID: Int64, organizationID: Int64, on connection: Connection) throws
        -> SentDemand?
    {
        try connection.query(
            """
            SELECT kind, sent_at, document_id FROM steps
            WHERE case_id = \(caseID) AND organization_id = \(organizationID) AND status = 'sent'
              AND kind LIKE 'demand%' AND sent_at IS NOT NULL
            ORDER BY sent_at DESC, id DESC LIMIT 1
            """
        ).first.map { row in
            SentDemand(
                kind: try row.string("kind"), sentAt: try row.instant("sent_at"),
                documentID: try row.optionalInt("document_id"))
        }
    }

    /// The newest power of attorney in force that covers the debtor: one for all claims or one naming the debtor.
    public static func powerOfAttorney(organizationID: Int64, debtorID: Int64, on connection: Connection) throws
        -> DebtorPowerOfAttorney?
    {
        try connection.query(
            """
            SELECT u.full_name, u.cak_number, p.granted_at, p.document_id
            FROM powers_of_attorney p JOIN users u ON u.id = p.lawyer_id
            WHERE p.organization_id = \(organizationID) AND p.ended_at IS NULL AND p.accepted_at IS NOT NULL
              AND (p.scope = 'all' OR (EXISTS (
                  SELECT 1 FROM power_of_attorney_debtors pd
                  WHERE pd.power_of_attorney_id = p.id AND pd.debtor_id = \(debtorID))
                  -- A power naming several debtors would show this debtor the others' names, so it is not shown.
                  AND (SELECT count(*) FROM power_of_attorney_debtors pd WHERE pd.power_of_attorney_id = p.id) = 1))
            ORDER BY p.granted_at DESC, p.id DESC LIMIT 1
            """
        ).first.map { row in
            DebtorPowerOfAttorney(
                lawyerName: try row.string("full_name"), cakNumber: row["cak_number"],
                grantedAt: try row.instant("granted_at"), documentID: try row.int("document_id"))
        }
    }

    /// Open receivables of the case's debtor, oldest due date first.
    public static func openReceivables(organizationID: Int64, debtorID: Int64, on connection: Connection) throws
        -> [StoredReceivable]
    {
        try connection.query(
            """
            SELECT r.*, d.name AS debtor_name FROM receivables r JOIN debtors d ON d.id = r.debtor_id
            WHERE r.organization_id = \(organizationID) AND r.debtor_id = \(debtorID) AND r.status = 'open'
            ORDER BY r.due_date, r.id
            """
        ).rows.map(ReceivableRepository.decode)
    }

    /// One open receivable of the case's debtor; nil for any other receivable.
    public static func openReceivable(id: Int64, organizationID: Int64, debtorID: Int64, on connection: Connection)
        throws -> StoredReceivable?
    {
        try connection.query(
            """
            SELECT r.*, d.name AS debtor_name FROM receivables r JOIN debtors d ON d.id = r.debtor_id
            WHERE r.id = \(id) AND r.organization_id = \(organizationID) AND r.debtor_id = \(debtorID)
              AND r.status = 'open'
            """
        ).first.map(ReceivableRepository.decode)
    }

    /// A document the debtor of a case may download: a sent step's document, the debtor's own evidence, or the
    /// power of attorney covering the debtor. Nil for every other document.
    public static func visibleDocument(
        id: Int64, caseID: Int64, organizationID: Int64, debtorID: Int64, on connection: Connection
    ) throws -> (document: StoredDocument, content: [UInt8])? {
        guard
            let row = try connection.query(
                """
                SELECT \(unsafeRaw: DocumentRepository.metadataColumns), content FROM documents
                WHERE id = \(id) AND organization_id = \(organizationID) AND (
                    id IN (SELECT document_id FROM steps
                           WHERE case_id = \(caseID) AND organization_id = \(organizationID) AND status = 'sent')
                    OR id IN (SELECT evidence_document_id FROM debtor_answers
                              WHERE case_id = \(caseID) AND organization_id = \(organizationID))
                    OR id IN (SELECT p.document_id FROM powers_of_attorney p
                              WHERE p.organization_id = \(organizationID) AND p.ended_at IS NULL
                                AND p.accepted_at IS NOT NULL
                                AND (p.scope = 'all' OR (EXISTS (
                                    SELECT 1 FROM power_of_attorney_debtors pd
                                    WHERE pd.power_of_attorney_id = p.id AND pd.debtor_id = \(debtorID))
                                    AND (SELECT count(*) FROM power_of_attorney_debtors pd
                                         WHERE pd.power_of_attorney_id = p.id) = 1))))
                """
            ).first
        else { return nil }
        return (try DocumentRepository.decode(row), try row.bytes("content"))
    }
}
