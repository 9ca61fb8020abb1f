/// Where a receivable stands in the creditor's accounting.
public enum ReceivableStatus: String, Sendable, CaseIterable, Codable {
    case open
    case paid
    case cancelled
}

/// The limitation period (promlčecí lhůta) of a receivable: 3 years from the due date under Civil Code §629.
///
/// NOTE: an acknowledgement of the debt restarts the period and business parties may agree 1 to 15 years;
/// neither is recorded yet, so this is the statutory default only.
public enum LimitationPeriod {
    public static let years = 3

    /// The last day on which the receivable is not yet time-barred.
    public static func lastDay(dueDate: CalendarDate) -> CalendarDate {
        let year = dueDate.year + years
        let day = min(dueDate.day, CalendarDate.daysIn(month: dueDate.month, year: year))
        return CalendarDate(year: year, month: dueDate.month, day: day) ?? dueDate
    }

    /// Whether a receivable with this due date is time-barred on `today`.
    public static func isTimeBarred(dueDate: CalendarDate, today: CalendarDate) -> Bool {
        today > lastDay(dueDate: dueDate)
    }
}
