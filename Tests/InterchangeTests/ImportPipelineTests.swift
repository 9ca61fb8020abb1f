import Domain
import Foundation
import Interchange
import Testing

@Suite struct ImportPipelineTests {
    struct Refused: Error {}

    /// Enough rows to fill the queue between the threads several times over.
    static let rowCount = 3_000

    static func largeFile() throws -> URL {
        let rows = (1...rowCount).map { Fixtures.receivable("FV-\($0)") }.joined()
        return try Fixtures.file("large.xml", text: Fixtures.kolektorXML(receivables: rows))
    }

    @Test func deliversEveryRowInFileOrder() throws {
        let url = try ImportPipelineTests.largeFile()
        var numbers: [String] = []
        let batch = try ImportPipeline.stream(url) { numbers.append($0.invoiceNumber) }
        #expect(batch.supplierICO == "25097563")
        #expect(batch.receivables.isEmpty)
        #expect(numbers == (1...ImportPipelineTests.rowCount).map { "FV-\($0)" })
        #expect(numbers == (try ImportReader.read(url)).receivables.map(\.invoiceNumber))
    }

    @Test func consumerErrorStopsTheReader() throws {
        let url = try ImportPipelineTests.largeFile()
        var consumed = 0
        #expect(throws: Refused.self) {
            try ImportPipeline.stream(url) { _ in
                consumed += 1
                if consumed == 10 { throw Refused() }
            }
        }
        #expect(consumed == 10)
    }

    @Test func readerErrorComesAfterTheRowsBeforeIt() throws {
        let rows = (1...600).map { Fixtures.receivable("FV-\($0)") }.joined()
        let text = Fixtures.kolektorXML(receivables: rows)
        // Cut off inside the last receivable: the rows before it arrive, then the truncation is reported.
        let cut = String(text[..<text.range(of: "FV-600</externalId>")!.lowerBound])
        let url = try Fixtures.file("cut.xml", text: cut)
        var consumed = 0
        do {
            _ = try ImportPipeline.stream(url) { _ in consumed += 1 }
            Issue.record("a truncated file was accepted")
        } catch let error as ImportError {
            #expect(error.code == .truncated)
        }
        #expect(consumed == 599)
    }
}
