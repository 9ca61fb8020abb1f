import Crypto
import Domain
import Foundation
import Interchange
import Store

/// `portal bank-statement --creditor IČO FILE`: matches the incoming payments of a GPC/ABO or camt.053 statement to
/// the creditor's open receivables and prints the Czech report.
enum BankStatementCommand {
    static let usage = """
        použití: portal bank-statement --creditor IČO SOUBOR

        Spáruje příchozí platby z výpisu (GPC/ABO s příponou .gpc nebo .abo, jinak camt.053 XML) s otevřenými
        pohledávkami věřitele podle variabilního symbolu a částky. Opakované načtení téhož výpisu nic nezmění.
        """

    static func run(arguments: [String], configuration: Configuration) throws -> Int32 {
        guard arguments.count == 3, arguments[0] == "--creditor" else { throw UsageError(usage) }
        let url = URL(fileURLWithPath: arguments[2])
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw UsageError("soubor „\(arguments[2])“ neexistuje nebo ho nelze číst")
        }
        let connection = try Connection(conninfo: try configuration.databaseURL())
        defer { connection.close() }
        let ico = ICO(arguments[1])?.digits ?? arguments[1]
        guard let organization = try OrganizationRepository.find(ico: ico, on: connection) else {
            throw UsageError("Věřitel s IČO „\(arguments[1])“ neexistuje.")
        }
        let statement: BankStatement
        do {
            statement = try BankStatementReader.read(
                url, limits: ImportLimits(maxBytes: try configuration.integer("KOLEKTOR_IMPORT_MAX_BYTES")))
        } catch let error as ImportError {
            FileHandle.standardError.write(Data("Výpis byl odmítnut: \(error.description)\n".utf8))
            return 1
        }
        let batch = try PaymentMatching.apply(
            statement, organizationID: organization.id, actor: "cli", fileName: url.lastPathComponent,
            fileSHA256: Digest.sha256(fileAt: url)?.hexString ?? "", now: Date(), on: connection)
        print(
            "Výpis dávky \(batch.id): uhrazené \(batch.paidCount), částečně uhrazené \(batch.updatedCount), "
                + "již načtené platby \(batch.unchangedCount), nespárované platby \(batch.rejectedCount).")
        batch.issues.forEach { print($0.description) }
        return 0
    }
}
