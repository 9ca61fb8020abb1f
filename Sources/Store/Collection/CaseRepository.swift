import Domain
import Foundation

/// A case as stored, with its debtor and the sum still open on its overdue receivables.
public struct CaseRecord: Sendable, Equatable {
    public var id: Int64
    public var organizationID: Int64
    public var debtorID: Int64
    public var debtorName: String
    public var debtorKind: Debtor.Kind
    public var debtorEmail: String
    public var debtorPhone: String
    public var debtorLanguage: Language
    public var stage: CaseStage
    public var stageBeforeHold: CaseStage?
    public var lastStepOn: CalendarDate?
    public var demandsSent: Int
    public var closingReason: ClosingReason?
    public var lastAnswer: DebtorAnswer?
    /// Remaining principal of the open receivables, in CZK minor units (other currencies are listed apart).
    public var openMinor: Int64
    public var openReceivables: Int

    public var state: CaseState {
        CaseState(
            stage: stage, stageBeforeHold: stageBeforeHold, lastStepOn: lastStepOn, demandsSent: demandsSent,
            isBusinessDebtor: debtorKind == .business, closingReason: closingReason)
    }
}

/// Filters of the case list; nil fields do not filter.
public struct CaseFilter: Sendable {
    public var stage: CaseStage?
    public var answer: DebtorAnswer?
    public var minimumMinor: Int64?
    public var debtorName: String?
    /// For a subordinate: only these debtors.
    public var debtorIDs: [Int64]?

    public init(
        stage: CaseStage? = nil, answer: DebtorAnswer? = nil, minimumMinor: Int64? = nil, debtorName: String? = nil,
        debtorIDs: [Int64]? = nil
    ) {
        self.stage = stage
        self.answer = answer
        self.minimumMinor = minimumMinor
        self.debtorName = debtorName
        self.debtorIDs = debtorIDs
    }
}

/// Cases of a creditor. Every query filters by the organization.
public enum CaseRepository {
    /// Opens a case for every debtor that has an open, overdue receivable which is not time-barred and has no case
    /// yet; returns how many were opened. Running it again opens nothing new.
    @discardableResult
    public static func openMissing(organizationID: Int64, today: CalendarDate, now: Date, on connection: Connection) throws -> Int {
        try connection.query(
            """
            INSERT INTO cases (organization_id, debtor_id, created_at, updated_at)
            SELECT DISTINCT organization_id, debtor_id, \(now)::timestamptz, \(now)::timestamptz FROM receivables
            WHERE organization_id = \(organizationID) AND status = 'open' AND due_date < \(today) AND NOT time_barred
            ON CONFLICT (organization_id, debtor_id) DO NOTHING
            """
        ).affectedRows
    }

    public static func list(organizationID: Int64, filter: CaseFilter = CaseFilter(), on connection: Connection) throws -> [CaseRecord] {
        var query: SQL = "SELECT \(unsafeRaw: selectColumns) FROM \(unsafeRaw: fromClause) WHERE c.organization_id = \(organizationID)"
        if let stage = filter.stage { query.append(" AND c.stage = \(stage.rawValue)") }
        if let answer = filter.answer { query.append(" AND c.last_answer = \(answer.rawValue)") }
        if let name = filter.debtorName, !name.isEmpty { query.append(" AND d.name ILIKE '%' || \(name) || '%'") }
        if let ids = filter.debtorIDs {
            let list = ids.map(String.init).joined(separator: ",")
            query.append(" AND c.debtor_id = ANY(string_to_array(\(list), ',')::bigint[])")
        }
        if let minimum = filter.minimumMinor { query.append(" AND coalesce(open.minor, 0) >= \(minimum)") }
        query.append(" ORDER BY coalesce(open.minor, 0) DESC, c.id")
        return try connection.query(query).rows.map(decode)
    }

    public static func find(id: Int64, organizationID: Int64, on connection: Connection) throws -> CaseRecord? {
        try connection.query(
            "SELECT \(unsafeRaw: selectColumns) FROM \(unsafeRaw: fromClause) WHERE c.id = \(id) AND c.organization_id = \(organizationID)"
        ).first.map(decode)
    }

    /// Locks the case row until the transaction ends, so two sends of one case cannot interleave.
    public static func lock(id: Int64, organizationID: Int64, on connection: Connection) throws -> CaseRecord? {
        try connection.query("SELECT id FROM cases WHERE id = \(id) AND organization_id = \(organizationID) FOR UPDATE")
        return try find(id: id, organizationID: organizationID, on: connection)
    }

    /// Stores the state after a transition.
    public static func save(_ state: CaseState, caseID: Int64, now: Date, on connection: Connection) throws {
        try connection.query(
            """
            UPDATE cases SET stage = \(state.stage.rawValue), stage_before_hold = \(state.stageBeforeHold?.rawValue),
                   last_step_on = \(state.lastStepOn), demands_sent = \(state.demandsSent),
                   closing_reason = \(state.closingReason?.rawValue), updated_at = \(now)
            WHERE id = \(caseID)
            """)
    }

    public static func setLastAnswer(_ answer: DebtorAnswer, caseID: Int64, on connection: Connection) throws {
        try connection.query("UPDATE cases SET last_answer = \(answer.rawValue) WHERE id = \(caseID)")
    }

