import Domain
import Foundation

/// Reads the CSV import: semicolon-separated, decimal comma, UTF-8 (with or without BOM) or Windows-1250, one
/// header row with Czech column names (see `CSVColumn`), one receivable per row.
///
/// Fields may be quoted with `"` and contain `;`, `""` or line breaks. The file is read in chunks and each row is
/// turned into a receivable as soon as it ends.
enum CSVReader {
    static func read(_ url: URL, limits: ImportLimits, sink: ImportItemSink) throws -> ImportBatch {
        let scan = try InputScan.scan(url, limits: limits)
        try scan.requireText()
        try requireOneEncoding(scan)
        let encoding: TextEncoding = scan.isValidUTF8 ? .utf8 : .windows1250
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw ImportError(.unreadable, "Soubor nelze otevřít pro čtení.")
        }
        defer { try? handle.close() }

        let batch = ImportBatch(format: .csv)
        var splitter = CSVRecordSplitter(maxFieldLength: limits.maxFieldLength)
        var columns: [CSVColumn?]? = nil
        var firstChunk = true
        while let chunk = try? handle.read(upToCount: InputScan.chunkSize), !chunk.isEmpty {
            var bytes = chunk[...]
            if firstChunk, encoding == .utf8, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            firstChunk = false
            for byte in bytes {
                guard let record = try splitter.consume(byte) else { continue }
                try add(record, encoding: encoding, maxFieldLength: limits.maxFieldLength, columns: &columns, sink: sink)
            }
        }
        if let record = try splitter.finish() {
            try add(record, encoding: encoding, maxFieldLength: limits.maxFieldLength, columns: &columns, sink: sink)
        }
        guard columns != nil else {
            throw ImportError(.malformed, "Soubor CSV je prázdný; první řádek musí obsahovat názvy sloupců.")
        }
        return batch
    }

    /// Refuses a file whose first line is UTF-8 with Czech letters but a later line is not: read as Windows-1250,
    /// its header would not match any column, and the user would look for the wrong mistake.
    private static func requireOneEncoding(_ scan: InputScan) throws {
        guard !scan.isValidUTF8, scan.firstInvalidUTF8Line > 1 else { return }
        let firstLine = scan.head.prefix { $0 != 0x0A }
        guard firstLine.contains(where: { $0 >= 0x80 }), firstLine.count < scan.head.count,
            String(validating: firstLine, as: UTF8.self) != nil
        else { return }
        throw ImportError(
            .wrongEncoding,
            "Záhlaví souboru je v kódování UTF-8, ale řádek \(scan.firstInvalidUTF8Line) obsahuje bajty v jiném kódování "
                + "(nejspíš Windows-1250). Uložte celý soubor v UTF-8.")
    }

    private static func add(
        _ record: CSVRecord, encoding: TextEncoding, maxFieldLength: Int, columns: inout [CSVColumn?]?,
        sink: ImportItemSink
    ) throws {
        let fields = record.fields.map { decode($0, encoding: encoding) }
        if fields.allSatisfy({ $0.trimmedSpaces().isEmpty }) { return }
        // The splitter counts bytes (up to four per character); the limit is in characters.
        for (bytes, field) in zip(record.fields, fields) where bytes.count > maxFieldLength {
            if field.count > maxFieldLength {
                throw ImportError(
                    .malformed,
                    "Pole na řádku \(record.line) je delší než \(maxFieldLength) znaků; zkraťte ho v účetním programu.")
            }
        }
        guard let known = columns else {
            columns = try CSVColumn.header(fields, line: record.line)
            return
        }
        var receivable = ImportedReceivable(line: record.line)
        for (index, value) in fields.enumerated() where index < known.count {
            known[index]?.assign(value.trimmedSpaces(), to: &receivable)
        }
        if fields.count > known.count {
            receivable.issues.append(
                ImportIssue(
                    line: record.line, field: "řádek", value: String(fields.count),
                    reason: "řádek má více polí (\(fields.count)) než záhlaví (\(known.count))"))
        }
        if receivable.externalID.isEmpty { receivable.externalID = receivable.invoiceNumber }
        if receivable.debtor.kind.isEmpty, !receivable.debtor.ico.isEmpty { receivable.debtor.kind = "business" }
        try sink(.receivable(receivable))
    }

    private static func decode(_ bytes: [UInt8], encoding: TextEncoding) -> String {
        encoding == .utf8
            ? String(decoding: bytes, as: UTF8.self)
            : String(bytes: bytes, encoding: encoding.foundation) ?? String(decoding: bytes, as: UTF8.self)
    }
}

/// One CSV record as raw bytes per field, with the line it starts on.
struct CSVRecord {
    var line: Int
    var fields: [[UInt8]]
}

/// Splits a byte stream into CSV records (`;` separator, `"` quoting, LF or CRLF line ends).
struct CSVRecordSplitter {
    let maxFieldLength: Int
    static let maxFields = 1_000
    private var fields: [[UInt8]] = []
    private var field: [UInt8] = []
    private var quoted = false
    private var quoteJustClosed = false
    private var line = 1
    private var recordLine = 1
    private var hasContent = false

    init(maxFieldLength: Int) {
        self.maxFieldLength = maxFieldLength
    }

    /// Feeds one byte; returns a record when `byte` ends one.
    mutating func consume(_ byte: UInt8) throws -> CSVRecord? {
        if byte == 0x0A { line += 1 }
        if quoted {
            if byte == 0x22 {
                quoted = false
                quoteJustClosed = true
            } else {
                try append(byte)
            }
            return nil
        }
        switch byte {
        case 0x22:
            if quoteJustClosed { try append(byte) }  // "" inside a quoted field is one quote
            quoted = true
            quoteJustClosed = false
            hasContent = true
        case 0x3B:
            // The guide's columns are a few dozen; thousands of fields on one line are no export and would take
            // memory without bound.
            guard fields.count < CSVRecordSplitter.maxFields else {
                throw ImportError(
                    .malformed,
                    "Řádek \(recordLine) má více než \(CSVRecordSplitter.maxFields) polí oddělených středníkem; "
                        + "soubor nejspíš není CSV podle návodu k importu.")
            }
            fields.append(field)
            field = []
            quoteJustClosed = false
            hasContent = true
        case 0x0D:
            break
        case 0x0A:
            return takeRecord(nextLine: line)
        default:
            quoteJustClosed = false
            try append(byte)
        }
        return nil
    }

    /// Returns the last record when the file does not end with a line break; fails on an unclosed quote.
    mutating func finish() throws -> CSVRecord? {
        if quoted {
            throw ImportError(
                .truncated,
                "Soubor CSV je neúplný: uvozovky otevřené na řádku \(recordLine) se už neuzavřou.")
        }
        return hasContent || !field.isEmpty ? takeRecord(nextLine: line) : nil
    }

    private mutating func append(_ byte: UInt8) throws {
        field.append(byte)
        hasContent = true
        if field.count > maxFieldLength * 4 {
            throw ImportError(
                .malformed, "Pole na řádku \(recordLine) je delší než \(maxFieldLength) znaků; soubor nejspíš není CSV."
            )
        }
    }

    private mutating func takeRecord(nextLine: Int) -> CSVRecord {
        fields.append(field)
        let record = CSVRecord(line: recordLine, fields: fields)
        fields = []
        field = []
        quoteJustClosed = false
        hasContent = false
        recordLine = nextLine
        return record
    }
}
