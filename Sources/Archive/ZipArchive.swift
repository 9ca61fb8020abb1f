import CZlib
import Foundation

/// A reading of a ZIP archive held in memory: its central directory and the extraction of one entry.
///
/// Supports stored (method 0) and deflated (method 8) entries, which is what `.isdocx` packages use. ZIP64,
/// encryption and multi-disk archives are rejected. Extraction stops at `maxBytes` of output, so a compression bomb
/// cannot exhaust memory, and checks the CRC-32.
public struct ZipArchive {
    public struct Entry: Sendable {
        public var name: String
        var method: UInt16
        var flags: UInt16
        var crc32: UInt32
        var compressedSize: Int
        public var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    /// A failure to read the archive; `description` is a Czech sentence for the user.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private let bytes: [UInt8]
    public let entries: [Entry]

    public init(bytes: [UInt8]) throws {
        self.bytes = bytes
        entries = try ZipArchive.readCentralDirectory(bytes)
    }

    /// Extracts an entry, failing when its output would exceed `maxBytes` or its CRC-32 does not match.
    public func extract(_ entry: Entry, maxBytes: Int) throws -> [UInt8] {
        guard entry.flags & 0x1 == 0 else { throw Failure(description: "Soubor v archivu ZIP je zašifrovaný.") }
        guard entry.uncompressedSize <= maxBytes else {
            throw Failure(description: "Soubor v archivu ZIP je větší než povolených \(maxBytes / 1024 / 1024) MiB.")
        }
        let offset = entry.localHeaderOffset
        guard offset + 30 <= bytes.count, ZipArchive.uint32(bytes, offset) == 0x0403_4B50 else {
            throw ZipArchive.damaged
        }
        let start =
            offset + 30 + Int(ZipArchive.uint16(bytes, offset + 26)) + Int(ZipArchive.uint16(bytes, offset + 28))
        guard start + entry.compressedSize <= bytes.count else { throw ZipArchive.damaged }
        let data = bytes[start..<(start + entry.compressedSize)]
        let output: [UInt8]
        switch entry.method {
        case 0: output = Array(data)
        case 8: output = try ZipArchive.inflate(Array(data), maxBytes: maxBytes)
        default: throw Failure(description: "Archiv ZIP používá nepodporovanou kompresi (metoda \(entry.method)).")
        }
        let checksum = output.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        guard checksum == entry.crc32, output.count == entry.uncompressedSize else { throw ZipArchive.damaged }
        return output
    }

    static let damaged = Failure(description: "Archiv ZIP je poškozený nebo neúplný.")

    private static func readCentralDirectory(_ bytes: [UInt8]) throws -> [Entry] {
        // The end-of-central-directory record sits in the last 22 bytes plus a comment of at most 65 535 bytes.
        let lowest = max(0, bytes.count - 22 - 65_535)
        var end = bytes.count - 22
        while end >= lowest, uint32(bytes, end) != 0x0605_4B50 { end -= 1 }
        guard end >= lowest, end >= 0 else { throw damaged }
        let count = Int(uint16(bytes, end + 10))
        var offset = Int(uint32(bytes, end + 16))
        guard count != 0xFFFF, offset != 0xFFFF_FFFF else {
            throw Failure(description: "Archivy ZIP64 Kolektor nečte.")
        }
        var entries: [Entry] = []
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, uint32(bytes, offset) == 0x0201_4B50 else { throw damaged }
            let nameLength = Int(uint16(bytes, offset + 28))
            let extraLength = Int(uint16(bytes, offset + 30))
            let commentLength = Int(uint16(bytes, offset + 32))
            guard offset + 46 + nameLength <= bytes.count else { throw damaged }
            entries.append(
                Entry(
                    name: String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self),
                    method: uint16(bytes, offset + 10), flags: uint16(bytes, offset + 8),
                    crc32: uint32(bytes, offset + 16), compressedSize: Int(uint32(bytes, offset + 20)),
                    uncompressedSize: Int(uint32(bytes, offset + 24)),
                    localHeaderOffset: Int(uint32(bytes, offset + 42))))
            offset += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    /// Inflates raw DEFLATE data (no zlib header), stopping with an error past `maxBytes`.
    private static func inflate(_ input: [UInt8], maxBytes: Int) throws -> [UInt8] {
        var stream = z_stream()
        // Negative window bits select raw DEFLATE, the form ZIP entries use.
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw damaged
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = input
        let status: Int32 = input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = uInt(inputBuffer.count)
            while true {
                let result: Int32 = chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = uInt(chunkBuffer.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                output += chunk[0..<(chunk.count - Int(stream.avail_out))]
                if output.count > maxBytes { return Z_MEM_ERROR }
                if result == Z_STREAM_END { return Z_OK }
                if result != Z_OK { return result }
                if stream.avail_in == 0 && stream.avail_out != 0 { return Z_DATA_ERROR }
            }
        }
        guard status == Z_OK else { throw damaged }
        return output
    }

    static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        guard offset >= 0, offset + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        guard offset >= 0, offset + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }
}
