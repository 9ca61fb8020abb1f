import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One import format's reading of an XML document, fed element by element.
protocol XMLFormatHandler: AnyObject {
    /// Called when an element starts; `path` holds the local names from the root down to this element.
    func start(_ element: String, path: [String], attributes: [String: String], line: Int) throws
    /// Called when an element ends with its own text, trimmed (empty for elements that only contain elements).
    func end(_ element: String, path: [String], text: String, line: Int) throws
    func finish() throws -> ImportBatch
}

/// Streams an XML file through `XMLParser(stream:)` and hands elements to the handler chosen by the root element.
///
/// Before parsing, one pass over the bytes rejects files over the size limit, any DOCTYPE or ENTITY declaration
/// (libxml2 drops external entities silently, and internal ones allow expansion bombs), and text whose bytes do not
/// match the declared encoding. Memory stays bounded by the handler's own state, not by the file size.
final class XMLDocumentReader: NSObject, XMLParserDelegate {
    typealias HandlerFactory = (_ root: String, _ namespace: String, _ attributes: [String: String]) throws
        -> any XMLFormatHandler

    private let limits: ImportLimits
    private let makeHandler: HandlerFactory
    private var handler: (any XMLFormatHandler)?
    private var path: [String] = []
    private var text = ""
    private var rootClosed = false
    private var failure: (any Error)?
    private var parseErrorCode: Int?
    private var parseErrorLine = 0
    private var lastLine = 0

    init(limits: ImportLimits, makeHandler: @escaping HandlerFactory) {
        self.limits = limits
        self.makeHandler = makeHandler
    }

    static func read(_ url: URL, limits: ImportLimits, makeHandler: @escaping HandlerFactory) throws -> ImportBatch {
        let scan = try InputScan.scan(url, limits: limits)
        try scan.requireText()
        try checkProlog(scan)
        guard let stream = InputStream(url: url) else {
            throw ImportError(.unreadable, "Soubor nelze otevřít pro čtení.")
        }
        let reader = XMLDocumentReader(limits: limits, makeHandler: makeHandler)
        reader.lastLine = scan.lineCount
        let parser = XMLParser(stream: stream)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        _ = parser.parse()
        return try reader.result()
    }

    /// Rejects DOCTYPE declarations and bytes that contradict the encoding named in the XML prolog.
    static func checkProlog(_ scan: InputScan) throws {
        if scan.containsDoctype {
            throw ImportError(
                .doctypeForbidden,
                "Soubor obsahuje deklaraci DOCTYPE nebo ENTITY. Z bezpečnostních důvodů ji Kolektor nepřijímá; "
                    + "odstraňte ji a soubor nahrajte znovu.")
        }
        let declared = declaredEncoding(in: scan.head)
        switch declared {
        case nil, "utf-8", "utf8":
            if !scan.isValidUTF8 {
                throw ImportError(
                    .wrongEncoding,
                    "Soubor má být podle hlavičky v kódování UTF-8, ale na řádku \(scan.firstInvalidUTF8Line) obsahuje "
                        + "bajty v jiném kódování (nejspíš Windows-1250). Uložte ho v UTF-8 nebo v hlavičce uveďte "
                        + "encoding=\"windows-1250\".")
            }
        case "windows-1250", "cp1250", "iso-8859-2":
            if scan.isValidUTF8 && scan.containsNonASCII {
                throw ImportError(
                    .wrongEncoding,
                    "Soubor má být podle hlavičky v kódování \(declared ?? ""), ale jeho obsah je v UTF-8. "
                        + "Opravte v hlavičce encoding na \"UTF-8\".")
            }
        case let other?:
            throw ImportError(
                .wrongEncoding,
                "Kódování „\(other)“ Kolektor nečte. Použijte UTF-8 nebo Windows-1250.")
        }
    }

    /// The lower-cased `encoding` pseudo-attribute of the `<?xml …?>` prolog, or nil when there is none.
    static func declaredEncoding(in head: [UInt8]) -> String? {
        let text = String(decoding: head.prefix(300), as: UTF8.self)
        guard text.hasPrefix("<?xml") || text.hasPrefix("\u{FEFF}<?xml"), let end = text.range(of: "?>") else {
            return nil
        }
        let prolog = text[..<end.lowerBound]
        guard let key = prolog.range(of: "encoding") else { return nil }
        let rest = prolog[key.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote }).lowercased()
    }

    private func result() throws -> ImportBatch {
        if let failure { throw failure }
        if let code = parseErrorCode {
            // A file cut off anywhere fails on its last line with whichever libxml2 error the cut produced
            // (5 XML_ERR_DOCUMENT_END, 73 XML_ERR_GT_REQUIRED, 77 XML_ERR_TAG_NOT_FINISHED, …).
            if !rootClosed && (code == 5 || parseErrorLine >= lastLine) { throw XMLDocumentReader.truncated }
            throw ImportError(
                .malformed,
                "Soubor není platné XML (chyba na řádku \(parseErrorLine)). Zkontrolujte, že jde o úplný export "
                    + "z účetního programu.")
        }
        guard let handler else {
            throw ImportError(.malformed, "Soubor neobsahuje žádný XML prvek.")
        }
        guard rootClosed else { throw XMLDocumentReader.truncated }
        return try handler.finish()
    }

    static let truncated = ImportError(
        .truncated, "Soubor je neúplný: XML končí dřív, než se uzavřou všechny prvky. Nahrajte celý soubor znovu.")

    private func fail(_ error: any Error, parser: XMLParser) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        guard failure == nil else { return }
        do {
            if handler == nil {
                handler = try makeHandler(elementName, namespaceURI ?? "", attributeDict)
            }
            path.append(elementName)
            text = ""
            try handler?.start(elementName, path: path, attributes: attributeDict, line: parser.lineNumber)
        } catch {
            fail(error, parser: parser)
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        guard failure == nil else { return }
        do {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            try handler?.end(elementName, path: path, text: trimmed, line: parser.lineNumber)
            path.removeLast()
            text = ""
            if path.isEmpty { rootClosed = true }
        } catch {
            fail(error, parser: parser)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil else { return }
        text += string
        if text.count > limits.maxFieldLength {
            fail(
                ImportError(
                    .malformed,
                    "Prvek „\(path.last ?? "")“ na řádku \(parser.lineNumber) má text delší než "
                        + "\(limits.maxFieldLength) znaků."),
                parser: parser)
        }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if parseErrorCode == nil {
            parseErrorCode = (parseError as NSError).code
            parseErrorLine = parser.lineNumber
        }
    }
}

extension Array where Element == String {
    /// Whether the path ends with the given local names, as in `path.ends(with: "Payment", "Details")`.
    func ends(with suffix: String...) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
