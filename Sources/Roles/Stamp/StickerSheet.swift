import Documents

/// The A4 sheet of stickers for paper invoices: 3 columns × 8 rows of 70 × 37 mm labels, 24 per sheet.
///
/// The grid matches the common A4 label sheets of that size, which have no side margins and 0.5 mm at the top and
/// bottom. Each sticker keeps 2.5 mm of padding inside its frame, so a printer that shifts the page by a millimetre
/// still prints whole stickers.
enum StickerSheet {
    static let columns = 3
    static let rows = 8
    static let stickerWidth = 70.0
    static let stickerHeight = 37.0

    /// Renders the sheet; `title` becomes the PDF's document title.
    static func pdf(_ artwork: StampArtwork, title: String) throws -> [UInt8] {
        let pageSize = PDFDocument.PageSize.a4
        let top = (pageSize.height - Double(rows) * stickerHeight) / 2
        let metadata = PDFDocument.Metadata(title: title, author: artwork.creditorName)
        return try PDFDocument.render(pageSize: pageSize, metadata: metadata) { document in
            try document.addPage { canvas in
                for row in 0..<rows {
                    for column in 0..<columns {
                        artwork.draw(
                            on: canvas, x: Double(column) * stickerWidth, y: top + Double(row) * stickerHeight,
                            width: stickerWidth, height: stickerHeight)
                    }
                }
            }
        }
    }
}
