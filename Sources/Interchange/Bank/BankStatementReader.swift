import Domain
import Foundation

/// Reads a bank statement in GPC/ABO (`.gpc`, `.abo`) or camt.053 XML.
public enum BankStatementReader {
    public static func read(_ url: URL, fileName: String? = nil, limits: ImportLimits = ImportLimits()) throws
        -> BankStatement
    {
        let name = (fileName ?? url.lastPathComponent).lowercased()
        if name.hasSuffix(".gpc") || name.hasSuffix(".abo") {
            return try GPCReader.read(url, limits: limits)
        }
        var handler: Camt053Handler?
        _ = try XMLDocumentReader.read(url, limits: limits) { root, namespace, _ in
            guard root == "Document", namespace.hasPrefix("urn:iso:std:iso:20022:tech:xsd:camt.053") else {
                throw ImportError(
                    .unknownFormat,
                    "Soubor není bankovní výpis ve formátu camt.053 ani GPC/ABO (kořenový prvek „\(root)“).")
            }
            let created = Camt053Handler()
            handler = created
            return created
        }
        return handler?.statement ?? BankStatement(format: "camt053")
    }
}
