import Foundation

/// Runs the command-line tools that read our output back: `zbarimg` (zbar-tools) and `pdftotext` (poppler-utils).
public enum ExternalTool {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes `bytes` to a temporary file with `suffix` and returns its URL; the caller removes it.
    public static func temporaryFile(_ bytes: [UInt8], suffix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kolektor-\(UUID().uuidString)\(suffix)")
        try Data(bytes).write(to: url)
        return url
    }

    /// Runs `/usr/bin/<tool>` with `arguments` and returns its standard output; a non-zero exit throws.
    public static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) exited with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The texts of every QR code that `zbarimg` finds in a PNG, one per code.
    public static func decodeQRCodes(png: [UInt8]) throws -> [String] {
        let file = try temporaryFile(png, suffix: ".png")
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try run("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", file.path])
        return output.split(separator: "\n").map(String.init)
    }

    /// The text of a PDF as `pdftotext` extracts it, in reading order.
    public static func pdfText(_ pdf: [UInt8]) throws -> String {
        let file = try temporaryFile(pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        return try run("pdftotext", ["-enc", "UTF-8", file.path, "-"])
    }

    /// The output of `pdfinfo` or `pdffonts` for a PDF.
    public static func pdfReport(_ tool: String, _ pdf: [UInt8]) throws -> String {
        let file = try temporaryFile(pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        return try run(tool, [file.path])
    }

    /// Rasterizes page `page` of a PDF as PNG at `dotsPerInch` with `pdftoppm`, or only the part of the page in
    /// `crop` (x, y, width and height in millimetres from the top-left corner).
    public static func rasterize(
        _ pdf: [UInt8], page: Int, dotsPerInch: Int,
        crop: (x: Double, y: Double, width: Double, height: Double)? = nil
    ) throws -> [UInt8] {
        let file = try temporaryFile(pdf, suffix: ".pdf")
        let prefix = file.deletingPathExtension().path + "-page"
        defer {
            try? FileManager.default.removeItem(at: file)
            try? FileManager.default.removeItem(atPath: prefix + ".png")
        }
        var arguments = ["-png", "-singlefile", "-r", "\(dotsPerInch)", "-f", "\(page)", "-l", "\(page)"]
        if let crop {
            let pixels = { (millimetres: Double) in "\(Int((millimetres / 25.4 * Double(dotsPerInch)).rounded()))" }
            arguments += [
                "-x", pixels(crop.x), "-y", pixels(crop.y), "-W", pixels(crop.width), "-H", pixels(crop.height),
            ]
        }
        _ = try run("pdftoppm", arguments + [file.path, prefix])
        return Array(try Data(contentsOf: URL(fileURLWithPath: prefix + ".png")))
    }
}
