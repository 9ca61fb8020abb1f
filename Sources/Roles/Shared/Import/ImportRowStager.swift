import Domain
import Interchange
import Store

/// Validates what a reader hands over and writes it to the import's staging table as it arrives: each declared
/// debtor once, each valid receivable with its debtor's key, and the key of each rejected row. Credit notes and
/// row issues are kept for the batch.
///
/// Debtors declared once (Kolektor XML) are remembered by their declaration number: the staging key of a valid one, the
/// outcome of an invalid one. No debtor record is kept, so memory stays small on files with many debtors.
/// Thread-safety: none; the importing thread owns it.
final class ImportRowStager {
    private let validator: ImportValidator
    private let writer: ImportRowWriter
    private var declaredKeys: [Int: Int] = [:]
    private var invalidDebtors: [Int: ImportValidator.DebtorOutcome] = [:]
    /// Receivables and credit notes read, valid or not.
    private(set) var rowCount = 0
    private(set) var creditNotes: [CreditNoteRecord] = []
    /// Issues of rejected rows, at most `ImportRequest.maxListedIssues`. Later rejected rows are only counted, so a
    /// file of a million bad rows cannot fill memory.
    private(set) var issues: [ImportIssue] = []
    private(set) var unlistedRejectedRows = 0

    init(validator: ImportValidator, writer: ImportRowWriter) {
        self.validator = validator
        self.writer = writer
    }

    func take(_ item: ImportedItem) throws {
        switch item {
        case .debtor(let debtor, let reference, let line):
            let outcome = validator.validate(debtor: debtor, line: line)
            if let record = outcome.record, outcome.isValid {
                declaredKeys[reference] = try writer.addDebtor(record, line: line)
            } else {
                invalidDebtors[reference] = outcome
            }
        case .receivable(let row):
            try take(row)
        }
    }

    private func take(_ row: ImportedReceivable) throws {
        rowCount += 1
        let declaredDebtor = row.debtorReference > 0 ? invalidDebtors[row.debtorReference] ?? .stored : nil
        switch validator.validate(row: row, declaredDebtor: declaredDebtor) {
        case .receivable(let record):
            try writer.add(record, declaredDebtorKey: declaredKeys[row.debtorReference])
        case .creditNote(let note):
            creditNotes.append(note)
        case .rejected(let rowIssues):
            if issues.count < ImportRequest.maxListedIssues {
                issues += rowIssues
            } else {
                unlistedRejectedRows += 1
            }
            if row.documentKind == .invoice {
                try writer.addRejected(
                    line: row.line, externalID: row.externalID.isEmpty ? row.invoiceNumber : row.externalID,
                    invoiceNumber: row.invoiceNumber)
            }
        }
    }
}
