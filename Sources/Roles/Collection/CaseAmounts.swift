import Foundation
import Domain
import Store

/// What the debtor of a case owes today, receivable by receivable, from the claim ledger.
struct CaseAmounts {
    struct Line {
        let receivable: StoredReceivable
        /// nil when the statutory interest rate for the receivable's delay is missing from the table.
        let balance: ClaimLedger.Balance?
    }

    let lines: [Line]
    /// Half-years whose interest rate is missing; the operator must add them before demands can state amounts.
    let missingRates: [LateInterestRates.HalfYear]

    /// The total in CZK of every line with a known balance.
    var totalCZK: Money {
        .czk(lines.compactMap(\.balance).filter { $0.total.currency == .czk }.reduce(0) { $0 + $1.total.minorUnits })
    }

    static func compute(_ record: CaseRecord, today: CalendarDate, on connection: Connection) throws -> CaseAmounts {
        var lines: [Line] = []
        var missing: [LateInterestRates.HalfYear] = []
        let rates = try InterestRateRepository.rates(on: connection)
        for receivable in try CaseRepository.openReceivables(record, today: today, on: connection) {
            let paid = receivable.total.minorUnits - receivable.remaining.minorUnits
            var payments = try CaseRepository.payments(
                receivableID: receivable.id, organizationID: record.organizationID, on: connection)
            // Payments the import saw without a dated change (for example in the first import) count on the due date.
            let dated = payments.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            if paid > dated {
                payments.insert(.init(day: receivable.dueDate, amount: Money(minorUnits: paid - dated, currency: receivable.total.currency)), at: 0)
            }
            let ledger = ClaimLedger(
                principal: receivable.total, dueDate: receivable.dueDate, isBusinessDebtor: record.debtorKind == .business,
                payments: payments)
            do {
                lines.append(Line(receivable: receivable, balance: try ledger.balance(on: today, rates: rates)))
            } catch let error as LateInterestRates.UnknownHalfYear {
                missing.append(error.halfYear)
                lines.append(Line(receivable: receivable, balance: nil))
            }
        }
        return CaseAmounts(lines: lines, missingRates: Array(Set(missing)).sorted())
    }
}
