import Domain
import Foundation

/// Writes the rows of one import file into the temporary table `import_rows` while the file is being read.
///
/// Every row goes straight to PostgreSQL through COPY, so the import holds only the current row and one small entry
/// per distinct debtor: the debtor's key and a hash of its details. A debtor's details are written with the first
/// row that names it and again whenever they differ from the last written ones. The last written details win, so
/// the last row of the file decides. Where the file declares debtors once (Kolektor XML), the last declaration of a
/// debtor wins instead.
public final class ImportRowWriter {
    private let copy: CopyRowWriter
    /// Debtor keys by a 128-bit digest of the identity, which takes 16 bytes where the identity text of a consumer
    /// (name and address) takes a hundred. Two of a million identities share a digest with a chance below 2^-80.
    private var keyOf: [IdentityDigest: Int] = [:]
    private var detailsHash: [Int] = []
    /// The number of rows written; each row carries its own, which orders rows that share a line.
    private var sequence = 0

    static let columns = """
        seq, line, external_id, rejected, invoice_number, variable_symbol, issue_date, due_date, currency, total,
        remaining, status, time_barred, bank_account, debtor_key, has_debtor, d_kind, d_name, d_ico, d_dic,
        d_birth_date, d_street, d_city, d_postal_code, d_country, d_email, d_phone, d_language
        """

    init(copy: CopyRowWriter) {
        self.copy = copy
    }

    /// Writes a valid receivable. When the file declares debtors once, `declaredDebtorKey` is the key that `addDebtor`
    /// returned for the row's debtor. Otherwise the row's own debtor is keyed and its details are written as needed.
    public func add(_ record: ReceivableRecord, declaredDebtorKey: Int? = nil) throws {
        let key: Int
        let writeDebtor: Bool
        if let declaredDebtorKey {
            (key, writeDebtor) = (declaredDebtorKey, false)
        } else {
            (key, writeDebtor) = debtorKey(record.debtor)
        }
        startRow()
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
            writeDetails(of: record.debtor)
        } else {
            for _ in 0..<12 { copy.null() }
        }
        try copy.endRow()
    }

    /// The key of a debtor's identity, and whether its details must be written: for a debtor not seen before, or
    /// with details that differ from the ones written last.
    private func debtorKey(_ debtor: DebtorRecord) -> (key: Int, isChanged: Bool) {
        let identity = IdentityDigest(ImportRowWriter.identity(of: debtor))
        let hash = ImportRowWriter.detailsHash(of: debtor)
        if let known = keyOf[identity] {
            let changed = detailsHash[known] != hash
            detailsHash[known] = hash
            return (known, changed)
        }
        let key = detailsHash.count
        keyOf[identity] = key
        detailsHash.append(hash)
        return (key, true)
    }

    /// Writes a debtor the file declares once for the rows that refer to it, and returns its key. The row has no
    /// external id and is no receivable; only its debtor columns are read.
    public func addDebtor(_ debtor: DebtorRecord, line: Int) throws -> Int {
        let key = debtorKey(debtor).key
        startRow()
        copy.field(line)
        copy.null()
        copy.null()
        for _ in 0..<10 { copy.null() }
        copy.field(key)
        copy.field(true)
        writeDetails(of: debtor)
        try copy.endRow()
        return key
    }

    private func writeDetails(of debtor: DebtorRecord) {
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
    }

    /// Writes the key of a rejected row, so that a snapshot does not close the receivable it stands for and a later
    /// row with the same key is still reported as a duplicate.
    public func addRejected(line: Int, externalID: String, invoiceNumber: String) throws {
        startRow()
        copy.field(line)
        copy.field(externalID)
        copy.field(true)
        copy.field(invoiceNumber)
        for _ in 0..<23 { copy.null() }
        try copy.endRow()
    }

    private func startRow() {
        sequence += 1
        copy.field(sequence)
    }

    /// Hashes the debtor's details over their bytes, because `String` hashing normalizes Unicode first, which is slow.
    static func detailsHash(of debtor: DebtorRecord) -> Int {
        var hasher = Hasher()
        for field in [
            debtor.kind.rawValue, debtor.name, debtor.ico, debtor.dic, debtor.birthDate?.iso ?? "", debtor.street,
            debtor.city, debtor.postalCode, debtor.country, debtor.email, debtor.phone,
            debtor.language?.rawValue ?? "",
        ] {
            var field = field
            field.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(0xFF as UInt8)
        }
        return hasher.finalize()
    }

    /// Returns the identity under which rows of one file share a debtor: the IČO for businesses, otherwise the name
    /// with the address (or with the e-mail when there is no street).
    static func identity(of debtor: DebtorRecord) -> String {
        if !debtor.ico.isEmpty { return "ico:\(debtor.ico)" }
        let name = debtor.name.lowercased()
        if !debtor.street.isEmpty { return "address:\(name)|\(debtor.street)|\(debtor.city)|\(debtor.postalCode)" }
        return "email:\(name)|\(debtor.email)"
    }
}

/// Two independent 64-bit hashes of a text's bytes.
struct IdentityDigest: Hashable {
    let first: Int
    let second: Int

    init(_ text: String) {
        var text = text
        var first = Hasher()
        var second = Hasher()
        second.combine(0x5EC0_0D as Int)
        text.withUTF8 { bytes in
            first.combine(bytes: UnsafeRawBufferPointer(bytes))
            second.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
        self.first = first.finalize()
        self.second = second.finalize()
    }
}
