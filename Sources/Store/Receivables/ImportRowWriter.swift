import Domain
import Foundation

/// Writes the rows of one import file into the temporary table `import_rows` while the file is being read.
///
/// Every row goes straight to PostgreSQL through COPY, so the import holds only the current row and one small entry
/// per distinct debtor: the debtor's key and a hash of its details. A debtor's details are written with the first
/// row that names it and again whenever they differ from the last written ones; the last written details win, as
/// the last row of the file should.
public final class ImportRowWriter {
    private let copy: CopyRowWriter
    private var keyOf: [String: Int] = [:]
    private var detailsHash: [Int] = []
    /// Rows written, valid and rejected; a snapshot with none would close every receivable.
    public private(set) var rowCount = 0

    static let columns = """
        line, external_id, rejected, invoice_number, variable_symbol, issue_date, due_date, currency, total,
        remaining, status, time_barred, bank_account, debtor_key, has_debtor, d_kind, d_name, d_ico, d_dic,
        d_birth_date, d_street, d_city, d_postal_code, d_country, d_email, d_phone, d_language
        """

    init(copy: CopyRowWriter) {
        self.copy = copy
    }

    /// Writes a valid receivable.
    public func add(_ record: ReceivableRecord) throws {
        let identity = ImportRowWriter.identity(of: record.debtor)
        let hash = record.debtor.hashValue
        let key: Int
        let writeDebtor: Bool
        if let known = keyOf[identity] {
            key = known
            writeDebtor = detailsHash[known] != hash
            detailsHash[known] = hash
        } else {
            key = detailsHash.count
            keyOf[identity] = key
            detailsHash.append(hash)
            writeDebtor = true
        }
        copy.field(record.line)
        copy.field(record.externalID)
        copy.field(false)
        copy.field(record.invoiceNumber)
        copy.field(record.variableSymbol)
        if let issueDate = record.issueDate { copy.field(issueDate.iso) } else { copy.null() }
        copy.field(record.dueDate.iso)
        copy.field(record.total.currency.rawValue)
        copy.field(record.total.minorUnits)
        copy.field(record.remaining.minorUnits)
        copy.field(record.status.rawValue)
        copy.field(record.timeBarred)
        copy.field(record.bankAccount)
        copy.field(key)
        copy.field(writeDebtor)
        if writeDebtor {
            let debtor = record.debtor
            copy.field(debtor.kind.rawValue)
            copy.field(debtor.name)
            copy.field(debtor.ico)
            copy.field(debtor.dic)
            if let birthDate = debtor.birthDate { copy.field(birthDate.iso) } else { copy.null() }
            copy.field(debtor.street)
            copy.field(debtor.city)
            copy.field(debtor.postalCode)
            copy.field(debtor.country)
            copy.field(debtor.email)
            copy.field(debtor.phone)
            copy.field(debtor.language?.rawValue ?? "")
        } else {
            for _ in 0..<12 { copy.null() }
        }
        try copy.endRow()
        rowCount += 1
    }

    /// Writes the key of a rejected row, so that a snapshot does not close the receivable it stands for and a later
    /// row with the same key is still reported as a duplicate.
    public func addRejected(line: Int, externalID: String, invoiceNumber: String) throws {
        copy.field(line)
        copy.field(externalID)
        copy.field(true)
        copy.field(invoiceNumber)
        for _ in 0..<23 { copy.null() }
        try copy.endRow()
        rowCount += 1
    }

    /// The identity under which rows of one file share a debtor: the IČO for businesses, otherwise the name with the
    /// address (or the e-mail when there is no street).
    static func identity(of debtor: DebtorRecord) -> String {
        if !debtor.ico.isEmpty { return "ico:\(debtor.ico)" }
        let name = debtor.name.lowercased()
        if !debtor.street.isEmpty { return "address:\(name)|\(debtor.street)|\(debtor.city)|\(debtor.postalCode)" }
        return "email:\(name)|\(debtor.email)"
    }
}
