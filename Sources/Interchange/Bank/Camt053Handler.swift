import Domain
import Foundation

/// Reads entries of an ISO 20022 camt.053 statement (`Document/BkToCstmrStmt/Stmt/Ntry`).
///
/// The variable symbol is looked for, in this order, in `RmtInf/Strd/CdtrRefInf/Ref`, `Refs/EndToEndId` and the
/// unstructured `RmtInf/Ustrd`, because Czech banks differ in where they put it (see `VariableSymbolText`).
final class Camt053Handler: XMLFormatHandler {
    var emit: ImportItemSink = { _ in }
    var statement = BankStatement(format: "camt053")
    private var entry: [String: String] = [:]
    private var entryLine = 0
    private var currency = ""

    func start(_ element: String, path: [String], attributes: [String: String], line: Int) throws {
        if path.ends(with: "Stmt", "Ntry") {
            entry = [:]
            entryLine = line
            currency = ""
        }
        if path.ends(with: "Ntry", "Amt") { currency = attributes["Ccy"] ?? "" }
    }

    func end(_ element: String, path: [String], text: String, line: Int) throws {
        if path.ends(with: "Stmt", "Acct", "Id", "IBAN") { statement.account = text }
        guard let index = path.lastIndex(of: "Ntry") else { return }
        let tail = path[(index + 1)...].joined(separator: "/")
        if tail.isEmpty {
            try finishEntry()
            return
        }
        // The first value of a path wins, so the first transaction's details describe the entry.
        if entry[tail] == nil { entry[tail] = text }
    }

    private func finishEntry() throws {
        let amountText = entry["Amt"] ?? ""
        guard let code = Currency(rawValue: currency.uppercased()),
            let amount = Money.parse(AmountText.normalized(amountText), currency: code)
        else { return }
        let details = "NtryDtls/TxDtls/"
        let candidates = [
            entry[details + "RmtInf/Strd/CdtrRefInf/Ref"], entry[details + "Refs/EndToEndId"],
            entry[details + "RmtInf/Ustrd"],
        ]
        let symbol = candidates.lazy.compactMap { $0.flatMap(VariableSymbolText.find) }.first ?? ""
        let reference =
            entry["AcctSvcrRef"] ?? entry["NtryRef"] ?? entry[details + "Refs/AcctSvcrRef"]
            ?? "\(entry["BookgDt/Dt"] ?? "")/\(amountText)/\(symbol)/\(entryLine)"
        statement.payments.append(
            BankPayment(
                line: entryLine, reference: reference, amount: amount, isCredit: entry["CdtDbtInd"] == "CRDT",
                variableSymbol: symbol, date: (entry["BookgDt/Dt"] ?? entry["ValDt/Dt"]).flatMap(DateText.parse),
                counterAccount: entry[details + "RltdPties/DbtrAcct/Id/IBAN"] ?? "",
                counterName: entry[details + "RltdPties/Dbtr/Nm"] ?? ""))
    }

    func finish() throws -> ImportBatch { ImportBatch(format: .csv) }
}

/// Finds a variable symbol in a payment reference.
public enum VariableSymbolText {
    /// Returns the digits after `VS` (as in `/VS/123`, `VS:123`, `VS 123`), or the whole text when it is 1 to 10
    /// digits; leading zeros are dropped. Nil when there is none.
    public static func find(in text: String) -> String? {
        let upper = text.uppercased()
        if let range = upper.range(of: "VS") {
            let rest = upper[range.upperBound...].drop { $0 == ":" || $0 == "/" || $0 == " " || $0 == "." }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if (1...10).contains(digits.count) { return normalized(String(digits)) }
        }
        let trimmed = text.trimmedSpaces()
        if (1...10).contains(trimmed.count), trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return normalized(trimmed)
        }
        return nil
    }

    private static func normalized(_ digits: String) -> String? {
        let stripped = String(digits.drop { $0 == "0" })
        return stripped.isEmpty ? nil : stripped
    }
}
