import Foundation

/// Reads an import file of any supported format into an `ImportBatch`.
public enum ImportReader {
    /// Reads `url` into memory, each receivable with its debtor. The format comes from the file name (`.csv`) or from the XML root element and its namespace.
    ///
    /// Throws `ImportError` with a Czech description for files that are too large, declare a DOCTYPE, are not in the
    /// declared encoding, are cut off, malformed, or of an unknown format.
    public static func read(_ url: URL, fileName: String? = nil, limits: ImportLimits = ImportLimits()) throws
        -> ImportBatch
    {
        var receivables: [ImportedReceivable] = []
        var debtors: [Int: ImportedDebtor] = [:]
        var batch = try stream(url, fileName: fileName, limits: limits) { item in
            switch item {
            case .debtor(let debtor, let reference, _):
                debtors[reference] = debtor
            case .receivable(var receivable):
                if receivable.debtorReference > 0 {
                    receivable.debtor = debtors[receivable.debtorReference] ?? receivable.debtor
                }
                receivables.append(receivable)
            }
        }
        batch.receivables = receivables
        return batch
    }

    /// Reads `url` like `read`, but hands every declared debtor and every receivable to `sink` as soon as it is
    /// read instead of collecting them, so memory does not grow with the file. Rows already passed to `sink` are not taken back when the file
    /// turns out to be invalid later; the caller discards them when this throws.
    public static func stream(
        _ url: URL, fileName: String? = nil, limits: ImportLimits = ImportLimits(),
        sink: @escaping ImportItemSink
    ) throws -> ImportBatch {
        let name = (fileName ?? url.lastPathComponent).lowercased()
        if name.hasSuffix(".csv") || name.hasSuffix(".txt") {
            return try CSVReader.read(url, limits: limits, sink: sink)
        }
        return try XMLDocumentReader.read(url, limits: limits, sink: sink) { root, namespace, attributes in
            switch (root, namespace) {
            case ("import", KolektorXMLHandler.namespace):
                return try KolektorXMLHandler(attributes: attributes)
            case ("Invoice", ISDOCHandler.namespace):
                return ISDOCHandler()
            case ("dataPack", _), ("responsePack", _):
                return PohodaHandler(attributes: attributes)
            case ("MoneyData", _):
                return MoneyS3Handler()
            default:
                let shown = namespace.isEmpty ? root : "\(root) (\(namespace))"
                throw ImportError(
                    .unknownFormat,
                    "Formát souboru nebyl rozpoznán: kořenový prvek „\(shown)“ nepatří k žádnému podporovanému formátu "
                        + "(Kolektor XML, ISDOC, POHODA XML, Money S3 XML, CSV).")
            }
        }
    }
}
