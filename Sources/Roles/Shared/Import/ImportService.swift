import Archive
import Crypto
import Domain
import Foundation
import Interchange
import Store

/// Imports one file for a creditor: reads and validates it, checks that it was issued by that creditor, and
/// applies it, recording every attempt (applied or rejected) as an import batch with its Czech report.
///
/// Used by `portal import`, the client portal's upload page and the API.
public struct ImportService {
    public var limits: ImportLimits
    public var now: Date

    public init(limits: ImportLimits = ImportLimits(), now: Date = Date()) {
        self.limits = limits
        self.now = now
    }

    /// Imports the file at `url`; `fileName` is the name the user gave it (it decides CSV by its extension).
    ///
    /// The file is read once. Each row is validated and sent to PostgreSQL as soon as it is read, so memory does not
    /// grow with the file. All of it happens inside the transaction that applies the batch, so a file found broken
    /// at its end changes nothing.
    public func importFile(
        at url: URL, fileName: String, organization: Organization, actor: String, mode: ImportMode, partial: Bool,
        on connection: Connection
    ) throws -> ImportBatchSummary {
        let digest = FileDigestTask(url, maxBytes: limits.maxBytes)
        var request = ImportRequest(
            organizationID: organization.id, actor: actor, fileName: fileName, fileSHA256: "",
            format: ImportService.formatGuess(fileName), mode: mode, partial: partial, receivables: [])
        let validator = ImportValidator(today: CalendarDate(now))
        do {
            return try ReceivableImport.apply(request, now: now, on: connection) { writer in
                let stager = ImportRowStager(validator: validator, writer: writer)
                let batch = try read(url, fileName: fileName, sink: stager.take)
                if let mismatch = ImportService.supplierMismatch(batch, organization: organization) {
                    throw ReceivableImport.FileRejected(
                        message: mismatch, format: batch.format.rawValue, rowCount: stager.rowCount,
                        fileSHA256: digest.value)
                }
                var staged = ReceivableImport.StagedFile(
                    format: batch.format.rawValue, rowCount: stager.rowCount, creditNotes: stager.creditNotes,
                    issues: batch.issues + stager.issues, fileSHA256: digest.value)
                staged.unlistedRejectedRows = stager.unlistedRejectedRows
                return staged
            }
        } catch let error as ImportError {
            request.fileSHA256 = digest.value
            return try ImportBatchRepository.recordRejected(
                request, message: error.description, issues: [], now: now, on: connection)
        }
    }

    /// Streams the file's debtors and receivables to `sink`, read on a second thread; an `.isdocx` package (one invoice) is
    /// unpacked and read on this one.
    private func read(_ url: URL, fileName: String, sink: @escaping ImportItemSink) throws -> ImportBatch {
        if fileName.lowercased().hasSuffix(".isdocx") {
            return try readISDOCX(url, sink: sink)
        }
        return try ImportPipeline.stream(url, fileName: fileName, limits: limits, consume: sink)
    }

    /// Returns the Czech reason why the file's supplier is not this creditor, or nil when it matches. CSV files carry no
    /// supplier; every other format must name one.
    static func supplierMismatch(_ batch: ImportBatch, organization: Organization) -> String? {
        if batch.format == .csv { return nil }
        if !batch.otherSupplierICOs.isEmpty {
            let all = ([batch.supplierICO] + batch.otherSupplierICOs).joined(separator: ", ")
            return "Soubor obsahuje faktury více dodavatelů (IČO \(all)), ale importujete ho pro věřitele s IČO "
                + "\(organization.ico). Vyexportujte jen faktury tohoto věřitele a soubor nahrajte znovu."
        }
        let stated = batch.supplierICO.trimmingCharacters(in: .whitespaces)
        guard !stated.isEmpty else {
            return "Soubor neuvádí IČO dodavatele, takže nelze ověřit, že faktury vystavil věřitel "
                + "s IČO \(organization.ico)."
        }
        let normalized = ICO(stated)?.digits ?? stated
        guard normalized == organization.ico else {
            return "Soubor vystavil dodavatel s IČO \(stated), ale importujete ho pro věřitele s IČO "
                + "\(organization.ico). Nahrajte soubor pod účtem správného věřitele."
        }
        return nil
    }

    /// Reads the invoice inside an `.isdocx` package: the ZIP entry whose name ends with `.isdoc`.
    ///
    /// NOTE: the package is held in memory while the invoice is extracted, about 2.4 × its size at the peak (an
    /// 88 MB package measured 210 MB). The size limit bounds it, but a package is not streamed like other files.
    func readISDOCX(_ url: URL, sink: @escaping ImportItemSink) throws -> ImportBatch {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size <= limits.maxBytes else {
            throw ImportError(
                .tooLarge,
                "Soubor je větší než povolených \(limits.maxBytes / 1024 / 1024) MiB. Rozdělte ho na menší části.")
        }
        let invoice: [UInt8]
        do {
            let archive = try ZipArchive(bytes: Array(try Data(contentsOf: url)))
            guard let entry = archive.entries.first(where: { $0.name.lowercased().hasSuffix(".isdoc") }) else {
                throw ImportError(.malformed, "Balíček ISDOCX neobsahuje žádný soubor .isdoc s fakturou.")
            }
            invoice = try archive.extract(entry, maxBytes: limits.maxBytes)
        } catch let failure as ZipArchive.Failure {
            throw ImportError(.malformed, failure.description)
        }
        let extracted = FileManager.default.temporaryDirectory
            .appendingPathComponent("kolektor-isdocx-\(UUID().uuidString).isdoc")
        try Data(invoice).write(to: extracted)
        defer { try? FileManager.default.removeItem(at: extracted) }
        return try ImportReader.stream(extracted, limits: limits, sink: sink)
    }

    static func formatGuess(_ fileName: String) -> String {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".csv") { return ImportFormat.csv.rawValue }
        if lower.hasSuffix(".isdoc") || lower.hasSuffix(".isdocx") { return ImportFormat.isdoc.rawValue }
        return "xml"
    }
}

/// The SHA-256 of a file, computed on another thread while the import reads the same file.
///
/// Thread-safety: `digest` is written once before `group.leave()` and read only after `group.wait()`.
private final class FileDigestTask: @unchecked Sendable {
    private let group = DispatchGroup()
    private var digest = ""

    /// Starts hashing the file. A file over `maxBytes` gets no digest, because its import is rejected as too large.
    init(_ url: URL, maxBytes: Int) {
        group.enter()
        DispatchQueue.global().async {
            self.digest = Digest.sha256(fileAt: url, maxBytes: maxBytes)?.hexString ?? ""
            self.group.leave()
        }
    }

    /// The hex digest, waiting for it; empty when the file could not be read.
    var value: String {
        group.wait()
        return digest
    }
}
