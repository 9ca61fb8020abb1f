import CLibXML2
import Foundation

/// One import format's reading of an XML document, fed element by element.
protocol XMLFormatHandler: AnyObject {
    /// Receives each declared debtor and each receivable as soon as the handler has read it.
    var emit: ImportItemSink { get set }
    /// Called when an element starts; `path` holds the local names from the root down to this element.
    func start(_ element: String, path: [String], attributes: [String: String], line: Int) throws
    /// Called when an element ends with its own text, trimmed (empty for elements that only contain elements).
    func end(_ element: String, path: [String], text: String, line: Int) throws
    func finish() throws -> ImportBatch
}

/// Streams an XML file through libxml2's SAX2 push parser and hands elements to the handler chosen by the root
/// element.
///
/// The file is read once, in 64 KiB chunks. Each chunk first passes the `InputScanner`, which rejects files over the
/// size limit and any DOCTYPE or ENTITY declaration before the parser reads it (an entity could pull in a local
/// file or expand to gigabytes). Problems of the whole file (bytes that contradict the
/// declared encoding, NUL bytes) are reported after the last chunk, ahead of any parse error they caused. Memory stays
/// bounded by the handler's own state, not by the file size.
final class XMLDocumentReader {
    typealias HandlerFactory = (_ root: String, _ namespace: String, _ attributes: [String: String]) throws
        -> any XMLFormatHandler

    private let limits: ImportLimits
    private let makeHandler: HandlerFactory
    private let sink: ImportItemSink
    private var handler: (any XMLFormatHandler)?
    private var context: xmlParserCtxtPtr?
    private var path: [String] = []
    private var text: [UInt8] = []
    private var rootClosed = false
    private var failure: (any Error)?
    private var parseErrorCode: Int32?
    private var parseErrorLine = 0
    /// Element names as Swift strings, keyed by libxml2's interned name pointer, so each name is decoded once.
    private var names: [UnsafeRawPointer: String] = [:]

    init(limits: ImportLimits, sink: @escaping ImportItemSink, makeHandler: @escaping HandlerFactory) {
        self.limits = limits
        self.sink = sink
        self.makeHandler = makeHandler
        text.reserveCapacity(256)
    }

    /// Reads `url`, passing every debtor and receivable to `sink` as it is read; the returned batch has the rest.
    static func read(
        _ url: URL, limits: ImportLimits, sink: @escaping ImportItemSink = { _ in },
        makeHandler: @escaping HandlerFactory
    ) throws -> ImportBatch {
        guard let file = FileHandle(forReadingAtPath: url.path) else {
            throw ImportError(.unreadable, "Soubor nelze otevřít pro čtení.")
        }
        defer { try? file.close() }
        let reader = XMLDocumentReader(limits: limits, sink: sink, makeHandler: makeHandler)
        // libxml2 prints errors raised outside a parser context (such as a failed encoding conversion) to standard
        // error, with bytes of the file. They are dropped, because the parse error that follows is reported instead.
        xmlSetStructuredErrorFunc(nil, xmlIgnoredError)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        var scanner = InputScanner(limits: limits)
        var chunk = try readChunk(file)
        try scanner.consume(chunk)
        try checkProlog(scanner.head, scanner: scanner)
        // libxml2 reads the encoding from the first bytes, so they go to the constructor and the rest follows.
        let prefixCount = try reader.begin(with: chunk)
        chunk = chunk.dropFirst(prefixCount)
        while true {
            let next = try readChunk(file)
            try scanner.consume(next)
            // A declaration in a later chunk (after a long comment) is refused before libxml2 reads it.
            if scanner.containsDoctype { try checkProlog(scanner.head, scanner: scanner) }
            if scanner.hasTooManyAttributes { throw XMLDocumentReader.tooManyAttributes }
            reader.feed(chunk, terminate: next.isEmpty)
            if next.isEmpty { break }
            chunk = next
        }
        let scan = scanner.finish()
        try scan.requireText()
        try checkProlog(scan.head, scanner: nil, scan: scan)
        return try reader.result(lastLine: scan.lineCount)
    }

    private static func readChunk(_ file: FileHandle) throws -> Data {
        do {
            return try file.read(upToCount: InputScan.chunkSize) ?? Data()
        } catch {
            throw ImportError(.unreadable, "Soubor nelze přečíst.")
        }
    }

