import Crypto
import Domain
import Foundation
import Interchange
import Roles
import Store
import Testing

/// Imports through `ImportService` into a real database: supplier check, reconciliation, credit notes, debtor
/// matching, rejection of hostile files.
@Suite(.serialized) struct ImportTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/samples")

    let fixture: PortalFixture
    let service: ImportService

    init() throws {
        fixture = try PortalFixture()
        service = ImportService(now: fixture.clock.now)
    }

    func importFile(
        _ url: URL, into organization: Organization? = nil, mode: ImportMode = .delta, partial: Bool = false,
        limits: ImportLimits = ImportLimits()
    ) throws -> ImportBatchSummary {
        var service = self.service
        service.limits = limits
        return try service.importFile(
            at: url, fileName: url.lastPathComponent, organization: organization ?? fixture.creditorA, actor: "test",
            mode: mode, partial: partial, on: fixture.connection)
    }

    func importXML(_ xml: String, mode: ImportMode = .delta, partial: Bool = false) throws -> ImportBatchSummary {
        try importFile(try TempFile.write("import.xml", text: xml), mode: mode, partial: partial)
    }

    /// Every receivable of creditor A as `external id status remaining/total`, sorted.
    func receivableStates() throws -> [String] {
        try ReceivableRepository.all(organizationID: fixture.creditorA.id, on: fixture.connection)
            .map { "\($0.externalID) \($0.status.rawValue) \($0.remaining.minorUnits)/\($0.total.minorUnits)" }
            .sorted()
    }

    func count(_ table: String) throws -> Int64 {
        try fixture.connection.query(SQL(unsafeRaw: "SELECT count(*) AS n FROM \(table)")).first!.int("n")
    }

    // MARK: ISDOC sample

    @Test func isdocSampleImportsForItsSupplier() throws {
        let batch = try importFile(Self.samples.appendingPathComponent("isdoc/sample.isdoc"))
        #expect(batch.status == .applied)
        #expect(batch.newCount == 2)
        let stored = try ReceivableRepository.all(organizationID: fixture.creditorA.id, on: fixture.connection)
        #expect(stored.count == 2)
        #expect(stored.map(\.dueDate) == [CalendarDate(iso: "2013-03-13")!, CalendarDate(iso: "2013-06-30")!])
        #expect(stored.map(\.variableSymbol) == ["111999", "111999"])
        #expect(stored.map(\.invoiceNumber) == ["FV-111999/2011", "FV-111999/2011"])
        #expect(
            stored.map(\.total) == [Money(minorUnits: 790, currency: .eur), Money(minorUnits: 790, currency: .eur)])
        #expect(stored.allSatisfy { $0.remaining.currency == .eur })
        #expect(stored.allSatisfy { $0.timeBarred })
        #expect(stored.allSatisfy { $0.debtorName == "Ministerstvo financí ČR" })
    }

    @Test func isdocSampleRejectedForOtherCreditor() throws {
        let batch = try importFile(
            Self.samples.appendingPathComponent("isdoc/sample.isdoc"), into: fixture.creditorB)
        #expect(batch.status == .rejected)
        #expect(batch.message.contains("25097563"))
        #expect(batch.message.contains("45317054"))
        #expect(try ReceivableRepository.all(organizationID: fixture.creditorB.id, on: fixture.connection).isEmpty)
        #expect(try count("receivables") == 0)
    }

    // MARK: Reconciliation

    @Test func snapshotClosesMissingAndRepeatChangesNothing() throws {
        let first = Samples.kolektorXML(
            receivables: Samples.receivable("FV-1") + Samples.receivable("FV-2") + Samples.receivable("FV-3"))
        let initial = try importXML(first, mode: .snapshot)
        #expect(initial.status == .applied)
        #expect(initial.newCount == 3)

        let snapshot = Samples.kolektorXML(
            receivables: Samples.receivable("FV-1", remaining: "400.00") + Samples.receivable("FV-2"))
        let second = try importXML(snapshot, mode: .snapshot)
        #expect(second.status == .applied)
        #expect(second.newCount == 0)
        #expect(second.updatedCount == 1)
        #expect(second.paidCount == 1)
        #expect(second.unchangedCount == 1)
        let expected = ["FV-1 open 40000/100000", "FV-2 open 100000/100000", "FV-3 paid 0/100000"]
        #expect(try receivableStates() == expected)
        let changes = try ImportBatchRepository.changes(
            batchID: second.id, organizationID: fixture.creditorA.id, on: fixture.connection)
        #expect(changes.map(\.kind) == [.paid, .partialPayment])
        #expect(changes.first?.line == 0)

        let changesBefore = try count("receivable_changes")
        let historyBefore = try count("debtor_history")
        let debtorsBefore = try count("debtors")
        let third = try importXML(snapshot, mode: .snapshot)
        #expect(third.status == .applied)
        #expect(third.newCount == 0)
        #expect(third.updatedCount == 0)
        #expect(third.paidCount == 0)
        #expect(third.cancelledCount == 0)
        #expect(third.unchangedCount == 2)
        #expect(try receivableStates() == expected)
        #expect(try count("receivable_changes") == changesBefore)
        #expect(try count("debtor_history") == historyBefore)
        #expect(try count("debtors") == debtorsBefore)
    }

    @Test func deltaKeepsUnlistedAndAppliesStatuses() throws {
        _ = try importXML(
            Samples.kolektorXML(
                receivables: Samples.receivable("FV-1") + Samples.receivable("FV-2") + Samples.receivable("FV-3")))
        let delta = try importXML(
            Samples.kolektorXML(
                receivables: Samples.receivable("FV-1", remaining: "0.00")
                    + Samples.receivable("FV-2", status: "cancelled") + Samples.receivable("FV-4")))
        #expect(delta.newCount == 1)
        #expect(delta.paidCount == 1)
        #expect(delta.cancelledCount == 1)
        #expect(
            try receivableStates() == [
                "FV-1 paid 0/100000", "FV-2 cancelled 100000/100000", "FV-3 open 100000/100000",
                "FV-4 open 100000/100000",
            ])
    }

    @Test func timeBarredReceivableIsMarked() throws {
        _ = try importXML(
            Samples.kolektorXML(receivables: Samples.receivable("FV-OLD", due: "2023-12-01", issued: "2023-11-01")))
        let stored = try #require(
            try ReceivableRepository.find(
                externalID: "FV-OLD", organizationID: fixture.creditorA.id, on: fixture.connection))
        #expect(stored.timeBarred)
        #expect(stored.status == .open)
    }

    @Test func kolektorXMLOfOtherCreditorIsRejected() throws {
        let batch = try importXML(Samples.kolektorXML(creditorICO: "27082440", receivables: Samples.receivable("FV-1")))
        #expect(batch.status == .rejected)
        #expect(batch.message.contains("27082440"))
        #expect(batch.message.contains("25097563"))
        #expect(try count("receivables") == 0)
    }

    // MARK: Invalid rows

    @Test func invalidRowRejectsWholeFile() throws {
        let xml = Samples.kolektorXML(
            receivables: Samples.receivable("FV-1") + Samples.receivable("FV-2", due: "2026-10-01"))
        let batch = try importXML(xml)
        #expect(batch.status == .rejected)
        #expect(batch.rejectedCount == 1)
        #expect(batch.issues.first?.field == "datum splatnosti")
        #expect(batch.reportText.contains("datum splatnosti je dřívější"))
        #expect(try count("receivables") == 0)
        #expect(try count("debtors") == 3)
    }

    @Test func partialImportAppliesValidRows() throws {
        let xml = Samples.kolektorXML(
            receivables: Samples.receivable("FV-1") + Samples.receivable("FV-2", total: "-5", remaining: ""))
        let batch = try importXML(xml, mode: .snapshot, partial: true)
        #expect(batch.status == .applied)
        #expect(batch.newCount == 1)
        #expect(batch.rejectedCount == 1)
        #expect(try receivableStates() == ["FV-1 open 100000/100000"])
    }

    @Test func partialSnapshotKeepsReceivableOfInvalidRow() throws {
        _ = try importXML(Samples.kolektorXML(receivables: Samples.receivable("FV-1") + Samples.receivable("FV-2")))
        let xml = Samples.kolektorXML(
            receivables: Samples.receivable("FV-1") + Samples.receivable("FV-2", status: "nevím"))
        let batch = try importXML(xml, mode: .snapshot, partial: true)
        #expect(batch.paidCount == 0)
        #expect(try receivableStates() == ["FV-1 open 100000/100000", "FV-2 open 100000/100000"])
    }

    @Test func invalidDeclaredDebtorRejectsRows() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <import xmlns="https://kolektor.cz/ns/import/1" version="1">
              <creditor><ico>25097563</ico></creditor>
              <debtors>
                <debtor id="OK" kind="business"><name>Platný s.r.o.</name><ico>00006947</ico></debtor>
                <debtor id="BAD" kind="business"><name>Chybný s.r.o.</name><ico>12345678</ico></debtor>
                <debtor id="UNUSED" kind="business"><name>Nevyužitý s.r.o.</name><ico>49240005</ico></debtor>
              </debtors>
              <receivables>
            \(Samples.receivable("FV-1", debtor: "OK"))
            \(Samples.receivable("FV-2", debtor: "BAD"))
            \(Samples.receivable("FV-3", debtor: "BAD"))
              </receivables>
            </import>
            """
        let debtorsBefore = try count("debtors")
        let batch = try importXML(xml, mode: .delta, partial: true)
        #expect(batch.status == .applied)
        #expect(batch.newCount == 1)
        #expect(batch.rejectedCount == 2)
        let lines = xml.split(separator: "\n", omittingEmptySubsequences: false)
        let lineOf = { (number: String) in
            lines.firstIndex { $0.contains("<externalId>\(number)</externalId>") }! + 1
        }
        // Each rejected row reports the debtor's IČO on its own line (where its receivable element starts).
        #expect(batch.issues.map(\.field) == ["IČO", "IČO"])
        #expect(batch.issues.map(\.value) == ["12345678", "12345678"])
        #expect(batch.issues[0].line > lineOf("FV-1"))
        #expect(batch.issues[0].line < lineOf("FV-2"))
        #expect(batch.issues[1].line > lineOf("FV-2"))
        #expect(batch.issues[1].line < lineOf("FV-3"))
        #expect(try receivableStates() == ["FV-1 open 100000/100000"])
        // Only the debtor of the applied row is created; the invalid and the unused one are not.
        #expect(try count("debtors") == debtorsBefore + 1)
        let names = try fixture.connection.query(
            "SELECT name FROM debtors WHERE organization_id = \(fixture.creditorA.id) AND ico IN ('12345678', '49240005')")
        #expect(names.rows.isEmpty)
    }

    @Test func oneLineDebtorsKeepReceivables() throws {
        // Minified XML: every element on line 1, so lines cannot tell the two debtors apart.
        let xml = Samples.kolektorXML(
            receivables: Samples.receivable("FV-A", debtor: "D1") + Samples.receivable("FV-B", debtor: "D2")
        ).replacingOccurrences(of: "\n", with: "")
        let batch = try importXML(xml)
        #expect(batch.status == .applied)
        #expect(batch.newCount == 2)
        let owners = try fixture.connection.query(
            """
            SELECT r.external_id, d.name FROM receivables r JOIN debtors d ON d.id = r.debtor_id
            WHERE r.organization_id = \(fixture.creditorA.id) ORDER BY r.external_id
            """
        ).rows.map { "\(try $0.string("external_id")) \(try $0.string("name"))" }
        #expect(owners == ["FV-A Odběratel a.s.", "FV-B Jana Nováková"])
    }

    @Test func batchRecordsFileDigest() throws {
        let text = Samples.kolektorXML(receivables: Samples.receivable("FV-1"))
        let batch = try importXML(text)
        let stored = try fixture.connection.query(
            "SELECT file_sha256 FROM import_batches WHERE id = \(batch.id)"
        ).first!.string("file_sha256")
        #expect(stored == Digest.sha256(Array(text.utf8)).hexString)
    }

    @Test func sameLineDuplicateKeepsFirst() throws {
        let xml = Samples.kolektorXML(
            receivables: Samples.receivable("DUP-1") + Samples.receivable("DUP-1", total: "2000.00", remaining: "2000.00")
        ).replacingOccurrences(of: "\n", with: "")
        let batch = try importXML(xml, partial: true)
        #expect(batch.status == .applied)
        #expect(batch.newCount == 1)
        #expect(batch.rejectedCount == 1)
        #expect(batch.issues.map(\.field) == ["číslo faktury"])
        #expect(batch.issues.first?.reason.contains("na tomto řádku vícekrát") == true)
        #expect(try receivableStates() == ["DUP-1 open 100000/100000"])
    }

    @Test func twoSuppliersAreRejected() throws {
        let xml = Samples.kolektorXML(receivables: Samples.receivable("FV-1")).replacingOccurrences(
            of: "<creditor>", with: "<creditor><ico>27082440</ico></creditor><creditor>")
        let batch = try importXML(xml)
        #expect(batch.status == .rejected)
        #expect(batch.message.contains("27082440"))
        #expect(batch.message.contains("25097563"))
        #expect(try count("receivables") == 0)
    }

    @Test func invalidPartialSnapshotClosesNothing() throws {
        _ = try importXML(Samples.kolektorXML(receivables: Samples.receivable("FV-1") + Samples.receivable("FV-2")))
        let xml = Samples.kolektorXML(
            receivables: Samples.receivable("FV-3", total: "-5", remaining: "")
                + Samples.receivable("FV-4", due: "2026-10-01"))
        let batch = try importXML(xml, mode: .snapshot, partial: true)
        #expect(batch.status == .rejected)
        #expect(batch.message.contains("žádnou platnou pohledávku"))
        #expect(try receivableStates() == ["FV-1 open 100000/100000", "FV-2 open 100000/100000"])
    }

    @Test func reportCapsListedIssues() throws {
        let rows = (1...1_500).map { "FV-\($0);není datum;100;Jan Novák" }.joined(separator: "\n")
        let url = try TempFile.write("many.csv", text: "číslo faktury;datum splatnosti;částka;název\n" + rows + "\n")
        let batch = try importFile(url)
        #expect(batch.status == .rejected)
        #expect(batch.rejectedCount == 1_500)
        #expect(batch.issues.count == 1_000)
        #expect(batch.message.contains("1500 chybných řádků"))
        #expect(try count("receivables") == 0)
    }

    // MARK: Credit notes

    func creditNote(_ number: String, amount: String) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <Invoice xmlns="http://isdoc.cz/namespace/2013" version="6.0.2">
          <DocumentType>2</DocumentType><ID>\(number)</ID><UUID>\(number)</UUID><IssueDate>2026-11-20</IssueDate>
          <LocalCurrencyCode>CZK</LocalCurrencyCode>
          <AccountingSupplierParty><Party><PartyIdentification><ID>25097563</ID></PartyIdentification></Party></AccountingSupplierParty>
          <OriginalDocumentReferences><OriginalDocumentReference id="o"><ID>FV-1</ID></OriginalDocumentReference></OriginalDocumentReferences>
          <LegalMonetaryTotal><TaxInclusiveAmount>\(amount)</TaxInclusiveAmount><PayableAmount>\(amount)</PayableAmount></LegalMonetaryTotal>
        </Invoice>
        """
    }

    @Test func creditNoteReducesThenCancels() throws {
        _ = try importXML(Samples.kolektorXML(receivables: Samples.receivable("FV-1")))
        let partial = try importFile(try TempFile.write("db1.isdoc", text: creditNote("DB-1", amount: "-300.00")))
        #expect(partial.status == .applied)
        #expect(partial.updatedCount == 1)
        #expect(try receivableStates() == ["FV-1 open 70000/100000"])

        let repeated = try importFile(try TempFile.write("db1.isdoc", text: creditNote("DB-1", amount: "-300.00")))
        #expect(repeated.updatedCount == 0)
        #expect(try receivableStates() == ["FV-1 open 70000/100000"])

        let full = try importFile(try TempFile.write("db2.isdoc", text: creditNote("DB-2", amount: "1000.00")))
        #expect(full.cancelledCount == 1)
        #expect(try receivableStates() == ["FV-1 cancelled 0/100000"])
    }

    @Test func creditNoteForUnknownInvoiceRejectsFile() throws {
        let batch = try importFile(try TempFile.write("db.isdoc", text: creditNote("DB-9", amount: "10.00")))
        #expect(batch.status == .rejected)
        #expect(batch.issues.first?.value == "FV-1")
        #expect(try count("credit_notes") == 0)
    }

    // MARK: Debtors

    @Test func debtorMatchedByICORecordsContactChange() throws {
        _ = try importXML(Samples.kolektorXML(receivables: Samples.receivable("FV-1")))
        let debtorsBefore = try count("debtors")
        let changed = Samples.kolektorXML(receivables: Samples.receivable("FV-2"))
            .replacingOccurrences(of: "ucetni@odberatel.cz", with: "fakturace@odberatel.cz")
        _ = try importXML(changed)
        #expect(try count("debtors") == debtorsBefore)
        let history = try fixture.connection.query(
            "SELECT field, old_value, new_value FROM debtor_history ORDER BY id")
        #expect(history.rows.count == 1)
        #expect(history.first?["field"] == "email")
        #expect(history.first?["old_value"] == "ucetni@odberatel.cz")
        #expect(history.first?["new_value"] == "fakturace@odberatel.cz")
    }

    @Test func consumerMatchedByNameAndAddress() throws {
        _ = try importXML(Samples.kolektorXML(receivables: Samples.receivable("FV-1", debtor: "D2")))
        let debtorsBefore = try count("debtors")
        _ = try importXML(Samples.kolektorXML(receivables: Samples.receivable("FV-2", debtor: "D2")))
        #expect(try count("debtors") == debtorsBefore)
        let ids = try fixture.connection.query("SELECT DISTINCT debtor_id FROM receivables")
        #expect(ids.rows.count == 1)
    }

    // MARK: Hostile files

    enum Hostile: String, CaseIterable, Sendable {
        case doctype, entityExpansion, oversize, truncated, wrongEncoding
    }

    func hostileFile(_ kind: Hostile) throws -> (URL, ImportLimits) {
        let valid = Samples.kolektorXML(receivables: Samples.receivable("FV-1", remaining: "1.00"))
        switch kind {
        case .doctype:
            let xml = valid.replacingOccurrences(
                of: "<import ", with: "<!DOCTYPE import [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<import ")
            return (try TempFile.write("xxe.xml", text: xml), ImportLimits())
        case .entityExpansion:
            let xml =
                "<?xml version=\"1.0\"?><!DOCTYPE b [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><b>&b;</b>"
            return (try TempFile.write("bomb.xml", text: xml), ImportLimits())
        case .oversize:
            return (try TempFile.write("big.xml", text: valid), ImportLimits(maxBytes: 512))
        case .truncated:
            return (try TempFile.write("cut.xml", text: String(valid.prefix(valid.count - 40))), ImportLimits())
        case .wrongEncoding:
            return (try TempFile.write("cp.xml", bytes: Array(valid.data(using: .windowsCP1250)!)), ImportLimits())
        }
    }

    @Test(arguments: Hostile.allCases)
    func hostileFileChangesNothing(_ kind: Hostile) throws {
        _ = try importXML(Samples.kolektorXML(receivables: Samples.receivable("FV-1")))
        let before = try receivableStates()
        let debtorsBefore = try count("debtors")
        let (url, limits) = try hostileFile(kind)
        let batch = try importFile(url, mode: .snapshot, limits: limits)
        #expect(batch.status == .rejected)
        let expectedWords: [Hostile: String] = [
            .doctype: "DOCTYPE", .entityExpansion: "DOCTYPE", .oversize: "větší než", .truncated: "neúplný",
            .wrongEncoding: "kódování",
        ]
        #expect(batch.message.contains(expectedWords[kind]!))
        #expect(try receivableStates() == before)
        #expect(try count("debtors") == debtorsBefore)
        #expect(try count("debtor_history") == 0)
    }
}

