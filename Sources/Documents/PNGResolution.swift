/// Adds the physical resolution (a `pHYs` chunk) to a PNG, so that word processors place a 300 DPI image at its
/// real size in millimetres; cairo writes PNGs without one, which programs read as 72 or 96 DPI.
enum PNGResolution {
    static func adding(dotsPerInch: Double, to png: [UInt8]) -> [UInt8] {
        // The signature (8 bytes) is followed by IHDR: length 13, so the chunk ends at 8 + 4 + 4 + 13 + 4 = 33.
        guard png.count > 33, Array(png[12..<16]) == Array("IHDR".utf8) else { return png }
        let pixelsPerMetre = UInt32((dotsPerInch / 0.0254).rounded())
        var data: [UInt8] = []
        for _ in 0..<2 {
            data += [UInt8(pixelsPerMetre >> 24), UInt8(pixelsPerMetre >> 16 & 0xff), UInt8(pixelsPerMetre >> 8 & 0xff), UInt8(pixelsPerMetre & 0xff)]
        }
        data.append(1)  // unit: metre
        let typeAndData = Array("pHYs".utf8) + data
        let crc = crc32(typeAndData)
        let chunk = [0, 0, 0, UInt8(data.count)] + typeAndData
            + [UInt8(crc >> 24), UInt8(crc >> 16 & 0xff), UInt8(crc >> 8 & 0xff), UInt8(crc & 0xff)]
        return Array(png[0..<33]) + chunk + Array(png[33...])
    }

    /// CRC-32 as PNG chunks use it (ISO 3309, polynomial 0xEDB88320, reflected).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0xedb8_8320 : crc >> 1
            }
        }
        return crc ^ 0xffff_ffff
    }
}
