import Foundation

let usage = """
    použití: portal <příkaz> [volby]

    příkazy:
      serve      FastCGI server portálu (volby: --listen ADRESA, --threads POČET)
      worker     doručuje e-maily, SMS a dopisy z fronty (běží do SIGTERM)
      schedule   jednou spustí plánovač vymáhání (worker ho spouští každých 10 minut)
      migrate    provede migrace databáze, které ještě neproběhly
      import     nahraje pohledávky ze souboru (portal import --creditor IČO [--mode snapshot|delta] [--partial] SOUBOR)
      bank-statement  spáruje platby z výpisu GPC/ABO nebo camt.053 (portal bank-statement --creditor IČO SOUBOR)
      letters    tiskové dávky dopisů: výpis, potvrzení, doručenky (portal letters)
      admin      zakládá věřitele a účty a vypisuje je (portal admin)
      demo       založí ukázkového věřitele, jeho uživatele, partnery a dlužníky
      help       vypíše tento text

    Nastavení se čte z var/portal.conf (zapisuje ho make run) a z proměnných prostředí,
    například DATABASE_URL, KOLEKTOR_LISTEN a KOLEKTOR_THREADS; viz README.md.
    """

var arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.isEmpty ? "help" : arguments.removeFirst()

do {
    let configuration = try Configuration.load()
    switch command {
    case "serve":
        try ServeCommand.run(arguments: arguments, configuration: configuration)
    case "schedule":
        try ScheduleCommand.run(configuration: configuration)
    case "worker":
        try WorkerCommand.run(configuration: configuration)
    case "migrate":
        try MigrateCommand.run(configuration: configuration)
    case "letters":
        try LettersCommand.run(arguments: arguments, configuration: configuration)
    case "admin":
        try AdminCommand.run(arguments: arguments, configuration: configuration)
    case "import":
        exit(try ImportCommand.run(arguments: arguments, configuration: configuration))
    case "bank-statement":
        exit(try BankStatementCommand.run(arguments: arguments, configuration: configuration))
    case "demo":
        try DemoCommand.run(configuration: configuration)
    case "help", "--help", "-h":
        print(usage)
    default:
        throw UsageError("unknown command \"\(command)\"\n\n\(usage)")
    }
} catch let error as UsageError {
    FileHandle.standardError.write(Data("portal: \(error.description)\n".utf8))
    exit(2)
} catch {
    FileHandle.standardError.write(Data("portal: \(command) failed: \(error)\n".utf8))
    exit(1)
}