/// Kolektor XML documents for import tests.
enum Samples {
    static func kolektorXML(creditorICO: String = "25097563", receivables: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <import xmlns="https://kolektor.cz/ns/import/1" version="1">
          <creditor><ico>\(creditorICO)</ico><name>Věřitel A s.r.o.</name></creditor>
          <debtors>
            <debtor id="D1" kind="business">
              <name>Odběratel a.s.</name><ico>45317054</ico>
              <address><street>Dlouhá 1</street><city>Praha 1</city><postalCode>11000</postalCode></address>
              <email>ucetni@odberatel.cz</email>
            </debtor>
            <debtor id="D2" kind="consumer">
              <name>Jana Nováková</name><birthDate>1980-05-17</birthDate>
              <address><street>Krátká 2</street><city>Brno</city><postalCode>60200</postalCode></address>
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
        remaining: String = "1000.00", status: String = "open", issued: String = "2026-11-01"
    ) -> String {
        """
            <receivable debtor="\(debtor)">
              <externalId>\(number)</externalId><invoiceNumber>\(number)</invoiceNumber>
              <issueDate>\(issued)</issueDate><dueDate>\(due)</dueDate>
              <currency>CZK</currency><total>\(total)</total><remaining>\(remaining)</remaining><status>\(status)</status>
            </receivable>

        """
    }
}

