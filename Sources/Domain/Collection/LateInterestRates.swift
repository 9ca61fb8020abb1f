/// Statutory late-interest rates (úrok z prodlení, government decree 351/2013 Sb. §2) by calendar half-year.
///
/// The yearly rate is the Czech National Bank's two-week repo rate valid on the first day of the half-year in
/// which the delay began, plus 8 percentage points, and it stays fixed for the whole delay. The table is data:
/// an operator adds a row every January and July. A half-year missing from the table is an error, never zero.
public struct LateInterestRates: Sendable {
    /// A half-year: the year and 1 for January to June, 2 for July to December.
    public struct HalfYear: Sendable, Hashable, Comparable, CustomStringConvertible {
        public let year: Int
        public let half: Int

        public init(year: Int, half: Int) {
            self.year = year
            self.half = half
        }

        public init(containing date: CalendarDate) {
            self.init(year: date.year, half: date.month <= 6 ? 1 : 2)
        }

        public static func < (lhs: HalfYear, rhs: HalfYear) -> Bool { (lhs.year, lhs.half) < (rhs.year, rhs.half) }

        public var description: String { "\(year)-H\(half)" }
    }

    /// The delay began in a half-year the table does not cover.
    public struct UnknownHalfYear: Error, Equatable, CustomStringConvertible {
        public let halfYear: HalfYear

        public init(halfYear: HalfYear) {
            self.halfYear = halfYear
        }

        public var description: String { "no statutory late-interest rate for \(halfYear)" }
    }

    /// Rates in basis points per year (11,50 % = 1150).
    public let basisPoints: [HalfYear: Int]

    public init(basisPoints: [HalfYear: Int]) {
        self.basisPoints = basisPoints
    }

    /// The yearly rate for a delay that began on `firstDayOfDelay` (the day after the due date).
    public func rate(forDelayStartingOn firstDayOfDelay: CalendarDate) throws -> Int {
        let halfYear = HalfYear(containing: firstDayOfDelay)
        guard let rate = basisPoints[halfYear] else { throw UnknownHalfYear(halfYear: halfYear) }
        return rate
    }

    /// The Czech table from 2014 to the first half of 2026. Rates from 2024-H2 on were derived from the dates of
    /// the ČNB repo-rate changes and should be confirmed against the ČNB's published history.
    public static let czech: LateInterestRates = {
        var rates: [HalfYear: Int] = [:]
        for year in 2014...2017 {
            rates[HalfYear(year: year, half: 1)] = 805
            rates[HalfYear(year: year, half: 2)] = 805
        }
        let table: [(Int, Int, Int)] = [
            (2018, 850, 900), (2019, 975, 1000), (2020, 1000, 825), (2021, 825, 850), (2022, 1175, 1500),
            (2023, 1500, 1500), (2024, 1475, 1275), (2025, 1200, 1150),
        ]
        for (year, first, second) in table {
            rates[HalfYear(year: year, half: 1)] = first
            rates[HalfYear(year: year, half: 2)] = second
        }
        rates[HalfYear(year: 2026, half: 1)] = 1150
        return LateInterestRates(basisPoints: rates)
    }()
}
