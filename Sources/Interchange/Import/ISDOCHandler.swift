import Domain

/// Reads one ISDOC 6 invoice (namespace `http://isdoc.cz/namespace/2013`, root `Invoice`).
///
/// Each `PaymentMeans/Payment/Details` block with a due date becomes one receivable with its own due date and
/// variable symbol; blocks that only reference a settling document (a cash receipt) are payments already made and
/// are skipped. A block's amount is its `PaidAmount` when every block has one; otherwise the invoice total
/// (`TaxInclusiveAmount`) is split equally. The unpaid `PayableAmount` is assigned to the latest blocks first, so
/// earlier instalments count as paid first. A foreign-currency invoice uses the `…Curr` amounts.
/// The payee account of a block is not read: it is the creditor's own account, which the creditor's settings hold.
/// `DocumentType` 2 is a credit note that reduces the invoice named in `OriginalDocumentReference/ID`.
final class ISDOCHandler: XMLFormatHandler {
    var emit: ImportItemSink = { _ in }
    static let namespace = "http://isdoc.cz/namespace/2013"

    private struct PaymentBlock {
        var line: Int
        var paidAmount = ""
        var dueDate = ""
        var variableSymbol = ""
    }

    private var batch = ImportBatch(format: .isdoc)
    private var header: [String: String] = [:]
    private var amounts: [String: String] = [:]
    private var debtor = ImportedDebtor()
    private var street = ""
    private var buildingNumber = ""
    private var refersTo = ""
    private var blocks: [PaymentBlock] = []
    private var rootLine = 1

    func start(_ element: String, path: [String], attributes: [String: String], line: Int) throws {
        if path.count == 1 { rootLine = line }
        if path.ends(with: "PaymentMeans", "Payment") {
            blocks.append(PaymentBlock(line: line))
        }
        if path.ends(with: "Payment", "Details"), !blocks.isEmpty {
            blocks[blocks.count - 1].line = line
        }
    }

    func end(_ element: String, path: [String], text: String, line: Int) throws {
        if path.count == 2 {
            header[element] = text
            return
        }
        if path.count == 3, path[1] == "LegalMonetaryTotal" {
            amounts[element] = text
            return
        }
        if path.starts(with: ["Invoice", "AccountingSupplierParty", "Party"]) {
            readSupplier(path: path, text: text)
        } else if path.starts(with: ["Invoice", "AccountingCustomerParty", "Party"]) {
            readCustomer(path: path, text: text)
        } else if path.ends(with: "OriginalDocumentReferences", "OriginalDocumentReference", "ID"), refersTo.isEmpty {
            refersTo = text
        } else if path.count >= 4, path[1] == "PaymentMeans", path[2] == "Payment", !blocks.isEmpty {
            readPayment(path: path, text: text)
        }
    }

    private func readSupplier(path: [String], text: String) {
        if path.ends(with: "Party", "PartyIdentification", "ID") { batch.noteSupplier(text) }
        if path.ends(with: "Party", "PartyName", "Name") { batch.supplierName = text }
    }

    private func readCustomer(path: [String], text: String) {
        let tail = Array(path.dropFirst(3))
        switch tail {
        case ["PartyIdentification", "ID"]: debtor.ico = text
        case ["PartyName", "Name"]: debtor.name = text
        case ["PartyTaxScheme", "CompanyID"]: debtor.dic = text
        case ["PostalAddress", "StreetName"]: street = text
        case ["PostalAddress", "BuildingNumber"]: buildingNumber = text
        case ["PostalAddress", "CityName"]: debtor.city = text
        case ["PostalAddress", "PostalZone"]: debtor.postalCode = text
        case ["PostalAddress", "Country", "IdentificationCode"]: debtor.country = text
        case ["Contact", "ElectronicMail"] where !text.isEmpty: debtor.emails.append(text)
        case ["Contact", "Telephone"] where !text.isEmpty: debtor.phones.append(text)
        default: break
        }
    }

    private func readPayment(path: [String], text: String) {
        let index = blocks.count - 1
        switch Array(path.dropFirst(3)) {
        case ["PaidAmount"]: blocks[index].paidAmount = text
        case ["Details", "PaymentDueDate"]: blocks[index].dueDate = text
        case ["Details", "VariableSymbol"]: blocks[index].variableSymbol = text
        default: break
        }
    }

