import Domain

/// Reads Kolektor's own import XML, namespace `https://kolektor.cz/ns/import/1`, schema
/// `static/import/kolektor-import-1.xsd`.
///
/// Debtors are declared once under `debtors` with an `id` attribute that receivables refer to, so a debtor with
/// many invoices is written once. Each debtor and each receivable is handed over as it ends. Only a number per
/// debtor id is kept, so that receivables can name their debtor by it.
final class KolektorXMLHandler: XMLFormatHandler {
    var emit: ImportItemSink = { _ in }
    static let namespace = "https://kolektor.cz/ns/import/1"
    static let supportedVersions: Set<String> = ["1"]

    private var batch = ImportBatch(format: .kolektor)
    /// The declaration number (see `ImportedItem.debtor`) of each debtor id.
    private var debtorReferences: [String: Int] = [:]
    private var debtor = ImportedDebtor()
    private var debtorID = ""
    private var debtorLine = 0
    private var receivable: ImportedReceivable?
    private var referencedDebtorID = ""
    private var declarationCount = 0

    init(attributes: [String: String]) throws {
        let version = attributes["version"] ?? ""
        guard KolektorXMLHandler.supportedVersions.contains(version) else {
            throw ImportError(
                .unsupportedVersion,
                "Verzi „\(version)“ formátu Kolektor XML tato instalace nečte; podporovaná verze je 1.")
        }
    }

    func start(_ element: String, path: [String], attributes: [String: String], line: Int) throws {
        if path.ends(with: "debtors", "debtor") {
            debtor = ImportedDebtor()
            debtor.kind = attributes["kind"] ?? ""
            debtorID = attributes["id"] ?? ""
            debtorLine = line
        } else if path.ends(with: "receivables", "receivable") {
            receivable = ImportedReceivable(line: line)
            referencedDebtorID = attributes["debtor"] ?? ""
        }
    }

    func end(_ element: String, path: [String], text: String, line: Int) throws {
        if path.count == 3, path[1] == "creditor" {
            if element == "ico" { batch.noteSupplier(text) }
            if element == "name" { batch.supplierName = text }
        } else if path.count >= 4, path[1] == "debtors" {
            readDebtorField(Array(path.dropFirst(3)), text: text)
        } else if path.ends(with: "debtors", "debtor") {
            // A thousand reports make the point; a file of a million bad ids must not fill memory with them.
            if (debtorReferences[debtorID] != nil || debtorID.isEmpty) && batch.issues.count < 1_000 {
                batch.issues.append(
                    ImportIssue(
                        line: debtorLine, field: "debtor/@id", value: debtorID,
                        reason: debtorID.isEmpty ? "dlužník nemá atribut id" : "dlužník s tímto id je v souboru dvakrát"
                    ))
            }
            declarationCount += 1
            debtorReferences[debtorID] = declarationCount
            try emit(.debtor(debtor, reference: declarationCount, line: debtorLine))
        } else if path.count == 4, path[1] == "receivables", receivable != nil {
            readReceivableField(element, text: text)
        } else if path.ends(with: "receivables", "receivable"), var finished = receivable {
            if let found = debtorReferences[referencedDebtorID] {
                finished.debtorReference = found
            } else {
                finished.debtorReference = -1
                finished.issues.append(
                    ImportIssue(
                        line: finished.line, field: "receivable/@debtor", value: referencedDebtorID,
                        reason: "odkazuje na dlužníka, který není uveden v části debtors před pohledávkami"))
            }
            if finished.externalID.isEmpty { finished.externalID = finished.invoiceNumber }
            try emit(.receivable(finished))
            receivable = nil
        }
    }

    private func readDebtorField(_ tail: [String], text: String) {
        switch tail {
        case ["name"]: debtor.name = text
        case ["ico"]: debtor.ico = text
        case ["dic"]: debtor.dic = text
        case ["birthDate"]: debtor.birthDate = text
        case ["address", "street"]: debtor.street = text
        case ["address", "city"]: debtor.city = text
        case ["address", "postalCode"]: debtor.postalCode = text
        case ["address", "country"]: debtor.country = text
        case ["email"] where !text.isEmpty: debtor.emails.append(text)
        case ["mobile"] where !text.isEmpty: debtor.phones.append(text)
        case ["language"]: debtor.language = text
        default: break
        }
    }

    private func readReceivableField(_ element: String, text: String) {
        switch element {
        case "externalId": receivable?.externalID = text
        case "invoiceNumber": receivable?.invoiceNumber = text
        case "variableSymbol": receivable?.variableSymbol = text
        case "issueDate": receivable?.issueDate = text
        case "dueDate": receivable?.dueDate = text
        case "currency": receivable?.currency = text
        case "total": receivable?.total = text
        case "remaining": receivable?.remaining = text
        case "status": receivable?.status = text
        case "bankAccount": receivable?.bankAccount = text
        default: break
        }
    }

    func finish() throws -> ImportBatch { batch }
}
