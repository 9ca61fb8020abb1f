import Foundation

/// The text encodings an import file may use.
enum TextEncoding: Sendable, Equatable {
    case utf8
    case windows1250
    case iso88592

    var foundation: String.Encoding {
        switch self {
        case .utf8: return .utf8
        case .windows1250: return .windowsCP1250
        case .iso88592: return .isoLatin2
        }
    }
}

/// What one streaming pass over the raw bytes found before any parser sees them.
struct InputScan {
    var byteCount = 0
    var isValidUTF8 = true
    /// The line of the first byte sequence that is not UTF-8.
    var firstInvalidUTF8Line = 0
    var containsDoctype = false
    /// The number of lines, counting a last line without a line break.
    var lineCount = 0
    var containsNul = false
    /// Whether one element has more than `InputScanner.maxAttributes` attributes (counted as values after `=`), or
    /// the file more than `InputScanner.maxNamespaceDeclarations` namespace declarations.
    var hasTooManyAttributes = false
    var containsNonASCII = false
    var startsWithUTF16Mark = false
    /// The first bytes, for sniffing the XML prolog and the root element.
    var head: [UInt8] = []

    static let chunkSize = 64 * 1024

    /// Reads the file once in fixed-size chunks, so memory stays constant whatever the file size.
    ///
    /// Fails with `.tooLarge` as soon as the limit is passed and `.unreadable` when the file cannot be opened.
    static func scan(_ url: URL, limits: ImportLimits) throws(ImportError) -> InputScan {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw ImportError(.unreadable, "Soubor nelze otevřít pro čtení.")
        }
        defer { try? handle.close() }
        var scanner = InputScanner(limits: limits)
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: chunkSize) ?? Data()
            } catch {
                throw ImportError(.unreadable, "Soubor nelze přečíst.")
            }
            if chunk.isEmpty { break }
            try scanner.consume(chunk)
        }
        return scanner.finish()
    }

    /// Rejects files that are not text in an encoding Kolektor reads: UTF-16 and binary files (NUL bytes).
    func requireText() throws(ImportError) {
        if startsWithUTF16Mark || containsNul {
            throw ImportError(
                .wrongEncoding,
                "Soubor není text v kódování UTF-8 ani Windows-1250 (obsahuje znaky UTF-16 nebo binární data). "
                    + "Uložte ho v kódování UTF-8.")
        }
    }
}

/// Scans a file chunk by chunk as it is read, for readers that parse the same chunks.
struct InputScanner {
    let limits: ImportLimits
    private var scan = InputScan()
    private var validator = UTF8Validator()
    private var doctypeMatcher = KeywordMatcher(keyword: Array("<!DOCTYPE".utf8))
    private var entityMatcher = KeywordMatcher(keyword: Array("<!ENTITY".utf8))
    private var namespaceMatcher = KeywordMatcher(keyword: Array("xmlns".utf8))
    private var namespaceDeclarations = 0
    /// Import formats declare a handful of namespaces. libxml2 looks every prefixed name up through all the
    /// declarations in scope, so thousands of them make parsing quadratic.
    static let maxNamespaceDeclarations = 1_000
    private var line = 1
    private var attributesInTag = 0
    private var afterEquals = false
    static let maxAttributes = 1_000

    init(limits: ImportLimits) {
        self.limits = limits
    }

    var head: [UInt8] { scan.head }
    var containsDoctype: Bool { scan.containsDoctype }
    var hasTooManyAttributes: Bool { scan.hasTooManyAttributes }

    /// Takes the next chunk; fails with `.tooLarge` as soon as the file passes the size limit.
    mutating func consume(_ chunk: Data) throws(ImportError) {
        scan.byteCount += chunk.count
        if scan.byteCount > limits.maxBytes {
            throw ImportError(
                .tooLarge,
                "Soubor je větší než povolených \(limits.maxBytes / 1024 / 1024) MiB. Rozdělte ho na menší části.")
        }
        if scan.head.count < 4096 { scan.head += chunk.prefix(4096 - scan.head.count) }
        chunk.withUnsafeBytes { raw in consume(raw.bindMemory(to: UInt8.self)) }
    }

