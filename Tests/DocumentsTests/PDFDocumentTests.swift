import Documents
import Foundation
import Synchronization
import TestSupport
import Testing

@Suite struct PDFDocumentTests {
    @Test func czechTextReadsBackExactly() throws {
        let sentence = "Žluťoučký kůň úpěl ďábelské ódy – 1 234,50 Kč"
        let pdf = try PDFDocument.render(metadata: .init(title: "Zkouška")) { document in
            try document.addPage { canvas in
                canvas.drawText(sentence, x: 20, y: 20, width: 170, font: Font(size: 12))
            }
        }
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        #expect(try ExternalTool.pdfText(pdf).contains(sentence))
    }

    @Test func pagesAreA4AndCounted() throws {
        var pageCount = 0
        let pdf = try PDFDocument.render { document in
            for number in 1...3 {
                try document.addPage { canvas in
                    canvas.drawText("Strana \(number)", x: 20, y: 20, width: 100, font: Font(size: 10))
                }
            }
            pageCount = document.pageCount
        }
        #expect(pageCount == 3)
        let info = try ExternalTool.pdfReport("pdfinfo", pdf).split(separator: " ", omittingEmptySubsequences: true)
            .joined(separator: " ")
        #expect(info.contains("Pages: 3"))
        // A4 is 595.276 × 841.89 points.
        #expect(info.contains("Page size: 595.276 x 841.89 pts (A4)"))
    }

    @Test func dejaVuFontIsEmbedded() throws {
        let pdf = try PDFDocument.render { document in
            try document.addPage { canvas in
                canvas.drawText("Příliš", x: 20, y: 20, width: 100, font: Font(size: 10, weight: .bold))
            }
        }
        let fonts = try ExternalTool.pdfReport("pdffonts", pdf)
        #expect(fonts.contains("DejaVuSans-Bold"))
        #expect(fonts.contains(" yes "))
    }

    @Test func qrCodeOnPageScans() throws {
        let url = "https://kolektor.cz/overeni/abcdefghijklmnopqrst"
        let code = try QRCode(encoding: url)
        let pdf = try PDFDocument.render { document in
            try document.addPage { canvas in canvas.draw(code, x: 20, y: 20, side: 30) }
        }
        let page = try ExternalTool.rasterize(pdf, page: 1, dotsPerInch: 150)
        #expect(try ExternalTool.decodeQRCodes(png: page) == [url])
    }

    @Test func longTextIsCutAtMaxLines() throws {
        let pdf = try PDFDocument.render { document in
            try document.addPage { canvas in
                let font = Font(size: 10)
                let oneLine = canvas.measureText("Řádek", width: 30, font: font)
                let text = String(repeating: "slovo ", count: 40)
                let twoLines = canvas.measureText(text, width: 30, font: font, maxLines: 2)
                #expect(oneLine > 0)
                #expect(abs(twoLines - 2 * oneLine) < 0.01)
            }
        }
        #expect(!pdf.isEmpty)
    }
}

@Suite struct ImageTests {
    @Test func pngHasSizeAtResolution() throws {
        let png = try Image.png(width: 70, height: 35, dotsPerInch: 300) { canvas in
            canvas.drawText("Razítko", x: 5, y: 5, width: 60, font: Font(size: 12))
        }
        // The IHDR chunk stores width and height as big-endian 32-bit integers at bytes 16 to 23.
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 827)
        #expect(height == 413)
    }

    @Test func svgIsMeasuredInMillimetres() throws {
        let svg = String(
            decoding: try Image.svg(width: 70, height: 35) { canvas in
                canvas.strokeRoundedRectangle(
                    x: 1, y: 1, width: 68, height: 33, radius: 3, lineWidth: 0.5, color: .black)
            }, as: UTF8.self)
        // 70 × 35 mm in points (72 per inch, 25.4 mm per inch).
        #expect(svg.contains("width=\"198.425197pt\" height=\"99.212598pt\""))
        #expect(svg.contains("<path"))
    }

    @Test func zeroSizeIsRejected() {
        #expect(throws: DocumentError.self) { try Image.png(width: 0, height: 10) { _ in } }
    }
}

@Suite struct ConcurrentRenderingTests {
    @Test func threadsRenderAtOnce() throws {
        let url = "https://kolektor.cz/overeni/abcdefghijklmnopqrst"
        let results = Mutex<[Int: [UInt8]]>([:])
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let png = try? Image.png(width: 70, height: 35, dotsPerInch: 200) { canvas in
                canvas.drawText("Vlákno \(index)", x: 36, y: 5, width: 30, font: Font(size: 8))
                if let code = try? QRCode(encoding: url) { canvas.draw(code, x: 2, y: 2, side: 31) }
            }
            results.withLock { $0[index] = png }
        }
        let images = results.withLock { $0 }
        #expect(images.count == 8)
        for index in 0..<8 {
            let png = try #require(images[index], "image \(index)")
            #expect(try ExternalTool.decodeQRCodes(png: png) == [url], "image \(index)")
        }
    }
}
