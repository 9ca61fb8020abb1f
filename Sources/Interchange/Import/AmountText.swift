import Foundation

/// Tidies amounts written by accounting programs before `Money.parse` reads them.
enum AmountText {
    /// Drops zeros after the second decimal (`396.5800` to `396.58`), which XML exports often write; other digits
    /// there stay, so `Money.parse` rejects a real third decimal.
    static func normalized(_ text: String) -> String {
        var value = text.trimmingCharacters(in: .whitespaces)
        guard let separator = value.lastIndex(where: { $0 == "." || $0 == "," }) else { return value }
        while value.distance(from: separator, to: value.endIndex) > 3, value.hasSuffix("0") {
            value.removeLast()
        }
        return value
    }
}
