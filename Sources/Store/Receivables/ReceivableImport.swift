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
        var message: String?
    }

    /// A file that cannot be applied as a whole: the Czech reason, with the row issues when rows caused it.
    /// Thrown by the reading closure of `apply(_:now:on:rows:)`; the batch is recorded as rejected.
    public struct FileRejected: Error {
        public var message: String
        public var issues: [ImportIssue]
        /// The format, row count and digest, when the file was read far enough to know them.
        public var format: String?
        public var rowCount: Int?
        public var fileSHA256: String?

        public init(
            message: String, issues: [ImportIssue] = [], format: String? = nil, rowCount: Int? = nil,
            fileSHA256: String? = nil
        ) {
            self.message = message
            self.issues = issues
            self.format = format
            self.rowCount = rowCount
            self.fileSHA256 = fileSHA256
        }
    }

    /// The facts the reading closure learned from the file, besides the rows it wrote.
    public struct StagedFile: Sendable {
        public var format: String
        /// The rows of the file, receivables and credit notes, valid or not.
        public var rowCount: Int
        public var creditNotes: [CreditNoteRecord]
        /// The issues of rejected rows, in file order: at most `ImportRequest.maxListedIssues`.
        public var issues: [ImportIssue]
        /// Rejected rows whose issues were not kept.
        public var unlistedRejectedRows = 0
        /// The file's digest when it was computed while the file was read; nil keeps the request's.
        public var fileSHA256: String?

        public init(
            format: String, rowCount: Int, creditNotes: [CreditNoteRecord], issues: [ImportIssue],
            fileSHA256: String? = nil
        ) {
            self.format = format
            self.rowCount = rowCount
            self.creditNotes = creditNotes
            self.issues = issues
            self.fileSHA256 = fileSHA256
        }
    }

    /// Applies rows held in memory, such as a receivable entered by hand.
    public static func apply(_ request: ImportRequest, now: Date, on connection: Connection) throws
        -> ImportBatchSummary
    {
        try apply(request, now: now, on: connection) { writer in
            var written = Set<String>()
            for record in request.receivables {
                try writer.add(record)
                written.insert(record.externalID)
            }
            for key in request.fileExternalIDs where !written.contains(key) {
                try writer.addRejected(line: 0, externalID: key, invoiceNumber: "")
            }
            return StagedFile(
                format: request.format, rowCount: request.rowCount, creditNotes: request.creditNotes,
                issues: request.issues)
        }
    }

    /// Applies one file in one transaction: `rows` reads it and writes each row to the `ImportRowWriter` as it goes,
    /// then the staged rows are checked and applied with a few set-based statements.
    ///
    /// When `rows` throws `FileRejected`, when rows have issues and `request.partial` is false, or when applying
    /// fails on a row, nothing changes and the batch is recorded as rejected with its Czech report. Any other error
    /// from `rows` (an `ImportError` of a broken file) rolls back and is rethrown for the caller to record.
    public static func apply(
        _ request: ImportRequest, now: Date, on connection: Connection,
        rows: (ImportRowWriter) throws -> StagedFile
    ) throws -> ImportBatchSummary {
        var request = request
        do {
            let batchID = try connection.transaction { connection in
                // Hash joins and aggregates over a whole file stay in memory instead of spilling to disk.
                try connection.executeScript("SET LOCAL work_mem = '64MB'")
                try createTemporaryTables(on: connection)
                var staged: StagedFile?
                try connection.copyIn("COPY import_rows (\(ImportRowWriter.columns)) FROM STDIN") { copy in
                    staged = try rows(ImportRowWriter(copy: copy))
                }
                guard let staged else { throw FileRejected(message: "Soubor se nepodařilo přečíst.") }
                request.format = staged.format
                request.rowCount = staged.rowCount
                request.fileSHA256 = staged.fileSHA256 ?? request.fileSHA256
                request.creditNotes = staged.creditNotes
                request.issues = staged.issues
                request.unlistedRejectedRows = staged.unlistedRejectedRows
                return try applyInTransaction(&request, now: now, on: connection)
            }
            return try ImportBatchRepository.find(id: batchID, organizationID: request.organizationID, on: connection)!
        } catch let rejected as FileRejected {
            request.format = rejected.format ?? request.format
            request.rowCount = rejected.rowCount ?? request.rowCount
            request.fileSHA256 = rejected.fileSHA256 ?? request.fileSHA256
            return try ImportBatchRepository.recordRejected(
                request, message: rejected.message, issues: rejected.issues, now: now, on: connection)
        } catch let rejection as Rejection {
            return try ImportBatchRepository.recordRejected(
                request, message: rejection.message ?? rowsRejectedMessage(rejection.issues, unlisted: request.unlistedRejectedRows),
                issues: rejection.issues, now: now, on: connection)
        }
    }

    static func rowsRejectedMessage(_ issues: [ImportIssue], unlisted: Int) -> String {
        let rows = Set(issues.map(\.line)).count + unlisted
        let counted: String
        switch rows {
        case 1: counted = "1 chybný řádek"
        case 2...4: counted = "\(rows) chybné řádky"
        default: counted = "\(rows) chybných řádků"
        }
        return "Soubor obsahuje \(counted). Opravte je, nebo zvolte částečný import, který platné řádky "
            + "naimportuje a chybné vypíše."
    }

    private static func applyInTransaction(_ request: inout ImportRequest, now: Date, on connection: Connection)
        throws -> Int64
    {
        let organizationID = request.organizationID
        try analyzeStagedRows(on: connection)
        let duplicates = try duplicateIssues(on: connection)
        request.unlistedRejectedRows += duplicates.unlisted
        request.issues = (request.issues + duplicates.listed).sorted { $0.line < $1.line }
        if request.issues.count > ImportRequest.maxListedIssues {
            let listed = Array(request.issues.prefix(ImportRequest.maxListedIssues))
            let listedLines = Set(listed.map(\.line))
            request.unlistedRejectedRows += Set(request.issues.map(\.line)).subtracting(listedLines).count
            request.issues = listed
        }
        // Debtor rows have no `rejected` value, so they are not counted.
        let validRows = try connection.query("SELECT count(*) AS n FROM import_rows WHERE NOT rejected").first!.int("n")
        if request.mode == .snapshot && validRows == 0 {
            // A snapshot without one valid receivable would close every open receivable (even a partial import of
            // only invalid rows), which is far more often a wrong export.
            throw Rejection(
                issues: request.issues,
                message: "Soubor v režimu snapshot neobsahuje žádnou platnou pohledávku, takže by uzavřel všechny "
                    + "otevřené pohledávky jako uhrazené. Zkontrolujte export, nebo importujte v režimu delta.")
        }
        if !request.issues.isEmpty && !request.partial { throw Rejection(issues: request.issues) }

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

        try loadDebtors(organizationID: organizationID, on: connection)
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
        if !creditIssues.isEmpty && !request.partial {
            throw Rejection(issues: (issues + creditIssues).sorted { $0.line < $1.line })
        }
        issues += creditIssues
        try storeCounts(batchID: batchID, issues: issues, unlistedRows: request.unlistedRejectedRows, on: connection)
        try AuditLog.append(
            AuditEntry(
                actor: request.actor, action: "import.applied", subject: "import_batch:\(batchID)",
                detail: "organization \(organizationID), \(request.format), \(request.mode.rawValue), "
                    + "\(request.rowCount) rows"),
            at: now, on: connection)
        return batchID
    }

    /// The staging tables live until the transaction ends. `import_rows` has no key while it is loaded, so that
    /// duplicate rows reach the duplicate check instead of failing the COPY. A row without an external id carries
    /// only a debtor the file declares once (see `ImportRowWriter.addDebtor`).
    private static func createTemporaryTables(on connection: Connection) throws {
        try connection.executeScript(
            """
            CREATE TEMP TABLE import_rows (
                seq integer, line integer, external_id text, rejected boolean, invoice_number text, variable_symbol text,
                issue_date date, due_date date, currency text, total bigint, remaining bigint, status text,
                time_barred boolean, bank_account text, debtor_key integer, has_debtor boolean, d_kind text,
                d_name text, d_ico text, d_dic text, d_birth_date date, d_street text, d_city text,
                d_postal_code text, d_country text, d_email text, d_phone text, d_language text
            ) ON COMMIT DROP;
            CREATE TEMP TABLE import_debtors (
                key integer PRIMARY KEY, kind text, name text, ico text, dic text, birth_date date, street text,
                city text, postal_code text, country text, email text, phone text, language text,
                debtor_id bigint, is_new boolean NOT NULL DEFAULT false
            ) ON COMMIT DROP;
            """)
    }

    /// Indexes the staged keys and gives the planner their statistics. Without the index, a large file can get a
    /// nested-loop plan for the snapshot's "no longer listed" check, which grows with the square of the rows.
    private static func analyzeStagedRows(on connection: Connection) throws {
        try connection.executeScript(
            "CREATE INDEX ON import_rows (external_id); ANALYZE import_rows (external_id, debtor_key, rejected)")
    }

    /// Rejects every row whose external id an earlier row of the file already used, keeping the first row with the
    /// id. Returns the first of these issues, and in `unlisted` the number of the others.
    private static func duplicateIssues(on connection: Connection) throws -> (listed: [ImportIssue], unlisted: Int) {
        let duplicates = try connection.query(
            """
            WITH ranked AS (
                SELECT seq, line, external_id, invoice_number,
                       first_value(line) OVER (PARTITION BY external_id ORDER BY seq) AS first_line,
                       row_number() OVER (PARTITION BY external_id ORDER BY seq) AS position
                FROM import_rows WHERE external_id <> ''
                  AND external_id IN (
                      SELECT external_id FROM import_rows WHERE external_id IS NOT NULL
                      GROUP BY external_id HAVING count(*) > 1)
            ), rejected AS (
                UPDATE import_rows r SET rejected = true
                FROM ranked d
                WHERE d.position > 1 AND r.seq = d.seq
            )
            SELECT line, external_id, coalesce(invoice_number, '') AS invoice_number, first_line,
                   count(*) OVER () AS total
            FROM ranked WHERE position > 1 ORDER BY seq LIMIT \(ImportRequest.maxListedIssues)
            """)
        let total = Int(try duplicates.first?.int("total") ?? 0)
        let listed = try duplicates.rows.map { row in
            let (line, firstLine) = (try row.int("line"), try row.int("first_line"))
            let externalID = try row.string("external_id")
            return ImportIssue(
                line: Int(line), field: "číslo faktury", value: try row.string("invoice_number"),
                reason: line == firstLine
                    ? "stejná faktura (externí id „\(externalID)“) je na tomto řádku vícekrát"
                    : "stejná faktura (externí id „\(externalID)“) je v souboru už na řádku \(firstLine)")
        }
        return (listed, total - listed.count)
    }

    static func jsonText(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}
