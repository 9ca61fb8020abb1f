/// The content of a letter, as plain text blocks; `LetterRenderer` lays it out on A4.
public struct LetterContent: Sendable {
    /// A box with payment details and a QR Platba code.
    public struct Payment: Sendable {
        /// Label and value lines: amount, account, variable symbol, due date.
        public var lines: [(label: String, value: String)]
        /// The Short Payment Descriptor drawn as a QR code.
        public var qrText: String
        public var caption: String

        public init(lines: [(label: String, value: String)], qrText: String, caption: String) {
            self.lines = lines
            self.qrText = qrText
            self.caption = caption
        }
    }

    /// The debtor portal address and access code printed for a recipient without e-mail.
    public struct Access: Sendable {
        public var heading: String
        public var address: String
        public var codeLabel: String
        public var code: String

        public init(heading: String, address: String, codeLabel: String, code: String) {
            self.heading = heading
            self.address = address
            self.codeLabel = codeLabel
            self.code = code
        }
    }

    /// One line above the address field: the sender, for return of an undeliverable letter.
    public var returnAddress: String
    /// Recipient's name and postal address, one line each.
    public var recipient: [String]
    /// Sender details on the right: the creditor and the lawyer acting for it.
    public var senderBlock: [String]
    /// Place and date, such as `V Praze dne 4. 12. 2026`.
    public var dateLine: String
    public var subject: String
    public var paragraphs: [String]
    public var payment: Payment?
    public var access: Access?
    /// Footer of every page: the creditor's identification.
    public var footer: String
    /// Page number text with `{page}` and `{pages}`, such as `Strana {page} z {pages}`.
    public var pageNumberFormat: String

    public init(
        returnAddress: String, recipient: [String], senderBlock: [String], dateLine: String, subject: String,
        paragraphs: [String], payment: Payment? = nil, access: Access? = nil, footer: String,
        pageNumberFormat: String = "Strana {page} z {pages}"
    ) {
        self.returnAddress = returnAddress
        self.recipient = recipient
        self.senderBlock = senderBlock
        self.dateLine = dateLine
        self.subject = subject
        self.paragraphs = paragraphs
        self.payment = payment
        self.access = access
        self.footer = footer
        self.pageNumberFormat = pageNumberFormat
    }
}

/// Lays a letter out on A4 pages for a DL window envelope and renders it as PDF.
///
/// The address field follows DIN 5008 form B, which Czech DL window envelopes (110 × 220 mm, window on the left)
/// are made for: 20 mm from the left edge, 45 mm from the top, 85 × 45 mm, with the return address in its first
/// line. Text flows onto further pages as needed; every page carries the footer and "page n of m".
public enum LetterRenderer {
    static let left = 25.0
    static let right = 20.0
    static let bottomMargin = 30.0
    static let bodyFont = Font(size: 10.5)
    static let smallFont = Font(size: 7.5)
    static let paragraphGap = 3.5

    /// Renders the letter; the text is embedded with its font, so Czech diacritics print and copy correctly.
    public static func render(_ letter: LetterContent, title: String) throws -> [UInt8] {
        // First pass counts pages, second pass draws with the known total for "page n of m".
        var pages = 1
        _ = try PDFDocument.render(metadata: .init(title: title)) { document in
            pages = try layOut(letter, totalPages: 0, on: document)
        }
        return try PDFDocument.render(metadata: .init(title: title, author: letter.senderBlock.first ?? "")) { document in
            _ = try layOut(letter, totalPages: pages, on: document)
        }
    }

    /// A block of the body: measured first, then drawn where it fits.
    private enum Block {
        case heading(String)
        case paragraph(String)
        case payment(LetterContent.Payment)
        case access(LetterContent.Access)
    }

    private static func layOut(_ letter: LetterContent, totalPages: Int, on document: PDFDocument) throws -> Int {
        var blocks: [Block] = [.heading(letter.subject)]
        blocks += letter.paragraphs.map(Block.paragraph)
        if let payment = letter.payment { blocks.append(.payment(payment)) }
        if let access = letter.access { blocks.append(.access(access)) }

        var remaining = blocks[...]
        var pageNumber = 0
        while !remaining.isEmpty || pageNumber == 0 {
            pageNumber += 1
            try document.addPage { canvas in
                var y: Double
                if pageNumber == 1 {
                    drawHeader(letter, on: canvas)
                    y = 100
                } else {
                    y = 25
                }
                let width = canvas.width - left - right
                let limit = canvas.height - bottomMargin
                while let block = remaining.first {
                    let height = measure(block, width: width, on: canvas)
                    // A block taller than a whole page is drawn anyway, rather than looping forever.
                    if y + height > limit && y > 30 { break }
                    draw(block, x: left, y: y, width: width, on: canvas)
                    y += height + paragraphGap
                    remaining = remaining.dropFirst()
                }
                drawFooter(letter, page: pageNumber, pages: totalPages, on: canvas)
            }
        }
        return pageNumber
    }

