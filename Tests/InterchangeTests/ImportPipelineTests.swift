import Domain
import Foundation
import Interchange
import Testing

@Suite struct ImportPipelineTests {
    struct ConsumerStopped: Error {}

    /// Enough rows to fill the queue between the threads several times over.
    static let rowCount = 3_000

    static func largeFile() throws -> URL {
        let rows = (1...rowCount).map { Fixtures.receivable("FV-\($0)") }.joined()
        return try Fixtures.file("large.xml", text: Fixtures.kolektorXML(receivables: rows))
    }

    @Test func deliversEveryRowInFileOrder() throws {
        let url = try ImportPipelineTests.largeFile()
        var numbers: [String] = []
        var debtorLines: [Int] = []
        var referencedLines = Set<Int>()
        let batch = try ImportPipeline.stream(url) { item in
            switch item {
            case .debtor(let debtor, let reference, _):
                #expect(numbers.isEmpty, "debtors come before the receivables that name them")
                #expect(!debtor.name.isEmpty)
                debtorLines.append(reference)
            case .receivable(let row):
                numbers.append(row.invoiceNumber)
                #expect(row.debtor.name.isEmpty, "a streamed row names its declared debtor by line only")
                referencedLines.insert(row.debtorReference)
            }
        }
        #expect(batch.supplierICO == "25097563")
        #expect(batch.receivables.isEmpty)
        #expect(debtorLines.count == 2)
        #expect(debtorLines == [1, 2])
        #expect(referencedLines == [1])
        #expect(numbers == (1...ImportPipelineTests.rowCount).map { "FV-\($0)" })
        #expect(numbers == (try ImportReader.read(url)).receivables.map(\.invoiceNumber))
    }

    @Test func consumerErrorStopsTheReader() throws {
        let url = try ImportPipelineTests.largeFile()
        var consumed = 0
        #expect(throws: ConsumerStopped.self) {
            try ImportPipeline.stream(url) { item in
                guard case .receivable = item else { return }
                consumed += 1
                if consumed == 10 { throw ConsumerStopped() }
            }
        }
        #expect(consumed == 10)
    }

    @Test func readerErrorFollowsEarlierRows() throws {
        let rows = (1...600).map { Fixtures.receivable("FV-\($0)") }.joined()
        let text = Fixtures.kolektorXML(receivables: rows)
        // Cut off inside the last receivable: the rows before it arrive, then the truncation is reported.
        let cut = String(text[..<text.range(of: "FV-600</externalId>")!.lowerBound])
        let url = try Fixtures.file("cut.xml", text: cut)
        var consumed = 0
        do {
            _ = try ImportPipeline.stream(url) { item in
                if case .receivable = item { consumed += 1 }
            }
            Issue.record("a truncated file was accepted")
        } catch let error as ImportError {
            #expect(error.code == .truncated)
        }
        #expect(consumed == 599)
    }
}
