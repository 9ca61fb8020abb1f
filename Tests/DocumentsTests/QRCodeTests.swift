import Documents
import Foundation
import TestSupport
import Testing

@Suite struct QRCodeTests {
    static let url = "https://kolektor.cz/overeni/abcdefghijklmnopqrst"

    @Test func matrixHasFinderPatterns() throws {
        let code = try QRCode(encoding: Self.url)
        #expect(code.size >= 21)
        #expect((code.size - 21) % 4 == 0)
        #expect(code.modules.count == code.size * code.size)
        // Each finder pattern has a dark 7-module border with a light ring inside it.
        for (row, column) in [(0, 0), (0, code.size - 7), (code.size - 7, 0)] {
            #expect(code.isDark(row: row, column: column))
            #expect(code.isDark(row: row + 6, column: column + 6))
            #expect(!code.isDark(row: row + 1, column: column + 1))
            #expect(code.isDark(row: row + 3, column: column + 3))
        }
    }

    @Test func pngDecodesToSameText() throws {
        let png = try QRCode(encoding: Self.url).png(pixelsPerModule: 6)
        #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        #expect(try ExternalTool.decodeQRCodes(png: png) == [Self.url])
    }

    @Test func czechTextSurvivesEncoding() throws {
        let text = "Příliš žluťoučký kůň úpěl ďábelské ódy"
        let png = try QRCode(encoding: text).png()
        #expect(try ExternalTool.decodeQRCodes(png: png) == [text])
    }

    @Test func svgHasOnePathSquarePerDarkModule() throws {
        let code = try QRCode(encoding: Self.url)
        let svg = code.svg(side: 25)
        let total = code.size + 2 * QRCode.quietZone
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"25.00mm\" height=\"25.00mm\""))
        #expect(svg.contains("viewBox=\"0 0 \(total) \(total)\""))
        #expect(svg.components(separatedBy: "h1v1h-1z").count - 1 == code.modules.filter { $0 }.count)
        #expect(svg.contains("M4 4h1v1h-1z"))
    }

    @Test func oversizedTextIsRejected() {
        let text = String(repeating: "x", count: 3_000)
        #expect(throws: DocumentError.self) { try QRCode(encoding: text) }
    }
}

@Suite struct PNGResolutionTests {
    @Test func pngCarries300DPI() throws {
        let png = try Image.png(width: 70, height: 35, dotsPerInch: 300) { _ in }
        let file = try ExternalTool.temporaryFile(png, suffix: ".png")
        defer { try? FileManager.default.removeItem(at: file) }
        // 300 DPI = 11 811 pixels per metre; pdfinfo cannot read PNG, so look for the chunk directly.
        let bytes = Array(png)
        let marker = Array("pHYs".utf8)
        let index = try #require((0..<(bytes.count - 4)).first { Array(bytes[$0..<($0 + 4)]) == marker })
        let x = bytes[(index + 4)..<(index + 8)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        #expect(x == 11_811)
        #expect(bytes[index + 12] == 1)
        // The file is still a valid image that the QR decoder can open.
        #expect(try ExternalTool.run("file", [file.path]).contains("PNG image data, 827 x 413"))
    }
}
