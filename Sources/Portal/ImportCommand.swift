import Domain
import Foundation
import Interchange
import Roles
import Store

/// `portal import --creditor IČO [--mode snapshot|delta] [--partial] FILE`: imports receivables for a creditor and
/// prints the Czech report. Exits 0 when the file was applied and 1 when it was rejected.
enum ImportCommand {
    static let usage = """
        použití: portal import --creditor IČO [--mode snapshot|delta] [--partial] SOUBOR

          --creditor IČO   věřitel, pro kterého se importuje; IČO dodavatele v souboru se s ním musí shodovat
          --mode delta     (výchozí) soubor obsahuje jen nové a změněné pohledávky
          --mode snapshot  soubor obsahuje všechny otevřené pohledávky; chybějící se uzavřou jako uhrazené
          --partial        naimportuje platné řádky i tehdy, když jiné řádky obsahují chyby

        Formát se pozná podle obsahu (Kolektor XML, ISDOC, POHODA XML, Money S3 XML) nebo podle přípony .csv.
        Největší velikost souboru nastavuje KOLEKTOR_IMPORT_MAX_BYTES (v bajtech, výchozí 100 MiB).
        """

    struct Options {
        var creditor = ""
        var mode = ImportMode.delta
        var partial = false
        var file = ""
    }

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--creditor":
                guard let value = remaining.popFirst() else { throw UsageError("volba --creditor potřebuje IČO") }
                options.creditor = value
            case "--mode":
                guard let value = remaining.popFirst(), let mode = ImportMode(rawValue: value) else {
                    throw UsageError("volba --mode přijímá snapshot nebo delta")
                }
                options.mode = mode
            case "--partial":
                options.partial = true
            default:
                guard !argument.hasPrefix("--"), options.file.isEmpty else {
                    throw UsageError("neočekávaný argument „\(argument)“\n\n\(usage)")
                }
                options.file = argument
            }
        }
        guard !options.creditor.isEmpty else { throw UsageError("chybí povinná volba --creditor\n\n\(usage)") }
        guard !options.file.isEmpty else { throw UsageError("chybí soubor k importu\n\n\(usage)") }
        return options
    }

    /// Runs the import and returns the process exit status.
    static func run(arguments: [String], configuration: Configuration) throws -> Int32 {
        let options = try parse(arguments)
        let url = URL(fileURLWithPath: options.file)
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw UsageError("soubor „\(options.file)“ neexistuje nebo ho nelze číst")
        }
        let connection = try Connection(conninfo: try configuration.databaseURL())
        defer { connection.close() }
        let ico = ICO(options.creditor)?.digits ?? options.creditor
        guard let organization = try OrganizationRepository.find(ico: ico, on: connection) else {
            throw UsageError(
                "Věřitel s IČO „\(options.creditor)“ neexistuje. Založte ho příkazem "
                    + "portal admin create-organization.")
        }
        let maxBytes = try configuration.integer("KOLEKTOR_IMPORT_MAX_BYTES")
        let service = ImportService(limits: ImportLimits(maxBytes: maxBytes))
        let batch = try service.importFile(
            at: url, fileName: url.lastPathComponent, organization: organization, actor: "cli", mode: options.mode,
            partial: options.partial, on: connection)
        if batch.status == .applied {
            print(batch.reportText)
            return 0
        }
        FileHandle.standardError.write(Data((batch.reportText + "\n").utf8))
        return 1
    }
}
