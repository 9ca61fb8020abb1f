import Domain

/// Reads issued invoices from POHODA XML: a `dat:dataPack` of `inv:invoice` items or an export
/// `rsp:responsePack/…/lst:listInvoice/lst:invoice`. Namespaces are matched by local name.
///
/// Only `issuedInvoice` (faktura vydaná) becomes a receivable and `issuedCreditNotice` a credit note; other
/// invoice types (received, advance) are skipped. The total is the foreign-currency `priceSum` when the summary has
/// a foreign currency, otherwise the sum of the home-currency `priceNone`, `priceLowSum`, `priceHighSum`,
/// `price3Sum` and `round/priceRound`. `inv:liquidation/typ:amountHome` (or `amountForeign`) is the unpaid rest when
/// present. A header with `inv:storno` marks a cancelled invoice.
final class PohodaHandler: XMLFormatHandler {
    var emit: ImportItemSink = { _ in }
    private var batch = ImportBatch(format: .pohoda)
    private var packICO = ""
    private var invoice: ImportedReceivable?
    private var invoiceType = ""
    private var homeSums: [String: String] = [:]
    private var foreignCurrency = ""
    private var foreignSum = ""
    private var liquidationHome = ""
    private var liquidationForeign = ""
    private var cancelled = false

    init(attributes: [String: String]) {
        packICO = attributes["ico"] ?? ""
    }

    func start(_ element: String, path: [String], attributes: [String: String], line: Int) throws {
        if element == "invoice", path.count >= 2, ["dataPackItem", "listInvoice"].contains(path[path.count - 2]) {
            invoice = ImportedReceivable(line: line)
            invoiceType = ""
            homeSums = [:]
            foreignCurrency = ""
            foreignSum = ""
            liquidationHome = ""
            liquidationForeign = ""
            cancelled = false
        }
    }

    func end(_ element: String, path: [String], text: String, line: Int) throws {
        guard invoice != nil, let invoiceIndex = path.lastIndex(of: "invoice") else { return }
        let tail = Array(path[(invoiceIndex + 1)...])
        if tail.isEmpty {
            try finishInvoice()
            return
        }
        switch tail.first {
        case "invoiceHeader": readHeader(Array(tail.dropFirst()), text: text)
        case "invoiceSummary": readSummary(Array(tail.dropFirst()), text: text)
        default: break
        }
    }

    private func readHeader(_ tail: [String], text: String) {
        switch tail {
        case ["invoiceType"]: invoiceType = text
        case ["storno"] where !text.isEmpty: cancelled = true
        case ["number", "numberRequested"]: invoice?.invoiceNumber = text
        case ["number", "ids"] where invoice?.invoiceNumber.isEmpty ?? false: invoice?.invoiceNumber = text
        case ["symVar"]: invoice?.variableSymbol = text
        case ["date"]: invoice?.issueDate = text
        case ["dateDue"]: invoice?.dueDate = text
        case ["originalDocument"]: invoice?.refersTo = text
        case ["liquidation", "amountHome"]: liquidationHome = text
        case ["liquidation", "amountForeign"]: liquidationForeign = text
        case ["myIdentity", "address", "ico"]: batch.noteSupplier(text)
        case ["myIdentity", "address", "company"]: batch.supplierName = text
        default:
            if tail.count >= 3, tail[0] == "partnerIdentity", tail[1] == "address" {
                readPartner(Array(tail.dropFirst(2)), text: text)
            }
        }
    }

    private func readPartner(_ tail: [String], text: String) {
        switch tail {
        case ["company"]: invoice?.debtor.name = text
        case ["name"] where invoice?.debtor.name.isEmpty ?? false: invoice?.debtor.name = text
        case ["city"]: invoice?.debtor.city = text
        case ["street"]: invoice?.debtor.street = text
        case ["number"] where !text.isEmpty: invoice?.debtor.street += " " + text
        case ["zip"]: invoice?.debtor.postalCode = text
        case ["ico"]: invoice?.debtor.ico = text
        case ["dic"]: invoice?.debtor.dic = text
        case ["country", "ids"]: invoice?.debtor.country = text
        case ["mobilPhone"] where !text.isEmpty: invoice?.debtor.phones.insert(text, at: 0)
        case ["phone"] where !text.isEmpty: invoice?.debtor.phones.append(text)
        case ["email"] where !text.isEmpty: invoice?.debtor.emails.append(text)
        default: break
        }
    }

    private func readSummary(_ tail: [String], text: String) {
        switch tail {
        case ["homeCurrency", "priceNone"], ["homeCurrency", "priceLowSum"], ["homeCurrency", "priceHighSum"],
            ["homeCurrency", "price3Sum"], ["homeCurrency", "round", "priceRound"]:
            homeSums[tail.joined(separator: "/")] = text
        case ["foreignCurrency", "currency", "ids"]: foreignCurrency = text
        case ["foreignCurrency", "priceSum"]: foreignSum = text
        default: break
        }
    }

    private func finishInvoice() throws {
        guard var finished = invoice else { return }
        invoice = nil
        switch invoiceType {
        case "issuedInvoice": finished.documentKind = .invoice
        case "issuedCreditNotice": finished.documentKind = .creditNote
        default: return
        }
        if !finished.debtor.ico.isEmpty { finished.debtor.kind = "business" }
        if !foreignCurrency.isEmpty && !foreignSum.isEmpty {
            finished.currency = foreignCurrency
            finished.total = foreignSum
            finished.remaining = liquidationForeign
        } else {
            finished.currency = "CZK"
            finished.total = sumHome() ?? homeSums.values.first ?? ""
            finished.remaining = liquidationHome
        }
        if finished.documentKind == .creditNote, finished.total.hasPrefix("-") {
            finished.total.removeFirst()
        }
        if cancelled { finished.status = "cancelled" }
        finished.externalID = finished.invoiceNumber
        try emit(.receivable(finished))
    }

    /// Adds the home-currency summary fields; nil when one of them is not an amount or the sum does not fit, so
    /// validation reports it.
    private func sumHome() -> String? {
        var sum: Int64 = 0
        for text in homeSums.values {
            guard let money = Money.parse(AmountText.normalized(text), currency: .czk) else { return nil }
            let (added, overflow) = sum.addingReportingOverflow(money.minorUnits)
            guard !overflow else { return nil }
            sum = added
        }
        return Money.plainText(sum)
    }

    func finish() throws -> ImportBatch {
        if batch.supplierICO.isEmpty { batch.supplierICO = packICO }
        return batch
    }
}
