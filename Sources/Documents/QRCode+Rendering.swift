import Foundation

extension QRCode {
    /// Renders the code as a PNG with `pixelsPerModule` pixels per module and the quiet zone around it.
    public func png(pixelsPerModule: Int = 8) throws -> [UInt8] {
        let side = (size + 2 * QRCode.quietZone) * pixelsPerModule
        return try Image.png(pixelWidth: side, pixelHeight: side, pixelsPerUnit: 1, background: .white) { canvas in
            canvas.draw(self, x: 0, y: 0, side: Double(side))
        }
    }

    /// Renders the code as a standalone SVG document of `side` millimetres, quiet zone included.
    ///
    /// The view box counts in modules and the dark modules form one path, so the SVG stays small and any
    /// renderer draws it without seams between neighbouring modules.
    public func svg(side: Double) -> String {
        let total = size + 2 * QRCode.quietZone
        var path = ""
        for row in 0..<size {
            for column in 0..<size where isDark(row: row, column: column) {
                path += "M\(column + QRCode.quietZone) \(row + QRCode.quietZone)h1v1h-1z"
            }
        }
        let sideText = String(format: "%.2f", locale: Locale(identifier: "en_US_POSIX"), side)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(sideText)mm" height="\(sideText)mm" \
            viewBox="0 0 \(total) \(total)" shape-rendering="crispEdges">\
            <rect width="\(total)" height="\(total)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>

            """
    }
}