    /// Rejects DOCTYPE declarations at once and, once the whole file is scanned, bytes that contradict the encoding
    /// named in the XML prolog.
    static func checkProlog(_ head: [UInt8], scanner: InputScanner?, scan: InputScan? = nil) throws {
        if scanner?.containsDoctype == true || scan?.containsDoctype == true {
            throw ImportError(
                .doctypeForbidden,
                "Soubor obsahuje deklaraci DOCTYPE nebo ENTITY. Z bezpečnostních důvodů ji Kolektor nepřijímá; "
                    + "odstraňte ji a soubor nahrajte znovu.")
        }
        let declared = try declaredEncoding(in: head)
        switch declared {
        case nil, "utf-8", "utf8":
            if let scan, !scan.isValidUTF8 {
                throw ImportError(
                    .wrongEncoding,
                    "Soubor má být podle hlavičky v kódování UTF-8, ale na řádku \(scan.firstInvalidUTF8Line) obsahuje "
                        + "bajty v jiném kódování (nejspíš Windows-1250). Uložte ho v UTF-8 nebo v hlavičce uveďte "
                        + "encoding=\"windows-1250\".")
            }
        case "windows-1250", "cp1250", "iso-8859-2":
            if let scan, scan.isValidUTF8 && scan.containsNonASCII {
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

    /// Returns the lower-cased `encoding` pseudo-attribute of the `<?xml …?>` prolog, or nil when there is none.
    ///
    /// Reads the prolog by the XML grammar, with any XML white space around `=`. A prolog that does not end within
    /// the file's first bytes is rejected, because libxml2 could find an encoding there that this check missed.
    static func declaredEncoding(in head: [UInt8]) throws -> String? {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: Array("?>".utf8)) }) else {
            throw ImportError(
                .malformed,
                "Hlavička souboru (<?xml …?>) není uzavřená ani po \(head.count) bajtech. Zkontrolujte, že jde o export "
                    + "z účetního programu.")
        }
        let prolog = Array(bytes[..<end])
        guard let key = prolog.indices.first(where: { prolog[$0...].starts(with: Array("encoding".utf8)) }) else {
            return nil
        }
        var index = key + 8
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while index < prolog.count, isSpace(prolog[index]) { index += 1 }
        guard index < prolog.count, prolog[index] == UInt8(ascii: "=") else { return "" }
        index += 1
        while index < prolog.count, isSpace(prolog[index]) { index += 1 }
        guard index < prolog.count, prolog[index] == UInt8(ascii: "\"") || prolog[index] == UInt8(ascii: "'") else {
            return ""
        }
        let quote = prolog[index]
        let value = prolog[(index + 1)...].prefix { $0 != quote }
        return String(decoding: value, as: UTF8.self).lowercased()
    }

    // MARK: - Parsing

