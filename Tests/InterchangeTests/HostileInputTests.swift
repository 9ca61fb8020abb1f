import Domain
import Foundation
import Interchange
import Testing

@Suite struct HostileInputTests {
    func readError(_ url: URL, limits: ImportLimits = ImportLimits()) throws -> ImportError {
        try #require(throws: ImportError.self) { try ImportReader.read(url, limits: limits) }
    }

    @Test func externalEntityIsRejected() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE import [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <import xmlns="https://kolektor.cz/ns/import/1" version="1"><creditor><name>&xxe;</name></creditor></import>
            """
        let error = try readError(try Fixtures.file("xxe.xml", text: xml))
        #expect(error.code == .doctypeForbidden)
        #expect(error.description.contains("DOCTYPE"))
    }

    @Test func lateDoctypeRejectedBeforeParsing() throws {
        // The declaration starts beyond the first 64 KiB chunk, so only the chunk-by-chunk scan can catch it, and it
        // must do so before the parser reads on: no debtor or receivable may come out of the file.
        let document = Fixtures.kolektorXML(receivables: Fixtures.receivable("FV-1"))
        let prolog = #"<?xml version="1.0" encoding="UTF-8"?>"#
        let xml = document.replacingOccurrences(
            of: prolog,
            with: prolog + "\n<!-- \(String(repeating: "výplň ", count: 20_000)) -->\n"
                + #"<!DOCTYPE import [<!ENTITY e "x">]>"#)
        #expect(xml.utf8.count > 2 * 64 * 1024)
        var items = 0
        do {
            _ = try ImportReader.stream(try Fixtures.file("late-doctype.xml", text: xml)) { _ in items += 1 }
            Issue.record("a DOCTYPE was accepted")
        } catch let error as ImportError {
            #expect(error.code == .doctypeForbidden)
        }
        #expect(items == 0)
    }

    @Test func entityExpansionIsRejected() throws {
        var entities = #"<!ENTITY a0 "ha">"#
        for level in 1...10 {
            let previous = "&a\(level - 1);"
            entities += "<!ENTITY a\(level) \"\(String(repeating: previous, count: 10))\">"
        }
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [\(entities)]><lolz>&a10;</lolz>"
        let error = try readError(try Fixtures.file("bomb.xml", text: xml))
        #expect(error.code == .doctypeForbidden)
    }

    @Test func lowerCaseDoctypeIsRejected() throws {
        let error = try readError(try Fixtures.file("a.xml", text: "<!doctype import><import/>"))
        #expect(error.code == .doctypeForbidden)
    }

    @Test func oversizeFileIsRejected() throws {
        let xml = Fixtures.kolektorXML(receivables: String(repeating: Fixtures.receivable("FV-1"), count: 50))
        let error = try readError(try Fixtures.file("big.xml", text: xml), limits: ImportLimits(maxBytes: 4096))
        #expect(error.code == .tooLarge)
        #expect(error.description.contains("větší než"))
    }

    @Test func oversizeCSVIsRejected() throws {
        let csv = "číslo faktury;datum splatnosti;částka;název\n" + String(repeating: "FV;2026-01-01;1;A\n", count: 500)
        let error = try readError(try Fixtures.file("big.csv", text: csv), limits: ImportLimits(maxBytes: 1000))
        #expect(error.code == .tooLarge)
    }

    @Test func truncatedXMLIsRejected() throws {
        let xml = Fixtures.kolektorXML(receivables: Fixtures.receivable("FV-1"))
        let cut = String(xml.prefix(xml.count - 60))
        let error = try readError(try Fixtures.file("cut.xml", text: cut))
        #expect(error.code == .truncated)
        #expect(error.description.contains("neúplný"))
    }

    @Test func truncatedISDOCSampleIsRejected() throws {
        let bytes = try Data(contentsOf: Fixtures.sample("isdoc/sample.isdoc"))
        let error = try readError(try Fixtures.file("cut.isdoc", bytes: Array(bytes.prefix(bytes.count / 2))))
        #expect(error.code == .truncated)
    }

    @Test func truncatedCSVQuoteIsRejected() throws {
        let csv = "číslo faktury;datum splatnosti;částka;název\nFV-1;2026-01-01;1;\"Nováková"
        let error = try readError(try Fixtures.file("cut.csv", text: csv))
        #expect(error.code == .truncated)
    }

    @Test func windows1250DeclaredAsUTF8IsRejected() throws {
        let xml = Fixtures.kolektorXML(receivables: Fixtures.receivable("FV-1"))
        let error = try readError(try Fixtures.file("a.xml", bytes: Fixtures.windows1250(xml)))
        #expect(error.code == .wrongEncoding)
        #expect(error.description.contains("UTF-8"))
        #expect(error.description.contains("řádku 3"))
    }

    @Test func utf8DeclaredAsWindows1250IsRejected() throws {
        let xml = Fixtures.kolektorXML(receivables: Fixtures.receivable("FV-1"))
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"windows-1250\"")
        let error = try readError(try Fixtures.file("a.xml", text: xml))
        #expect(error.code == .wrongEncoding)
    }

    @Test func unsupportedEncodingIsRejected() throws {
        let error = try readError(try Fixtures.file("a.xml", text: "<?xml version=\"1.0\" encoding=\"KOI8-R\"?><a/>"))
        #expect(error.code == .wrongEncoding)
        #expect(error.description.contains("KOI8-R".lowercased()))
    }

    @Test func utf16FileIsRejected() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "číslo faktury;datum splatnosti;částka;název\n".utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let error = try readError(try Fixtures.file("a.csv", bytes: bytes))
        #expect(error.code == .wrongEncoding)
    }

    @Test func malformedXMLNamesLine() throws {
        let error = try readError(try Fixtures.file("a.xml", text: "<MoneyData>\n<b></c>\n</MoneyData>"))
        #expect(error.code == .malformed)
        #expect(error.description.contains("řádku 2"))
    }

    @Test func overlongElementTextIsRejected() throws {
        let name = String(repeating: "x", count: 200)
        let xml = Fixtures.kolektorXML(receivables: "").replacingOccurrences(of: "Věřitel s.r.o.", with: name)
        let error = try readError(try Fixtures.file("a.xml", text: xml), limits: ImportLimits(maxFieldLength: 100))
        #expect(error.code == .malformed)
    }
}
