import Delivery
import Domain
import Foundation
import Store

/// The CSV manifest of a day's letter batch for the print shop: `<letters>/<day>/manifest.csv`.
///
/// It is rewritten from the database after every letter added, so a letter delivered again after a crash
/// appears once. Columns: outbox id, file, recipient address lines joined by " | ", registered (ano/ne).
enum LetterManifest {
    static func fileName(outboxID: Int64, kind: String) -> String {
        "\(outboxID)-\(kind).pdf"
    }

    static func write(day: CalendarDate, directory: String, on connection: Connection) throws {
        var lines = ["id;soubor;adresat;doporucene_do_vlastnich_rukou"]
        for entry in try LetterBatchRepository.entries(day: day, on: connection) {
            let recipient = entry.recipient.replacingOccurrences(of: "\n", with: " | ")
            lines.append([
                "\(entry.outboxID)", fileName(outboxID: entry.outboxID, kind: entry.kind), recipient,
                entry.registered ? "ano" : "ne",
            ].map(csvField).joined(separator: ";"))
        }
        try FileDrop(directory: directory + "/" + day.iso)
            .write(Array((lines.joined(separator: "\r\n") + "\r\n").utf8), name: "manifest.csv")
    }

    /// Quotes a field that holds the separator, a quote or a line break, doubling inner quotes.
    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == ";" || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