/// Temporary files for import tests.
enum TempFile {
    static func write(_ name: String, bytes: [UInt8]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kolektor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static func write(_ name: String, text: String) throws -> URL {
        try write(name, bytes: Array(text.utf8))
    }
}

/// An .isdocx package (ZIP with manifest.xml and faktura.isdoc) for creditor A, written by Python's zipfile module.
enum ISDOCXFixture {
    static let bytes = Array(
        Data(
            base64Encoded:
                "UEsDBBQAAAAIAEGlhF0TO9giaQAAAIIAAAAMAAAAbWFuaWZlc3QueG1sPcxBDoMwDETRq0Q+QAztrkrCWazUEVaJQcRUqKcvVCrreX/CsNfJvXltMmuE3ncwpFBJpXAzd4zaIoxmywNR2nPOPn9QqXJbKDPeuv6Ofw5nKXqgrbKaKzLxSSMUetm2kv89AKZwNekLUEsDBBQAAAAIAEGlhF0ybHf9nQEAAJoDAAANAAAAZmFrdHVyYS5pc2RvY41TS07DMBDd9xRR9onttCkfuUaoEVLEV6KwYOc6Biw5dhQ7FeEqXIeDMQltIbQgNrbnzZuZN/aYnryUOljJ2ilrZiGJcRhII2yhzNMsbPxjdBiesBHNzcoqIQNgGzcLn72vjhFSrrAiFq/I8FK6iguJEkzG4VfCaYzjJGSjIKCZFU0pjV+0lWSEooFN84yd3UcP+U0ELjDo3R2sa7s/09y5RmbcS5bgZBoREuGOu0W7IhdWcD1v6hqaaOe2kGz+cE7RLtyRT4WwjfHQ6m1TVVrJ+obXvmX0+5YXoFE9KsE9dNQLTVJ8dJBOx59C0V4aWudAvxUZCpg3ztvyvwIm6Zgc4HTyl4AevIJ3YbRfr4vl+1sN96QDHruYok8f+sbbo3moq79h+cT1pTXS87pdWM81owv+khuhG6dW8rTsQhlJCI4xpmiPD7S1fKl3qEMYXm23VKcAaN3cXEpuHNtY3UEVuxm32CCsH4FJ0pccgjSDakp/Jc5+zBxJt1EbF73nteqU37bl0uqeCpP5A4WJ36RGW9EDAfDP0PqjsdEHUEsBAhQDFAAAAAgAQaWEXRM72CJpAAAAggAAAAwAAAAAAAAAAAAAAIABAAAAAG1hbmlmZXN0LnhtbFBLAQIUAxQAAAAIAEGlhF0ybHf9nQEAAJoDAAANAAAAAAAAAAAAAACAAZMAAABmYWt0dXJhLmlzZG9jUEsFBgAAAAACAAIAdQAAAFsCAAAAAA=="
        )!)
}

@Suite(.serialized) struct ISDOCXImportTests {
    @Test func isdocxPackageImports() throws {
        let fixture = try PortalFixture()
        let url = try TempFile.write("faktura.isdocx", bytes: ISDOCXFixture.bytes)
        let batch = try ImportService(now: fixture.clock.now).importFile(
            at: url, fileName: "faktura.isdocx", organization: fixture.creditorA, actor: "test", mode: .delta,
            partial: false, on: fixture.connection)
        #expect(batch.status == .applied)
        #expect(batch.newCount == 1)
        let stored = try ReceivableRepository.all(organizationID: fixture.creditorA.id, on: fixture.connection)
        #expect(stored.map(\.invoiceNumber) == ["FV-ZIP-1"])
        #expect(stored.first?.variableSymbol == "20261")
        #expect(stored.first?.total == .czk(121000))
    }