    /// Counts and open amounts per stage, for the client's overview.
    /// `debtorIDs` limits the overview to a subordinate's debtors; nil counts every case of the creditor.
    public static func overview(organizationID: Int64, debtorIDs: [Int64]? = nil, on connection: Connection) throws
        -> [(stage: CaseStage, count: Int, openMinor: Int64)]
    {
        var query: SQL = "SELECT c.stage, count(*) AS n, coalesce(sum(open.minor), 0) AS minor FROM \(unsafeRaw: fromClause) WHERE c.organization_id = \(organizationID)"
        if let debtorIDs {
            query.append(" AND c.debtor_id = ANY(string_to_array(\(debtorIDs.map(String.init).joined(separator: ",")), ',')::bigint[])")
        }
        query.append(" GROUP BY c.stage")
        return try connection.query(query).rows.compactMap { row in
            guard let stage = CaseStage(rawValue: try row.string("stage")) else { return nil }
            return (stage, Int(try row.int("n")), try row.int("minor"))
        }.sorted { CaseStage.allCases.firstIndex(of: $0.stage)! < CaseStage.allCases.firstIndex(of: $1.stage)! }
    }

    /// Returns the open overdue receivables of a case's debtor that may still be pursued (not time-barred), oldest
    /// first.
    public static func openReceivables(_ record: CaseRecord, today: CalendarDate, on connection: Connection) throws
        -> [StoredReceivable]
    {
        try connection.query(
            """
            SELECT r.*, d.name AS debtor_name FROM receivables r JOIN debtors d ON d.id = r.debtor_id
            WHERE r.organization_id = \(record.organizationID) AND r.debtor_id = \(record.debtorID)
              AND r.status = 'open' AND r.due_date < \(today) AND NOT r.time_barred
            ORDER BY r.due_date, r.id
            """
        ).rows.map(ReceivableRepository.decode)
    }

    /// Payments recorded by imports for a receivable (lower remaining amounts), dated by their import.
    public static func payments(receivableID: Int64, organizationID: Int64, on connection: Connection) throws
        -> [ClaimLedger.Payment]
    {
        try connection.query(
            """
            SELECT (b.created_at AT TIME ZONE 'Europe/Prague')::date AS day, ch.old_remaining_minor - ch.new_remaining_minor AS minor,
                   r.currency
            FROM receivable_changes ch JOIN import_batches b ON b.id = ch.batch_id
            JOIN receivables r ON r.id = ch.receivable_id
            WHERE ch.receivable_id = \(receivableID) AND ch.organization_id = \(organizationID)
              AND ch.old_remaining_minor IS NOT NULL AND ch.old_remaining_minor > ch.new_remaining_minor
              AND ch.change = 'partial_payment'
            ORDER BY ch.id
            """
        ).rows.map { row in
            ClaimLedger.Payment(
                day: try row.calendarDate("day"),
                amount: Money(minorUnits: try row.int("minor"), currency: Currency(rawValue: try row.string("currency")) ?? .czk))
        }
    }

    static let selectColumns = """
        c.id, c.organization_id, c.debtor_id, d.name AS debtor_name, d.kind AS debtor_kind, d.email AS debtor_email,
        d.phone AS debtor_phone, d.language AS debtor_language, c.stage, c.stage_before_hold, c.last_step_on,
        c.demands_sent, c.closing_reason, c.last_answer, coalesce(open.minor, 0) AS open_minor,
        coalesce(open.n, 0) AS open_n
        """

    static let fromClause = """
        cases c JOIN debtors d ON d.id = c.debtor_id AND d.organization_id = c.organization_id
        LEFT JOIN LATERAL (
            SELECT sum(remaining_minor) FILTER (WHERE currency = 'CZK') AS minor, count(*) AS n FROM receivables r
            WHERE r.organization_id = c.organization_id AND r.debtor_id = c.debtor_id AND r.status = 'open'
        ) open ON true
        """

    static func decode(_ row: Row) throws -> CaseRecord {
        CaseRecord(
            id: try row.int("id"), organizationID: try row.int("organization_id"), debtorID: try row.int("debtor_id"),
            debtorName: try row.string("debtor_name"),
            debtorKind: Debtor.Kind(rawValue: try row.string("debtor_kind")) ?? .business,
            debtorEmail: try row.string("debtor_email"), debtorPhone: try row.string("debtor_phone"),
            debtorLanguage: Language(rawValue: try row.string("debtor_language")) ?? .cs,
            stage: CaseStage(rawValue: try row.string("stage")) ?? .imported,
            stageBeforeHold: row["stage_before_hold"].flatMap(CaseStage.init(rawValue:)),
            lastStepOn: try row.optionalCalendarDate("last_step_on"), demandsSent: Int(try row.int("demands_sent")),
            closingReason: row["closing_reason"].flatMap(ClosingReason.init(rawValue:)),
            lastAnswer: row["last_answer"].flatMap(DebtorAnswer.init(rawValue:)),
            openMinor: try row.int("open_minor"), openReceivables: Int(try row.int("open_n")))
    }
}
