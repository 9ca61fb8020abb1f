import Foundation

/// Paths to the public sample files next to the repository and temporary files for hand-written fixtures.
enum Fixtures {
    /// The repository root, three levels above this file (`Tests/InterchangeTests/Fixtures.swift`).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A sample file from `../shared/samples` beside the repository root.
    static func sample(_ path: String) -> URL {
        repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/samples/\(path)")
    }

    /// Writes `bytes` to a new temporary file with the given name and returns its URL.
    static func file(_ name: String, bytes: [UInt8]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kolektor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static func file(_ name: String, text: String) throws -> URL {
        try file(name, bytes: Array(text.utf8))
    }

    /// Encodes Czech text as Windows-1250.
    static func windows1250(_ text: String) -> [UInt8] {
        Array(text.data(using: .windowsCP1250)!)
    }

    /// A Kolektor XML file with one business debtor and the given receivable elements.
    static func kolektorXML(creditorICO: String = "25097563", receivables: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <import xmlns="https://kolektor.cz/ns/import/1" version="1">
          <creditor><ico>\(creditorICO)</ico><name>Věřitel s.r.o.</name></creditor>
          <debtors>
            <debtor id="D1" kind="business">
              <name>Odběratel a.s.</name>
              <ico>45317054</ico>
              <dic>CZ45317054</dic>
              <address><street>Dlouhá 1</street><city>Praha 1</city><postalCode>110 00</postalCode><country>CZ</country></address>
              <email>ucetni@odberatel.cz</email>
              <mobile>+420 601 234 567</mobile>
              <language>cs</language>
            </debtor>
            <debtor id="D2" kind="consumer">
              <name>Jana Nováková</name>
              <birthDate>1980-05-17</birthDate>
              <address><street>Krátká 2</street><city>Brno</city><postalCode>602 00</postalCode></address>
              <email>jana@example.cz</email>
            </debtor>
          </debtors>
          <receivables>
        \(receivables)
          </receivables>
        </import>
        """
    }

    static func receivable(
        _ number: String, debtor: String = "D1", due: String = "2026-11-30", total: String = "1000.00",
        remaining: String = "1000.00", status: String = "open"
    ) -> String {
        """
            <receivable debtor="\(debtor)">
              <externalId>\(number)</externalId><invoiceNumber>\(number)</invoiceNumber>
              <variableSymbol>\(number.filter(\.isNumber))</variableSymbol>
              <issueDate>2026-11-01</issueDate><dueDate>\(due)</dueDate>
              <currency>CZK</currency><total>\(total)</total><remaining>\(remaining)</remaining><status>\(status)</status>
            </receivable>
        """
    }
}
