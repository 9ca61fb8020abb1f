import Domain

/// Reads issued invoices from a Money S3 XML export: `MoneyData/SeznamFaktVyd/FaktVyd`.
///
/// The total is `Celkem` in CZK, or `Valuty/Celkem` in `Valuty/Mena/Kod` for a foreign-currency invoice. The unpaid
/// rest is the total minus the payments in `SeznamUhrad/Uhrada/Castka` (CZK); for a foreign-currency invoice the
/// paid share of the CZK total is applied to the foreign total. `Dobropis` 1 marks a credit note. The creditor's
/// IČO is `MojeFirma/ICO`, inside the invoice or at the top level.
final class MoneyS3Handler: XMLFormatHandler {
    var emit: ImportItemSink = { _ in }
    /// Set when the payments of the current invoice add up beyond what an amount can hold.
    private var amountsOverflow = false
    private var batch = ImportBatch(format: .moneyS3)
    private var invoice: ImportedReceivable?
    private var homeTotal = ""
    private var foreignCode = ""
    private var foreignTotal = ""
    private var payments: [String] = []
    private var creditNote = false

    func start(_ element: String, path: [String], attributes: [String: String], line: Int) throws {
        if path.ends(with: "SeznamFaktVyd", "FaktVyd") {
            invoice = ImportedReceivable(line: line)
            homeTotal = ""
            foreignCode = ""
            foreignTotal = ""
            payments = []
            creditNote = false
        }
    }

    func end(_ element: String, path: [String], text: String, line: Int) throws {
        if let index = path.lastIndex(of: "MojeFirma"), path.count == index + 2 {
            if element == "ICO" { batch.noteSupplier(text) }
            if element == "Nazev" { batch.supplierName = text }
            return
        }
        guard invoice != nil, let index = path.lastIndex(of: "FaktVyd") else { return }
        let tail = Array(path[(index + 1)...])
        switch tail {
        case []: try finishInvoice()
        case ["Doklad"]: invoice?.invoiceNumber = text
        case ["VarSymbol"]: invoice?.variableSymbol = text
        case ["Vystaveno"]: invoice?.issueDate = text
        case ["Splatno"]: invoice?.dueDate = text
        case ["Celkem"]: homeTotal = text
        case ["Dobropis"]: creditNote = text == "1"
        case ["Valuty", "Mena", "Kod"]: foreignCode = text
        case ["Valuty", "Celkem"]: foreignTotal = text
        case ["SeznamUhrad", "Uhrada", "Castka"]: payments.append(text)
        case ["DodOdb", "ObchNazev"]: invoice?.debtor.name = text
        case ["DodOdb", "FaktNazev"] where invoice?.debtor.name.isEmpty ?? false: invoice?.debtor.name = text
        case ["DodOdb", "ObchAdresa", "Ulice"]: invoice?.debtor.street = text
        case ["DodOdb", "ObchAdresa", "Misto"]: invoice?.debtor.city = text
        case ["DodOdb", "ObchAdresa", "PSC"]: invoice?.debtor.postalCode = text
        case ["DodOdb", "ObchAdresa", "Stat"]: invoice?.debtor.country = text
        case ["DodOdb", "ICO"]: invoice?.debtor.ico = text
        case ["DodOdb", "DIC"]: invoice?.debtor.dic = text
        case ["DodOdb", "EMail"] where !text.isEmpty: invoice?.debtor.emails.append(text)
        case ["DodOdb", "Mobil"] where !text.isEmpty, ["DodOdb", "Tel"] where !text.isEmpty:
            invoice?.debtor.phones.append(text)
        default: break
        }
    }

    private func finishInvoice() throws {
        guard var finished = invoice else { return }
        invoice = nil
        if !finished.debtor.ico.isEmpty { finished.debtor.kind = "business" }
        finished.documentKind = creditNote ? .creditNote : .invoice
        let isForeign =
            !foreignCode.isEmpty && foreignCode.uppercased() != "CZK" && !foreignTotal.isEmpty
            && (Money.parse(AmountText.normalized(foreignTotal), currency: .czk)?.minorUnits ?? 0) != 0
        finished.currency = isForeign ? foreignCode : "CZK"
        finished.total = isForeign ? foreignTotal : homeTotal
        finished.remaining = remaining(isForeign: isForeign) ?? ""
        if amountsOverflow {
            finished.issues.append(
                ImportIssue(
                    line: finished.line, field: "úhrady", value: "",
                    reason: "součet úhrad faktury přesahuje největší částku, kterou Kolektor vede; opravte úhrady v "
                        + "účetním programu"))
            amountsOverflow = false
        }
        if creditNote, finished.total.hasPrefix("-") { finished.total.removeFirst() }
        finished.externalID = finished.invoiceNumber
        try emit(.receivable(finished))
    }

    /// The unpaid rest as text, or nil when an amount cannot be read or the payments add up beyond any amount
    /// (validation then reports the total).
    private func remaining(isForeign: Bool) -> String? {
        guard let home = Money.parse(AmountText.normalized(homeTotal), currency: .czk) else { return nil }
        var paid: Int64 = 0
        for payment in payments {
            guard let amount = Money.parse(AmountText.normalized(payment), currency: .czk) else { return nil }
            let (added, overflow) = paid.addingReportingOverflow(amount.minorUnits)
            guard !overflow else {
                amountsOverflow = true
                return nil
            }
            paid = added
        }
        let (difference, overflow) = home.minorUnits.subtractingReportingOverflow(paid)
        guard !overflow else {
            amountsOverflow = true
            return nil
        }
        let unpaidHome = max(0, difference)
        guard isForeign else { return Money.plainText(unpaidHome) }
        guard let foreign = Money.parse(AmountText.normalized(foreignTotal), currency: .czk), home.minorUnits > 0,
            foreign.minorUnits >= 0, unpaidHome <= home.minorUnits
        else { return nil }
        // The product of two amounts can pass Int64; the quotient cannot, because the unpaid part is at most the
        // whole.
        let product = foreign.minorUnits.multipliedFullWidth(by: unpaidHome)
        return Money.plainText(home.minorUnits.dividingFullWidth(product).quotient)
    }

    func finish() throws -> ImportBatch { batch }
}