    private mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            // Plain ASCII outside a multi-byte sequence is by far the most common byte, so it takes the short path.
            if byte < 0x80 && validator.isComplete {
                switch byte {
                case 0x0A:
                    line += 1
                case 0x09, 0x0D, 0x20:
                    break
                case 0:
                    scan.containsNul = true
                    afterEquals = false
                case UInt8(ascii: "<"):
                    attributesInTag = 0
                    afterEquals = false
                case UInt8(ascii: "="):
                    afterEquals = true
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if afterEquals { countAttribute() }
                default:
                    afterEquals = false
                }
                if byte == UInt8(ascii: "<") || doctypeMatcher.isMatching || entityMatcher.isMatching {
                    if doctypeMatcher.consume(byte) || entityMatcher.consume(byte) { scan.containsDoctype = true }
                }
                if byte == UInt8(ascii: "x") || byte == UInt8(ascii: "X") || namespaceMatcher.isMatching {
                    if namespaceMatcher.consume(byte) { countNamespace() }
                }
                continue
            }
            afterEquals = false
            if byte >= 0x80 { scan.containsNonASCII = true }
            if scan.isValidUTF8 && !validator.consume(byte) {
                scan.isValidUTF8 = false
                scan.firstInvalidUTF8Line = line
                validator = UTF8Validator()
            }
            if byte == 0x0A { line += 1 }
            if doctypeMatcher.consume(byte) || entityMatcher.consume(byte) { scan.containsDoctype = true }
            if namespaceMatcher.consume(byte) { countNamespace() }
        }
    }

    private mutating func countNamespace() {
        namespaceDeclarations += 1
        if namespaceDeclarations > InputScanner.maxNamespaceDeclarations { scan.hasTooManyAttributes = true }
    }

    /// Counts a value opening after `=` since the last `<`. libxml2 checks each attribute of an element against all
    /// earlier ones: an element with 400 000 attributes took 40 s to parse. No import format needs more than a
    /// handful.
    private mutating func countAttribute() {
        afterEquals = false
        attributesInTag += 1
        if attributesInTag > InputScanner.maxAttributes { scan.hasTooManyAttributes = true }
    }

    /// Returns the scan of the whole file.
    func finish() -> InputScan {
        var result = scan
        if result.isValidUTF8 && !validator.isComplete {
            result.isValidUTF8 = false
            result.firstInvalidUTF8Line = line
        }
        result.lineCount = line
        result.startsWithUTF16Mark =
            result.head.starts(with: [0xFE, 0xFF]) || result.head.starts(with: [0xFF, 0xFE])
        return result
    }
}

/// Checks UTF-8 one byte at a time: lead bytes, continuation bytes, overlong forms and surrogates.
struct UTF8Validator {
    private var pending = 0
    private var minimum: UInt32 = 0
    private var value: UInt32 = 0

    var isComplete: Bool { pending == 0 }

    mutating func consume(_ byte: UInt8) -> Bool {
        if pending > 0 {
            guard byte & 0xC0 == 0x80 else { return false }
            value = value << 6 | UInt32(byte & 0x3F)
            pending -= 1
            if pending == 0 {
                return value >= minimum && value <= 0x10FFFF && !(0xD800...0xDFFF).contains(value)
            }
            return true
        }
        switch byte {
        case 0x00...0x7F:
            return true
        case 0xC2...0xDF:
            (pending, minimum, value) = (1, 0x80, UInt32(byte & 0x1F))
        case 0xE0...0xEF:
            (pending, minimum, value) = (2, 0x800, UInt32(byte & 0x0F))
        case 0xF0...0xF4:
            (pending, minimum, value) = (3, 0x10000, UInt32(byte & 0x07))
        default:
            return false
        }
        return true
    }
}

/// Finds an ASCII keyword case-insensitively in a byte stream that arrives in chunks.
struct KeywordMatcher {
    let keyword: [UInt8]
    private var matched = 0

    /// Whether part of the keyword has been seen, so the next byte must be looked at.
    var isMatching: Bool { matched > 0 }

    init(keyword: [UInt8]) {
        self.keyword = keyword.map(KeywordMatcher.upper)
    }

    /// Returns true when `byte` completes the keyword.
    mutating func consume(_ byte: UInt8) -> Bool {
        let upper = KeywordMatcher.upper(byte)
        if upper == keyword[matched] {
            matched += 1
            if matched == keyword.count {
                matched = 0
                return true
            }
        } else {
            matched = upper == keyword[0] ? 1 : 0
        }
        return false
    }

    private static func upper(_ byte: UInt8) -> UInt8 {
        (0x61...0x7A).contains(byte) ? byte - 0x20 : byte
    }
}
