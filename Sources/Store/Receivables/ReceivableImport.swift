import Domain
import Foundation

/// Applies validated import rows to a creditor's receivables and debtors in one transaction, set-based: the rows go
/// into temporary tables as JSON, and a few statements match debtors, insert, update and record every change.
///
/// A new external id opens a receivable. A lower remaining amount records a partial payment, and zero closes it as
/// paid. A cancelled status or a credit note for the whole amount cancels it. In snapshot mode, an open imported
/// receivable that the file no longer lists is closed as paid. Importing the same file again changes nothing.
public enum ReceivableImport {
    /// The reason a batch was rejected while it was being applied, such as a credit note for an unknown invoice.
    struct Rejection: Error {
        var issues: [ImportIssue]
    }

    /// Applies `request`, or records it as rejected when it has issues and `partial` is false.
    ///
    /// Returns the stored batch. A rejected batch changes no receivable and no debtor.
    public static func apply(_ request: ImportRequest, now: Date, on connection: Connection) throws
        -> ImportBatchSummary
    {
        if request.mode == .snapshot && request.fileExternalIDs.isEmpty {
            // An empty snapshot would close every open receivable, which is far more often a wrong export.
            return try ImportBatchRepository.recordRejected(
                request,
                message: "Soubor v režimu snapshot neobsahuje žádnou pohledávku, takže by uzavřel všechny otevřené "
                    + "pohledávky jako uhrazené. Zkontrolujte export, nebo importujte v režimu delta.",
                issues: request.issues, now: now, on: connection)
        }
        if !request.issues.isEmpty && !request.partial {
            return try ImportBatchRepository.recordRejected(
                request, message: rowsRejectedMessage(request.issues), issues: request.issues, now: now,
                on: connection)
        }
        do {
            let batchID = try connection.transaction { connection in
                try applyInTransaction(request, now: now, on: connection)
            }
            return try ImportBatchRepository.find(id: batchID, organizationID: request.organizationID, on: connection)!
        } catch let rejection as Rejection {
            let issues = request.issues + rejection.issues
            return try ImportBatchRepository.recordRejected(
                request, message: rowsRejectedMessage(issues), issues: issues, now: now, on: connection)
        }
    }

    static func rowsRejectedMessage(_ issues: [ImportIssue]) -> String {
        let rows = Set(issues.map(\.line)).count
        return "Soubor obsahuje \(rows) chybných řádků. Opravte je, nebo zvolte částečný import, který platné řádky "
            + "naimportuje a chybné vypíše."
    }

    private static func applyInTransaction(_ request: ImportRequest, now: Date, on connection: Connection) throws
        -> Int64
    {
        let organizationID = request.organizationID
        // Imports of one creditor run one at a time, so two files never interleave their changes.
        try connection.query("SELECT id FROM organizations WHERE id = \(organizationID) FOR UPDATE")
        let batchID = try connection.query(
            """
            INSERT INTO import_batches (organization_id, created_at, actor, file_name, file_sha256, format, mode,
                                        partial, status, row_count)
            VALUES (\(organizationID), \(now), \(request.actor), \(request.fileName), \(request.fileSHA256),
                    \(request.format), \(request.mode.rawValue), \(request.partial), 'applied', \(request.rowCount))
            RETURNING id
            """
        ).first!.int("id")

        try createTemporaryTables(on: connection)
        let debtorKeys = try loadDebtors(request.receivables, on: connection)
        try loadRows(request.receivables, debtorKeys: debtorKeys, on: connection)
        try loadKeys(request.fileExternalIDs, on: connection)
        try matchDebtors(organizationID: organizationID, batchID: batchID, now: now, on: connection)
        try reconcileReceivables(
            organizationID: organizationID, batchID: batchID, source: request.mode == .manual ? "manual" : "import",
            now: now, on: connection)
        if request.mode == .snapshot {
            try closeMissing(organizationID: organizationID, batchID: batchID, now: now, on: connection)
        }
        var issues = request.issues
        let creditIssues = try applyCreditNotes(
            request.creditNotes, organizationID: organizationID, batchID: batchID, now: now, on: connection)
        if !creditIssues.isEmpty && !request.partial { throw Rejection(issues: creditIssues) }
        issues += creditIssues
        try storeCounts(batchID: batchID, issues: issues, on: connection)
        try AuditLog.append(
            AuditEntry(
                actor: request.actor, action: "import.applied", subject: "import_batch:\(batchID)",
                detail: "organization \(organizationID), \(request.format), \(request.mode.rawValue), "
                    + "\(request.rowCount) rows"),
            at: now, on: connection)
        return batchID
    }

    private static func createTemporaryTables(on connection: Connection) throws {
        try connection.executeScript(
            """
            CREATE TEMP TABLE import_debtors (
                key integer PRIMARY KEY, kind text, name text, ico text, dic text, birth_date date, street text,
                city text, postal_code text, country text, email text, phone text, language text,
                debtor_id bigint, is_new boolean NOT NULL DEFAULT false
            ) ON COMMIT DROP;
            CREATE TEMP TABLE import_rows (
                line integer, external_id text PRIMARY KEY, invoice_number text, variable_symbol text,
                issue_date date, due_date date, currency text, total bigint, remaining bigint, status text,
                time_barred boolean, bank_account text, debtor_key integer
            ) ON COMMIT DROP;
            CREATE TEMP TABLE import_keys (external_id text PRIMARY KEY) ON COMMIT DROP;
            """)
    }

    /// Rows per INSERT … SELECT FROM jsonb_to_recordset; keeps one parameter at a few megabytes.
    static let chunkSize = 5_000

    private static func loadKeys(_ keys: [String], on connection: Connection) throws {
        for start in stride(from: 0, to: keys.count, by: chunkSize) {
            let json = try jsonText(Array(keys[start..<min(start + chunkSize, keys.count)]))
            try connection.query(
                """
                INSERT INTO import_keys
                SELECT DISTINCT value FROM jsonb_array_elements_text(\(json)::jsonb) ON CONFLICT DO NOTHING
                """)
        }
    }

    static func jsonText(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}
