import Domain
import Foundation
import Roles
import Store

/// `portal letters …`: the print batches of letters. Messages are in Czech for the operator.
enum LettersCommand {
    static let usage = """
        použití:
          portal letters list --day RRRR-MM-DD          dopisy v dávce daného dne
          portal letters confirm --day RRRR-MM-DD       dávka byla vytištěna a podána: dopisy označí jako odeslané
          portal letters receipt --id ČÍSLO --date RRRR-MM-DD
                                                        datum doručenky doporučeného dopisu do vlastních rukou
          portal letters sample --count POČET [--directory ADRESÁŘ]
                                                        vykreslí ukázkové dopisy (kontrola tisku, měření rychlosti)
        """

    static func run(arguments: [String], configuration: Configuration) throws {
        guard let subcommand = arguments.first else { throw UsageError(usage) }
        if ["help", "--help", "-h"].contains(subcommand) {
            print(usage)
            return
        }
        let options = Array(arguments.dropFirst())
        if subcommand == "sample" {
            try sample(options)
            return
        }
        let connection = try Connection(conninfo: try configuration.databaseURL())
        defer { connection.close() }
        switch subcommand {
        case "list":
            let args = try Arguments(options, allowed: ["day"])
            let day = try date(try args.required("day"), option: "day")
            let entries = try LetterBatchRepository.entries(day: day, on: connection)
            if entries.isEmpty { print("Dávka \(Formatting.date(day)) je prázdná.") }
            for entry in entries {
                let receipt = entry.deliveryReceiptOn.map { ", doručeno \(Formatting.date($0))" } ?? ""
                print("\(entry.outboxID)  \(entry.status)\(entry.registered ? "  doporučeně" : "")\(receipt)  \(entry.recipient.split(separator: "\n").first ?? "")")
            }
        case "confirm":
            let args = try Arguments(options, allowed: ["day"])
            let day = try date(try args.required("day"), option: "day")
            let count = try LetterBatchRepository.confirm(day: day, by: "cli", at: Date(), on: connection)
            print("Dávka \(Formatting.date(day)): \(count) dopisů označeno jako odeslané.")
        case "receipt":
            let args = try Arguments(options, allowed: ["id", "date"])
            guard let id = Int64(try args.required("id")) else { throw UsageError("--id musí být číslo zprávy") }
            let day = try date(try args.required("date"), option: "date")
            guard try LetterBatchRepository.recordReceipt(outboxID: id, on: day, on: connection) else {
                throw UsageError(
                    "Zpráva \(id) není odeslaný doporučený dopis bez zapsané doručenky. Zkontrolujte číslo příkazem portal letters list.")
            }
            print("Doručenka dopisu \(id) zapsána: \(Formatting.date(day)).")
        default:
            throw UsageError("neznámý příkaz letters \(subcommand)\n\n\(usage)")
        }
    }

    /// Renders sample letters and prints letters per second next to plain one-line pages, the cairo and pango floor.
    static func sample(_ options: [String]) throws {
        let args = try Arguments(options, allowed: ["count", "directory"])
        guard let count = Int(try args.required("count")), (1...100_000).contains(count) else {
            throw UsageError("--count musí být celé číslo od 1 do 100 000")
        }
        let letters = try LetterSamples.renderDemands(count: count, directory: args["directory"])
        let plain = try LetterSamples.renderPlainPages(count: count)
        let letterRate = Double(count) / letters
        let plainRate = Double(count) / plain
        print(String(format: "dopisy: %d za %.2f s, %.1f dopisů/s; prosté stránky: %.1f/s; poměr %.2f", count, letters,
                     letterRate, plainRate, letterRate / plainRate))
    }

    static func date(_ text: String, option: String) throws -> CalendarDate {
        guard let day = CalendarDate(iso: text) else {
            throw UsageError("--\(option) „\(text)“ není platné datum; zadejte ho ve tvaru RRRR-MM-DD, například 2026-12-04")
        }
        return day
    }
}
