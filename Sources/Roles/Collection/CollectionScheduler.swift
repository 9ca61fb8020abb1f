import Domain
import Foundation
import Store

/// The scheduler of the collection workflow, run by `portal worker` every few minutes and by `portal schedule`.
///
/// For every creditor it opens cases for newly overdue receivables, closes cases whose receivables were all paid
/// (cancelling their pending steps first), and proposes the next demand as a draft once the creditor's spacing
/// after the previous step has passed. It only proposes: the client admin approves and the lawyer sends, so it
/// never sends anything itself. Everything depends on the state and the day only, so running it many times a day
/// does nothing twice, and after days of downtime it proposes one step per case, not every step it missed.
public enum CollectionScheduler {
    public struct Summary: Sendable, Equatable {
        public var opened = 0
        public var closedPaid = 0
        public var cancelledSteps = 0
        public var proposed = 0
        /// Promised payment dates that passed: kept when nothing is open any more, missed otherwise.
        public var promisesChecked = 0
        /// Creditors whose run failed on their data and was rolled back. The others were scheduled.
        public var failedOrganizations: [Int64] = []
        /// The error of each failed creditor, in the same order; `StoreError.description` carries no values.
        public var failures: [String] = []

        public init() {}
    }

    public static func run(now: Date, on connection: Connection) throws -> Summary {
        var summary = Summary()
        let today = CalendarDate(now)
        for organization in try OrganizationRepository.all(on: connection) where organization.active {
            do {
                try connection.transaction { connection in
                    summary.opened += try CaseRepository.openMissing(organizationID: organization.id, today: today, now: now, on: connection)
                    for cancelled in try StepRepository.cancelPendingWithoutOpenReceivables(organizationID: organization.id, on: connection) {
                        summary.cancelledSteps += 1
                        try CaseTimeline.append(
                            organizationID: organization.id, caseID: cancelled.caseID, kind: "step_cancelled_paid",
                            actor: "scheduler", at: now, on: connection)
                    }
                    summary.promisesChecked += try followUpPromises(organizationID: organization.id, today: today, now: now, on: connection)
                    for record in try CaseRepository.list(organizationID: organization.id, on: connection) where record.stage != .closed {
                        if record.openReceivables == 0 {
                            if case .success(let closed) = CaseTransitions.apply(.paidInFull, to: record.state, spacingDays: organization.stepSpacingDays) {
                                try CaseRepository.save(closed, caseID: record.id, now: now, on: connection)
                                try CaseTimeline.append(
                                    organizationID: organization.id, caseID: record.id, kind: "case_closed_paid", actor: "scheduler",
                                    at: now, on: connection)
                                summary.closedPaid += 1
                            }
                            continue
                        }
                        guard case .demand(let level) = StepSchedule.proposal(
                            for: record.state, on: today, spacingDays: organization.stepSpacingDays)
                        else { continue }
                        let kind = [MessageKind.demandReminder, .demandFirm, .demandFinal][level - 1]
                        let channel = record.debtorEmail.isEmpty ? "letter" : "email"
                        if try StepRepository.prepare(
                            organizationID: organization.id, caseID: record.id, kind: kind.rawValue, channel: channel,
                            preparedBy: "scheduler", approved: false, at: now, on: connection) != nil
                        {
                            try CaseTimeline.append(
                                organizationID: organization.id, caseID: record.id, kind: "step_prepared", actor: "scheduler",
                                detail: kind.rawValue, at: now, on: connection)
                            summary.proposed += 1
                        }
                    }
                }
            } catch let error as StoreError where error.code != .unavailable {
                // One creditor's bad data (an amount beyond any sum) must not stop scheduling for the others.
                summary.failedOrganizations.append(organization.id)
                summary.failures.append(error.description)
            }
        }
        return summary
    }

    /// Checks every "I will pay by …" whose date has passed against the receivables and records once per answer
    /// whether the promise was kept (nothing open) or missed.
    static func followUpPromises(organizationID: Int64, today: CalendarDate, now: Date, on connection: Connection) throws -> Int {
        let due = try connection.query(
            """
            SELECT a.id, a.case_id, EXISTS (
                       SELECT 1 FROM receivables r WHERE r.organization_id = c.organization_id AND r.debtor_id = c.debtor_id
                         AND r.status = 'open') AS still_open
            FROM debtor_answers a JOIN cases c ON c.id = a.case_id
            WHERE a.organization_id = \(organizationID) AND a.answer = 'will_pay' AND a.promised_on < \(today)
              AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = a.case_id
                              AND e.kind IN ('promise_kept', 'promise_missed') AND e.detail = 'answer:' || a.id)
            """
        ).rows
        for row in due {
            try CaseTimeline.append(
                organizationID: organizationID, caseID: try row.int("case_id"),
                kind: try row.bool("still_open") ? "promise_missed" : "promise_kept", actor: "scheduler",
                detail: "answer:\(try row.int("id"))", at: now, on: connection)
        }
        return due.count
    }
}
