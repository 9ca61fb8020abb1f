import Documents
import Domain
import Web

/// The Kolektor stamp: a framed box with the QR code of the creditor's verification page, a sentence saying that
/// overdue invoices are collected through Kolektor, the creditor's name and the verification address.
///
/// The same drawing makes the electronic stamp (PNG and SVG, 70 × 35 mm) and each sticker of the A4 sheet
/// (70 × 37 mm). The wording is always Czech, because the stamp is printed on invoices for Czech customers.
struct StampArtwork {
    let creditorName: String
    /// The verification page, `{baseURL}/overeni/{code}`, which the QR code carries.
    let verificationURL: String
    let code: QRCode
    let heading: String
    let verifyLabel: String

    /// Size of the electronic stamp in millimetres.
    static let stampWidth = 70.0
    static let stampHeight = 35.0
    /// Resolution of the PNG stamp: 70 × 35 mm at 300 dpi is 827 × 413 pixels.
    static let pngDotsPerInch = 300.0

    static let frameColor = Color(red: 0.05, green: 0.22, blue: 0.45)

    init(creditorName: String, verificationURL: String, catalog: Catalog) throws {
        self.creditorName = creditorName
        self.verificationURL = verificationURL
        code = try QRCode(encoding: verificationURL)
        heading = catalog.text("stamp.artwork.heading", .cs)
        verifyLabel = catalog.text("stamp.artwork.verify", .cs)
    }

    /// The verification address without `https://`, shorter to print and still what a browser accepts.
    var displayURL: String {
        for scheme in ["https://", "http://"] where verificationURL.hasPrefix(scheme) {
            return String(verificationURL.dropFirst(scheme.count))
        }
        return verificationURL
    }

    /// Draws the stamp into the box at `x`, `y` of `width` × `height` millimetres.
    func draw(on canvas: Canvas, x: Double, y: Double, width: Double, height: Double) {
        let padding = 2.5
        canvas.strokeRoundedRectangle(
            x: x + 1, y: y + 1, width: width - 2, height: height - 2, radius: 2.5, lineWidth: 0.4,
            color: Self.frameColor)

        let qrSide = height - 2 * padding
        canvas.draw(code, x: x + padding, y: y + padding, side: qrSide)

        let textX = x + padding + qrSide + 1
        let textWidth = width - (textX - x) - padding
        var textY = y + padding + 0.5
        textY += canvas.drawText(
            heading, x: textX, y: textY, width: textWidth, font: Font(size: 7.5, weight: .bold),
            color: Self.frameColor, maxLines: 3)
        textY += 1.2
        textY += canvas.drawText(
            creditorName, x: textX, y: textY, width: textWidth, font: Font(size: 7, weight: .bold), maxLines: 2)
        textY += 1.2
        textY += canvas.drawText(verifyLabel, x: textX, y: textY, width: textWidth, font: Font(size: 5.5))
        canvas.drawText(displayURL, x: textX, y: textY, width: textWidth, font: Font(size: 5.5), maxLines: 2)
    }

    /// Renders the electronic stamp as PNG.
    func png() throws -> [UInt8] {
        try Image.png(width: Self.stampWidth, height: Self.stampHeight, dotsPerInch: Self.pngDotsPerInch) { canvas in
            draw(on: canvas, x: 0, y: 0, width: canvas.width, height: canvas.height)
        }
    }

    /// Renders the electronic stamp as SVG.
    func svg() throws -> [UInt8] {
        try Image.svg(width: Self.stampWidth, height: Self.stampHeight) { canvas in
            draw(on: canvas, x: 0, y: 0, width: canvas.width, height: canvas.height)
        }
    }
}
