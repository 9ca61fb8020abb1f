import CQREncode
import Foundation

/// A QR code symbol as a square matrix of modules, encoded by libqrencode with error-correction level M.
///
/// Level M restores up to about 15 % of damaged modules, enough for a printed sticker that is scratched or
/// slightly out of focus. The value holds only Swift data: libqrencode's result is copied and freed at once.
public struct QRCode: Sendable, Equatable {
    /// Modules per side (21 for version 1, 4 more per version, up to 177).
    public let size: Int
    /// Dark (`true`) and light modules, row by row from the top-left corner.
    public let modules: [Bool]

    /// Modules of light margin that scanners need around the symbol, as ISO/IEC 18004 requires.
    public static let quietZone = 4

    /// Encodes `text` as UTF-8 bytes in the smallest symbol version that fits it.
    ///
    /// Throws `DocumentError` when the text does not fit into the largest symbol (2 331 bytes at level M, version 40).
    public init(encoding text: String) throws(DocumentError) {
        // Byte mode keeps the text exactly, including lower-case letters, which the alphanumeric mode lacks.
        guard let symbol = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else {
            throw DocumentError.qrEncoding("QRcode_encodeString8bit", errno: errno)
        }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        let data = UnsafeBufferPointer(start: symbol.pointee.data, count: width * width)
        // Bit 0 of each byte is the module's colour; the other bits describe its role in the symbol.
        size = width
        modules = data.map { $0 & 1 == 1 }
    }

    /// Whether the module at `row` and `column` (both from zero at the top-left corner) is dark.
    public func isDark(row: Int, column: Int) -> Bool {
        modules[row * size + column]
    }
}