    /// Creates the push parser with the first bytes of the file and returns how many it took.
    private func begin(with first: Data) throws -> Int {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = xmlStartElement
        sax.endElementNs = xmlEndElement
        sax.characters = xmlCharacters
        sax.cdataBlock = xmlCharacters
        sax.serror = xmlError
        let me = Unmanaged.passUnretained(self).toOpaque()
        let prefix = first.prefix(4)
        context = prefix.withUnsafeBytes { bytes in
            xmlCreatePushParserCtxt(
                &sax, me, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
        }
        guard let context else { throw ImportError(.unreadable, "Soubor nelze otevřít pro čtení.") }
        // No network, no DTD loading, no entity substitution: the file is data, never instructions.
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue))
        return prefix.count
    }

    private func feed(_ chunk: Data, terminate: Bool) {
        guard let context, failure == nil, parseErrorCode == nil else { return }
        chunk.withUnsafeBytes { bytes in
            _ = xmlParseChunk(
                context, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                terminate ? 1 : 0)
        }
    }

    private func result(lastLine: Int) throws -> ImportBatch {
        defer {
            if let context { xmlFreeParserCtxt(context) }
            context = nil
        }
        if let failure { throw failure }
        if handler == nil && parseErrorCode != nil {
            // No element started: nothing but white space or the prolog, which libxml2 reports as an early end.
            throw ImportError(
                .malformed, "Soubor neobsahuje žádná data, jen prázdné řádky nebo hlavičku. Nahrajte celý export znovu.")
        }
        if let code = parseErrorCode {
            // A file cut off anywhere fails at its end with whichever libxml2 error the cut produced
            // (5 XML_ERR_DOCUMENT_END, 73 XML_ERR_GT_REQUIRED, 77 XML_ERR_TAG_NOT_FINISHED, …).
            if !rootClosed && (code == 5 || parseErrorLine >= lastLine) {
                throw XMLDocumentReader.truncated
            }
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

    static let tooManyAttributes = ImportError(
        .malformed,
        "Soubor obsahuje prvek s více než \(InputScanner.maxAttributes) atributy nebo víc než "
            + "\(InputScanner.maxNamespaceDeclarations) deklarací jmenných prostorů (xmlns). Takový export účetní "
            + "program nevytváří; zkontrolujte, odkud soubor pochází.")

    static let truncated = ImportError(
        .truncated, "Soubor je neúplný: XML končí dřív, než se uzavřou všechny prvky. Nahrajte celý soubor znovu.")

    private var line: Int {
        guard let context else { return 0 }
        return Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer(context)))
    }

    private func fail(_ error: any Error) {
        if failure == nil { failure = error }
        if let context { xmlStopParser(context) }
    }

    private func name(_ pointer: UnsafePointer<xmlChar>) -> String {
        let key = UnsafeRawPointer(pointer)
        if let known = names[key] { return known }
        let decoded = String(cString: pointer)
        // Every format has a few dozen names; a file with thousands is hostile and must not grow the cache.
        if names.count < 1_024 { names[key] = decoded }
        return decoded
    }

    fileprivate func startElement(
        _ localName: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?, attributeCount: Int,
        attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard failure == nil else { return }
        let element = name(localName)
        var values: [String: String] = [:]
        if attributeCount > 0, let attributes {
            // Five pointers per attribute: local name, prefix, namespace, value start, value end.
            for index in 0..<attributeCount {
                guard let attributeName = attributes[index * 5], let start = attributes[index * 5 + 3],
                    let end = attributes[index * 5 + 4]
                else { continue }
                let value = UnsafeBufferPointer(start: start, count: end - start)
                values[name(attributeName)] = String(decoding: value, as: UTF8.self)
            }
        }
        do {
            if handler == nil {
                let created = try makeHandler(element, namespace.map { String(cString: $0) } ?? "", values)
                created.emit = sink
                handler = created
            }
            path.append(element)
            text.removeAll(keepingCapacity: true)
            try handler?.start(element, path: path, attributes: values, line: line)
        } catch {
            fail(error)
        }
    }

    fileprivate func endElement() {
        guard failure == nil, let element = path.last else { return }
        do {
            try handler?.end(element, path: path, text: trimmedText(), line: line)
            path.removeLast()
            text.removeAll(keepingCapacity: true)
            if path.isEmpty { rootClosed = true }
        } catch {
            fail(error)
        }
    }

    fileprivate func characters(_ bytes: UnsafePointer<xmlChar>, count: Int) {
        guard failure == nil else { return }
        text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
        // Counted in bytes: at most four per character, so no text within the limit is refused.
        if text.count > limits.maxFieldLength * 4
            || (text.count > limits.maxFieldLength && trimmedText().count > limits.maxFieldLength)
        {
            fail(
                ImportError(
                    .malformed,
                    "Prvek „\(path.last ?? "")“ na řádku \(line) má text delší než \(limits.maxFieldLength) znaků."))
        }
    }

    /// Returns the element's text without leading and trailing white space.
    private func trimmedText() -> String {
        text.withUnsafeBufferPointer { bytes in
            var start = 0
            var end = bytes.count
            while start < end, XMLDocumentReader.isSpace(bytes[start]) { start += 1 }
            while end > start, XMLDocumentReader.isSpace(bytes[end - 1]) { end -= 1 }
            if start == end { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    fileprivate func error(code: Int32, level: xmlErrorLevel, line: Int) {
        guard level.rawValue >= XML_ERR_ERROR.rawValue, parseErrorCode == nil else { return }
        parseErrorCode = code
        parseErrorLine = line
    }
}

// libxml2 calls these C functions with the reader as its user data.

private func reader(_ context: UnsafeMutableRawPointer?) -> XMLDocumentReader {
    Unmanaged<XMLDocumentReader>.fromOpaque(context!).takeUnretainedValue()
}

private let xmlStartElement: startElementNsSAX2Func = {
    context, localName, _, namespace, _, _, attributeCount, _, attributes in
    guard let localName else { return }
    reader(context).startElement(
        localName, namespace: namespace, attributeCount: Int(attributeCount), attributes: attributes)
}

private let xmlEndElement: endElementNsSAX2Func = { context, _, _, _ in
    reader(context).endElement()
}

private let xmlCharacters: charactersSAXFunc = { context, bytes, count in
    guard let bytes else { return }
    reader(context).characters(bytes, count: Int(count))
}

private let xmlIgnoredError: xmlStructuredErrorFunc = { _, _ in }

private let xmlError: xmlStructuredErrorFunc = { context, error in
    guard let error else { return }
    reader(context).error(code: error.pointee.code, level: error.pointee.level, line: Int(error.pointee.line))
}

extension Array where Element == String {
    /// Whether the path ends with the given local names, as in `path.ends(with: "Payment", "Details")`.
    func ends(with suffix: String...) -> Bool {
        guard count >= suffix.count else { return false }
        let offset = count - suffix.count
        for index in suffix.indices where self[offset + index] != suffix[index] { return false }
        return true
    }
}
