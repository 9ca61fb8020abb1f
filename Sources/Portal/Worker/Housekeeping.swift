import Foundation
import Roles
import Store
import Web

/// Removes rows that only matter for a while: expired sessions, quiet sign-in counters and old request counters.
/// The worker runs it every ten minutes; any number of workers may run it at once.
enum Housekeeping {
    static func run(now: Date, on connection: Connection, logger: Logger) throws {
        let sessions = try SessionRepository.deleteExpired(now: now, on: connection)
        // A day is far beyond the longest throttle window (one hour), so no running delay is cut short.
        let counters = try ThrottleRepository.deleteStale(olderThan: 24 * 60 * 60, now: now, on: connection)
        try RequestCounterRepository.deleteExpired(before: now.addingTimeInterval(-60 * 60), on: connection)
        let schedule = try CollectionScheduler.run(now: now, on: connection)
        if schedule != CollectionScheduler.Summary() {
            logger.info("scheduler ran", [
                "cases_opened": "\(schedule.opened)", "cases_closed_paid": "\(schedule.closedPaid)",
                "steps_cancelled": "\(schedule.cancelledSteps)", "steps_proposed": "\(schedule.proposed)",
            ])
        }
        if !schedule.failedOrganizations.isEmpty {
            logger.error("scheduler failed for organizations", [
                "organization_ids": schedule.failedOrganizations.map(String.init).joined(separator: ","),
                "errors": schedule.failures.joined(separator: "; "),
            ])
        }
        if sessions + counters > 0 {
            logger.info("housekeeping removed rows", ["sessions": "\(sessions)", "sign_in_counters": "\(counters)"])
        }
    }
}
