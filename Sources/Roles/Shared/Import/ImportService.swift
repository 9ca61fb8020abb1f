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
    public func importFile(
        at url: URL, fileName: String, organization: Organization, actor: String, mode: ImportMode, partial: Bool,
        on connection: Connection
    ) throws -> ImportBatchSummary {
        let digest = Digest.sha256(fileAt: url)?.hexString ?? ""
        var request = ImportRequest(
            organizationID: organization.id, actor: actor, fileName: fileName, fileSHA256: digest, format: "",
            mode: mode, partial: partial, receivables: [])

        let batch: ImportBatch
        do {
            if fileName.lowercased().hasSuffix(".isdocx") {
                batch = try readISDOCX(url)
            } else {
                batch = try ImportReader.read(url, fileName: fileName, limits: limits)
            }
        } catch let error as ImportError {
            request.format = ImportService.formatGuess(fileName)
            return try ImportBatchRepository.recordRejected(
                request, message: error.description, issues: [], now: now, on: connection)
        }
        request.format = batch.format.rawValue

        let validated = ImportValidator(today: CalendarDate(now)).validate(batch)
        request.rowCount = validated.rowCount
        if let mismatch = ImportService.supplierMismatch(validated, organization: organization) {
            return try ImportBatchRepository.recordRejected(
                request, message: mismatch, issues: [], now: now, on: connection)
        }
        // NOTE: every row of the file is now in memory twice, as text in `batch` and validated in `request`, until
        // ReceivableImport has loaded it into temporary tables, so peak RSS grows with the file. bench/import.sh
        // measured 208 MB for 100 000 receivables and 1 334 MB for 1 000 000 (docs/benchmarks.md).
        request.receivables = validated.receivables
        request.creditNotes = validated.creditNotes
        request.fileExternalIDs = batch.receivables.filter { $0.documentKind == .invoice }
            .map { $0.externalID.isEmpty ? $0.invoiceNumber : $0.externalID }
        request.issues = validated.issues
        return try ReceivableImport.apply(request, now: now, on: connection)
    }

    /// Returns the Czech reason why the file's supplier is not this creditor, or nil when it matches. CSV files carry no
    /// supplier; every other format must name one.
    static func supplierMismatch(_ validated: ValidatedImport, organization: Organization) -> String? {
        if validated.format == .csv { return nil }
        let stated = validated.supplierICO.trimmingCharacters(in: .whitespaces)
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
    func readISDOCX(_ url: URL) throws -> ImportBatch {
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
        return try ImportReader.read(extracted, limits: limits)
    }

    static func formatGuess(_ fileName: String) -> String {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".csv") { return ImportFormat.csv.rawValue }
        if lower.hasSuffix(".isdoc") || lower.hasSuffix(".isdocx") { return ImportFormat.isdoc.rawValue }
        return "xml"
    }
}