    func finish() throws -> ImportBatch {
        debtor.street = [street, buildingNumber].filter { !$0.isEmpty }.joined(separator: " ")
        if !debtor.ico.isEmpty { debtor.kind = "business" }
        let foreign = header["ForeignCurrencyCode"] ?? ""
        let currencyCode = foreign.isEmpty ? (header["LocalCurrencyCode"] ?? "") : foreign
        let suffix = foreign.isEmpty ? "" : "Curr"
        let totalText = amounts["TaxInclusiveAmount" + suffix] ?? ""
        let payableText = amounts["PayableAmount" + suffix] ?? totalText
        let invoiceNumber = header["ID"] ?? ""
        let documentType = header["DocumentType"] ?? "1"
        let key = (header["UUID"] ?? "").isEmpty ? invoiceNumber : header["UUID"]!

        var base = ImportedReceivable(line: rootLine)
        base.debtor = debtor
        base.invoiceNumber = invoiceNumber
        base.issueDate = header["IssueDate"] ?? ""
        base.currency = currencyCode
        base.externalID = key

        if documentType == "2" {
            base.documentKind = .creditNote
            base.refersTo = refersTo
            base.total = totalText
            try emit(.receivable(base))
            return batch
        }

        let dueBlocks = blocks.filter { !$0.dueDate.isEmpty }
        guard !dueBlocks.isEmpty else {
            // No payment block carries a due date: one receivable that validation reports as missing its due date.
            base.total = totalText
            base.remaining = payableText
            try emit(.receivable(base))
            return batch
        }
        let shares = split(total: totalText, payable: payableText, blocks: dueBlocks, currencyCode: currencyCode)
        let instalmentsExceedTotal = shares.map { ISDOCHandler.sumExceeds(shares: $0, total: totalText) } ?? false
        for (index, block) in dueBlocks.enumerated() {
            var receivable = base
            receivable.line = block.line
            receivable.externalID = dueBlocks.count == 1 ? key : "\(key)#\(index + 1)"
            receivable.dueDate = block.dueDate
            receivable.variableSymbol = block.variableSymbol
            receivable.total = shares?[index].total ?? totalText
            receivable.remaining = shares?[index].remaining ?? payableText
            if instalmentsExceedTotal {
                receivable.issues.append(
                    ImportIssue(
                        line: block.line, field: "PaidAmount", value: receivable.total,
                        reason: "splátky faktury dávají dohromady víc než celková částka \(totalText); opravte je"))
            }
            try emit(.receivable(receivable))
        }
        return batch
    }

    /// Checks whether the parts add up to more than the invoice's total, or beyond what an amount can contain. Only
    /// instalment amounts stated in the file can cause it.
    private static func sumExceeds(shares: [(total: String, remaining: String)], total: String) -> Bool {
        guard let invoiceTotal = Money.parse(total, currency: .czk) else { return false }
        var sum: Int64 = 0
        for share in shares {
            let (added, overflow) = sum.addingReportingOverflow(Money.parse(share.total, currency: .czk)?.minorUnits ?? 0)
            if overflow { return true }
            sum = added
        }
        return sum > invoiceTotal.minorUnits
    }

    /// Splits the invoice's total and unpaid amount over the payment blocks; nil when an amount cannot be read,
    /// in which case validation reports the invoice's own values.
    private func split(total: String, payable: String, blocks: [PaymentBlock], currencyCode: String)
        -> [(total: String, remaining: String)]?
    {
        let currency = Currency(rawValue: currencyCode.uppercased()) ?? .czk
        guard let invoiceTotal = Money.parse(total, currency: currency),
            let invoicePayable = Money.parse(payable, currency: currency)
        else { return nil }
        var totals: [Int64]
        let paid = blocks.map { Money.parse($0.paidAmount, currency: currency)?.minorUnits ?? 0 }
        if paid.allSatisfy({ $0 > 0 }) {
            totals = paid
        } else {
            let count = Int64(blocks.count)
            let share = invoiceTotal.minorUnits / count
            totals = Array(repeating: share, count: blocks.count)
            totals[blocks.count - 1] += invoiceTotal.minorUnits - share * count
        }
        var unpaid = max(0, invoicePayable.minorUnits)
        var remaining = Array(repeating: Int64(0), count: blocks.count)
        for index in stride(from: blocks.count - 1, through: 0, by: -1) {
            remaining[index] = min(totals[index], unpaid)
            unpaid -= remaining[index]
        }
        return zip(totals, remaining).map { (Money.plainText($0.0), Money.plainText($0.1)) }
    }
}

extension Money {
    /// Writes minor units as a plain decimal with a dot, the form `Money.parse` reads back.
    static func plainText(_ minorUnits: Int64) -> String {
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        return "\(sign)\(magnitude / 100).\(String(magnitude % 100).leftPadded(to: 2))"
    }
}
