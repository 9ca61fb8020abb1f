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
        var scan = InputScan()
        var validator = UTF8Validator()
        var doctypeMatcher = KeywordMatcher(keyword: Array("<!DOCTYPE".utf8))
        var entityMatcher = KeywordMatcher(keyword: Array("<!ENTITY".utf8))
        var line = 1
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: chunkSize) ?? Data()
            } catch {
                throw ImportError(.unreadable, "Soubor nelze přečíst.")
            }
            if chunk.isEmpty { break }
            scan.byteCount += chunk.count
            if scan.byteCount > limits.maxBytes {
                throw ImportError(
                    .tooLarge,
                    "Soubor je větší než povolených \(limits.maxBytes / 1024 / 1024) MiB. Rozdělte ho na menší části.")
            }
            if scan.head.count < 4096 { scan.head += chunk.prefix(4096 - scan.head.count) }
            for byte in chunk {
                if byte == 0 { scan.containsNul = true }
                if byte >= 0x80 { scan.containsNonASCII = true }
                if byte == 0x0A { line += 1 }
                if scan.isValidUTF8 && !validator.consume(byte) {
                    scan.isValidUTF8 = false
                    scan.firstInvalidUTF8Line = line
                }
                if doctypeMatcher.consume(byte) || entityMatcher.consume(byte) { scan.containsDoctype = true }
            }
        }
        if scan.isValidUTF8 && !validator.isComplete {
            scan.isValidUTF8 = false
            scan.firstInvalidUTF8Line = line
        }
        scan.lineCount = line
        scan.startsWithUTF16Mark = scan.head.starts(with: [0xFE, 0xFF]) || scan.head.starts(with: [0xFF, 0xFE])
        return scan
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
