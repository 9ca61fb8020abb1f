import Domain
import Foundation
import Interchange
import Testing

@Suite struct ValidationTests {
    let validator = ImportValidator(today: CalendarDate(year: 2026, month: 12, day: 4)!)

    func row(_ edit: (inout ImportedReceivable) -> Void) -> ImportedReceivable {
        var row = ImportedReceivable(line: 7)
        row.invoiceNumber = "FV-1"
        row.externalID = "FV-1"
        row.issueDate = "2026-11-01"
        row.dueDate = "2026-11-15"
        row.currency = "CZK"
        row.total = "100"
        row.debtor.name = "Odběratel a.s."
        row.debtor.ico = "45317054"
        edit(&row)
        return row
    }

    func issues(_ rows: ImportedReceivable...) -> [ImportIssue] {
        var batch = ImportBatch(format: .csv)
        batch.receivables = rows
        return validator.validate(batch).issues
    }

    @Test func amountAboveMaximumIsRejected() {
        #expect(issues(row { $0.total = "9999999999,99" }).isEmpty)
        let found = issues(row { $0.total = "10000000000" })
        #expect(found.map(\.field) == ["částka"])
        #expect(found.first?.reason.contains("9 999 999 999,99") == true)
    }

    @Test func controlCharacterInInvoiceNumberIsRejected() {
        let found = issues(row { $0.invoiceNumber = "FV\t1"; $0.externalID = "FV\t1" })
        #expect(found.map(\.field) == ["číslo faktury"])
        #expect(found.first?.value == "FV1")
    }

    @Test func validRowHasNoIssue() {
        #expect(issues(row { _ in }) == [])
    }

    /// One invalid value per case, with the field and value the issue must name.
    enum Breakage: String, CaseIterable, Sendable {
        case icoChecksum, icoMissingForBusiness, bankAccountChecksum, dueDateMissing, dueDateBeforeIssue
        case dueDateInvalid, totalMissing, totalZero, totalNegative, totalThreeDecimals, remainingNegative
        case remainingAboveTotal, currencyUnknown, nameMissing, emailInvalid, statusUnknown, variableSymbolTooLong

        var expected: (field: String, value: String) {
            switch self {
            case .icoChecksum: return ("IČO", "12345678")
            case .icoMissingForBusiness: return ("IČO", "")
            case .bankAccountChecksum: return ("bankovní účet", "19-2000145398/0800")
            case .dueDateMissing: return ("datum splatnosti", "")
            case .dueDateBeforeIssue: return ("datum splatnosti", "2026-10-01")
            case .dueDateInvalid: return ("datum splatnosti", "31. 2. 2026")
            case .totalMissing: return ("částka", "")
            case .totalZero: return ("částka", "0")
            case .totalNegative: return ("částka", "-5")
            case .totalThreeDecimals: return ("částka", "12,345")
            case .remainingNegative: return ("zbývá uhradit", "-1")
            case .remainingAboveTotal: return ("zbývá uhradit", "101")
            case .currencyUnknown: return ("měna", "XYZ")
            case .nameMissing: return ("název", "")
            case .emailInvalid: return ("e-mail", "bez-zavinace")
            case .statusUnknown: return ("stav", "možná")
            case .variableSymbolTooLong: return ("variabilní symbol", "12345678901")
            }
        }

        func apply(_ row: inout ImportedReceivable) {
            let value = expected.value
            switch self {
            case .icoChecksum: row.debtor.ico = value
            case .icoMissingForBusiness:
                row.debtor.ico = ""
                row.debtor.kind = "business"
            case .bankAccountChecksum: row.bankAccount = value
            case .dueDateMissing, .dueDateBeforeIssue, .dueDateInvalid: row.dueDate = value
            case .totalMissing, .totalZero, .totalNegative, .totalThreeDecimals: row.total = value
            case .remainingNegative, .remainingAboveTotal: row.remaining = value
            case .currencyUnknown: row.currency = value
            case .nameMissing: row.debtor.name = value
            case .emailInvalid: row.debtor.emails = [value]
            case .statusUnknown: row.status = value
            case .variableSymbolTooLong: row.variableSymbol = value
            }
        }
    }

    @Test(arguments: Breakage.allCases)
    func invalidFieldIsReported(_ breakage: Breakage) {
        let found = issues(row(breakage.apply))
        #expect(found.count == 1)
        #expect(found.first?.line == 7)
        #expect(found.first?.field == breakage.expected.field)
        #expect(found.first?.value == breakage.expected.value)
        #expect(found.first?.reason.isEmpty == false)
    }

    @Test func duplicateInvoiceNumberIsReported() {
        var second = row { _ in }
        second.line = 9
        let found = issues(row { _ in }, second)
        #expect(found.count == 1)
        #expect(found.first?.line == 9)
        #expect(found.first?.reason.contains("řádku 7") == true)
    }

    @Test func timeBarredReceivableIsImportedAndMarked() {
        var batch = ImportBatch(format: .csv)
        batch.receivables = [
            row {
                $0.issueDate = "2023-11-01"
                $0.dueDate = "2023-12-03"
            }
        ]
        let result = validator.validate(batch)
        #expect(result.issues == [])
        #expect(result.receivables.first?.timeBarred == true)
        batch.receivables = [
            row {
                $0.issueDate = "2023-11-01"
                $0.dueDate = "2023-12-04"
            }
        ]
        #expect(validator.validate(batch).receivables.first?.timeBarred == false)
    }

    @Test func zeroRemainingMeansPaid() {
        var batch = ImportBatch(format: .csv)
        batch.receivables = [row { $0.remaining = "0" }]
        #expect(validator.validate(batch).receivables.first?.status == .paid)
    }

    @Test func issueDescriptionIsCzech() {
        let issue = ImportIssue(line: 3, field: "IČO", value: "1", reason: "IČO není platné")
        #expect(issue.description == "řádek 3, pole „IČO“, hodnota „1“: IČO není platné")
    }
}