    @Test func brokenIsdocxIsRejected() throws {
        let fixture = try PortalFixture()
        let url = try TempFile.write("faktura.isdocx", bytes: Array(ISDOCXFixture.bytes.prefix(100)))
        let batch = try ImportService(now: fixture.clock.now).importFile(
            at: url, fileName: "faktura.isdocx", organization: fixture.creditorA, actor: "test", mode: .delta,
            partial: false, on: fixture.connection)
        #expect(batch.status == .rejected)
        #expect(batch.message.contains("ZIP"))
    }
}

@Suite(.serialized) struct SparseDebtorImportTests {
    @Test func consumerWithOnlyNameReimportsUnchanged() throws {
        let fixture = try PortalFixture()
        let csv = "číslo faktury;datum splatnosti;částka;název\nFV-1;2026-11-30;100;Jan Novák\n"
        let service = ImportService(now: fixture.clock.now)
        func importOnce() throws -> ImportBatchSummary {
            try service.importFile(
                at: try TempFile.write("a.csv", text: csv), fileName: "a.csv", organization: fixture.creditorA,
                actor: "test", mode: .snapshot, partial: false, on: fixture.connection)
        }
        #expect(try importOnce().newCount == 1)
        let debtors = try fixture.connection.query("SELECT count(*) AS n FROM debtors").first!.int("n")
        let second = try importOnce()
        #expect(second.unchangedCount == 1)
        #expect(second.updatedCount == 0)
        #expect(try fixture.connection.query("SELECT count(*) AS n FROM debtors").first!.int("n") == debtors)
    }
}

@Suite(.serialized) struct EmptySnapshotTests {
    @Test func emptySnapshotIsRejected() throws {
        let fixture = try PortalFixture()
        let service = ImportService(now: fixture.clock.now)
        let first = try TempFile.write("a.xml", text: Samples.kolektorXML(receivables: Samples.receivable("FV-1")))
        _ = try service.importFile(
            at: first, fileName: "a.xml", organization: fixture.creditorA, actor: "test", mode: .delta,
            partial: false, on: fixture.connection)
        let empty = try TempFile.write("b.xml", text: Samples.kolektorXML(receivables: ""))
        let batch = try service.importFile(
            at: empty, fileName: "b.xml", organization: fixture.creditorA, actor: "test", mode: .snapshot,
            partial: false, on: fixture.connection)
        #expect(batch.status == .rejected)
        #expect(batch.message.contains("režimu delta"))
        let stored = try ReceivableRepository.find(
            externalID: "FV-1", organizationID: fixture.creditorA.id, on: fixture.connection)
        #expect(stored?.status == .open)
    }
}
