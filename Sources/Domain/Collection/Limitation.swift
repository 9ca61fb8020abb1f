/// Limitation of a receivable (promlčení): three years from the due date (Civil Code §629).
///
/// A time-barred receivable is never pursued; one within `warningDays` of the limit is flagged so the creditor
/// can act (sue, or obtain a written acknowledgement of the debt, which restarts the period).
public enum Limitation {
    public enum Status: Sendable, Equatable {
        case running(daysLeft: Int)
        case nearing(daysLeft: Int)
        case timeBarred
    }

    public static let years = 3
    public static let warningDays = 90

    /// The last day on which the claim is not yet time-barred.
    public static func lastDay(dueDate: CalendarDate) -> CalendarDate {
        dueDate.adding(years: years)
    }

    public static func status(dueDate: CalendarDate, on day: CalendarDate) -> Status {
        let daysLeft = day.days(until: lastDay(dueDate: dueDate))
        if daysLeft < 0 { return .timeBarred }
        return daysLeft <= warningDays ? .nearing(daysLeft: daysLeft) : .running(daysLeft: daysLeft)
    }
}
