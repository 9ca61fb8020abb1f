import Domain
import Foundation

/// The statutory late-interest table: the built-in rows plus those the operator added in the database.
public enum InterestRateRepository {
    public static func rates(on connection: Connection) throws -> LateInterestRates {
        var table = LateInterestRates.czech.basisPoints
        for row in try connection.query("SELECT year, half, basis_points FROM late_interest_rates").rows {
            table[.init(year: Int(try row.int("year")), half: Int(try row.int("half")))] = Int(try row.int("basis_points"))
        }
        return LateInterestRates(basisPoints: table)
    }

    /// Adds or replaces the rate of one half-year.
    public static func set(_ halfYear: LateInterestRates.HalfYear, basisPoints: Int, at now: Date, on connection: Connection) throws {
        try connection.query(
            """
            INSERT INTO late_interest_rates (year, half, basis_points, added_at)
            VALUES (\(halfYear.year), \(halfYear.half), \(basisPoints), \(now))
            ON CONFLICT (year, half) DO UPDATE SET basis_points = excluded.basis_points, added_at = excluded.added_at
            """)
    }
}
