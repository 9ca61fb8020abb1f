import Foundation
import Roles
import Store

/// `portal schedule`: one run of the collection scheduler, for cron or tests; the worker also runs it.
enum ScheduleCommand {
    static func run(configuration: Configuration) throws {
        let connection = try Connection(conninfo: try configuration.databaseURL())
        defer { connection.close() }
        let summary = try CollectionScheduler.run(now: Date(), on: connection)
        print("Nové spisy: \(summary.opened), uzavřené po úhradě: \(summary.closedPaid), zrušené kroky: \(summary.cancelledSteps), navržené výzvy: \(summary.proposed).")
        if !summary.failedOrganizations.isEmpty {
            let ids = summary.failedOrganizations.map(String.init).joined(separator: ", ")
            FileHandle.standardError.write(
                Data(
                    ("portal: plánování selhalo u věřitelů s id \(ids) (\(summary.failures.joined(separator: "; "))). "
                        + "Jejich změny se vrátily zpět, u ostatních věřitelů plánování proběhlo. Podrobnosti najdete "
                        + "v logu PostgreSQL.\n").utf8))
            exit(1)
        }
    }
}