    private static func drawHeader(_ letter: LetterContent, on canvas: Canvas) {
        // Sender block on the right, clear of the window.
        var y = 20.0
        for (index, line) in letter.senderBlock.enumerated() {
            y += canvas.drawText(
                line, x: 115, y: y, width: canvas.width - 115 - right,
                font: index == 0 ? Font(size: 9, weight: .bold) : Font(size: 8.5))
        }
        // Address field: return line, then the recipient.
        canvas.drawText(letter.returnAddress, x: 20, y: 45, width: 85, font: Font(size: 6.5), maxLines: 1)
        var addressY = 52.0
        for line in letter.recipient.prefix(6) {
            addressY += canvas.drawText(line, x: 20, y: addressY, width: 85, font: Font(size: 10.5), maxLines: 1)
        }
        canvas.drawText(letter.dateLine, x: 115, y: 85, width: canvas.width - 115 - right, font: bodyFont, alignment: .right)
    }

    private static func drawFooter(_ letter: LetterContent, page: Int, pages: Int, on canvas: Canvas) {
        let y = canvas.height - 18
        canvas.fillRectangle(x: left, y: y - 2, width: canvas.width - left - right, height: 0.2, color: .black)
        canvas.drawText(letter.footer, x: left, y: y, width: canvas.width - left - right - 35, font: smallFont, maxLines: 2)
        let number = letter.pageNumberFormat.replacingPlaceholder("{page}", with: "\(page)")
            .replacingPlaceholder("{pages}", with: "\(max(pages, page))")
        canvas.drawText(number, x: canvas.width - right - 35, y: y, width: 35, font: smallFont, alignment: .right)
    }

    private static func measure(_ block: Block, width: Double, on canvas: Canvas) -> Double {
        switch block {
        case .heading(let text):
            return canvas.measureText(text, width: width, font: Font(size: 12, weight: .bold)) + 2
        case .paragraph(let text):
            return canvas.measureText(text, width: width, font: bodyFont)
        case .payment:
            return 50
        case .access(let access):
            return 8 + canvas.measureText(access.address, width: width - 10, font: bodyFont) + 14
        }
    }

    private static func draw(_ block: Block, x: Double, y: Double, width: Double, on canvas: Canvas) {
        switch block {
        case .heading(let text):
            canvas.drawText(text, x: x, y: y, width: width, font: Font(size: 12, weight: .bold))
        case .paragraph(let text):
            canvas.drawText(text, x: x, y: y, width: width, font: bodyFont)
        case .payment(let payment):
            canvas.strokeRoundedRectangle(x: x, y: y, width: width, height: 48, radius: 2, lineWidth: 0.3, color: .black)
            var lineY = y + 4
            for line in payment.lines {
                canvas.drawText(line.label, x: x + 4, y: lineY, width: 45, font: Font(size: 9.5))
                canvas.drawText(line.value, x: x + 50, y: lineY, width: width - 50 - 48, font: Font(size: 9.5, weight: .bold))
                lineY += 6.5
            }
            if let code = try? QRCode(encoding: payment.qrText) {
                canvas.draw(code, x: x + width - 44, y: y + 2, side: 38)
            }
            canvas.drawText(payment.caption, x: x + width - 46, y: y + 40.5, width: 44, font: Font(size: 6.5), alignment: .center)
        case .access(let access):
            canvas.strokeRoundedRectangle(x: x, y: y, width: width, height: measure(block, width: width, on: canvas) - 2,
                                          radius: 2, lineWidth: 0.3, color: .black)
            canvas.drawText(access.heading, x: x + 4, y: y + 2, width: width - 8, font: Font(size: 10, weight: .bold))
            let addressHeight = canvas.drawText(access.address, x: x + 4, y: y + 8, width: width - 10, font: bodyFont)
            canvas.drawText(
                "\(access.codeLabel) \(access.code)", x: x + 4, y: y + 9 + addressHeight, width: width - 8,
                font: Font(family: "DejaVu Sans Mono", size: 13, weight: .bold))
        }
    }
}

extension String {
    fileprivate func replacingPlaceholder(_ placeholder: String, with value: String) -> String {
        split(separator: placeholder, omittingEmptySubsequences: false).joined(separator: value)
    }
}
