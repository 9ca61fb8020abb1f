import Domain
import Foundation

/// A case as the debtor portal and misuse reports need it: its state for the transition rules and its parties.
public struct DebtorCase: Sendable, Equatable {
    public var id: Int64
    public var organizationID: Int64
    public var debtorID: Int64
    public var state: CaseState
}

/// Loads and saves the state of cases for debtor answers and misuse decisions. Every query filters by the
/// organization.
public enum DebtorCaseRepository {
    /// The case locked for update, so the state read here is the one the change is applied to.
    public static func lock(caseID: Int64, organizationID: Int64, on connection: Connection) throws -> DebtorCase? {
        try connection.query(
            """
            SELECT \(unsafeRaw: columns) FROM cases c JOIN debtors d ON d.id = c.debtor_id
            WHERE c.id = \(caseID) AND c.organization_id = \(organizationID) FOR UPDATE OF c
            """
        ).first.map(decode)
    }

    /// Every case of one creditor and debtor, locked for update.
    public static func lockAll(organizationID: Int64, debtorID: Int64, on connection: Connection) throws -> [DebtorCase]
    {
        try connection.query(
            """
            SELECT \(unsafeRaw: columns) FROM cases c JOIN debtors d ON d.id = c.debtor_id
            WHERE c.organization_id = \(organizationID) AND c.debtor_id = \(debtorID) ORDER BY c.id FOR UPDATE OF c
            """
        ).rows.map(decode)
    }

    /// Stores the state after a transition; `lastAnswer` replaces the latest answer when given.
    public static func save(
        _ state: CaseState, caseID: Int64, organizationID: Int64, lastAnswer: DebtorAnswer? = nil, now: Date,
        on connection: Connection
    ) throws {
        try connection.query(
            """
            UPDATE cases SET stage = \(state.stage.rawValue), stage_before_hold = \(state.stageBeforeHold?.rawValue),
                   closing_reason = \(state.closingReason?.rawValue),
                   last_answer = coalesce(\(lastAnswer?.rawValue), last_answer), updated_at = \(now)
            WHERE id = \(caseID) AND organization_id = \(organizationID)
            """)
    }

    static let columns = """
        c.id, c.organization_id, c.debtor_id, c.stage, c.stage_before_hold, c.last_step_on, c.demands_sent, \
        c.closing_reason, d.kind AS debtor_kind
        """

    static func decode(_ row: Row) throws -> DebtorCase {
        let state = CaseState(
            stage: CaseStage(rawValue: try row.string("stage")) ?? .imported,
            stageBeforeHold: row["stage_before_hold"].flatMap(CaseStage.init(rawValue:)),
            lastStepOn: try row.optionalCalendarDate("last_step_on"), demandsSent: Int(try row.int("demands_sent")),
            isBusinessDebtor: try row.string("debtor_kind") == "business",
            closingReason: row["closing_reason"].flatMap(ClosingReason.init(rawValue:)))
        return DebtorCase(
            id: try row.int("id"), organizationID: try row.int("organization_id"), debtorID: try row.int("debtor_id"),
            state: state)
    }
}
