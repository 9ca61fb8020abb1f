import Domain
import Foundation

/// Tidies amounts written by accounting programs before `Money.parse` reads them.
enum AmountText {
    /// Drops zeros after the second decimal (`396.5800` to `396.58`), which XML exports often write; other digits
    /// there stay, so `Money.parse` rejects a real third decimal.
    static func normalized(_ text: String) -> String {
        let value = text.trimmedSpaces()
        let bytes = Array(value.utf8)
        guard let separator = bytes.lastIndex(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }) else {
            return value
        }
        var end = bytes.count
        while end - separator > 3, bytes[end - 1] == UInt8(ascii: "0") { end -= 1 }
        return end == bytes.count ? value : String(decoding: bytes[..<end], as: UTF8.self)
    }
}
