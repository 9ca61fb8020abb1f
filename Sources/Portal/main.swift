import Foundation

let usage = """
    usage: portal <command> [options]

    commands:
      serve      run the FastCGI server (options: --listen ADDRESS, --threads N)
      migrate    apply database migrations that have not been applied yet
      admin      create creditors and accounts, list them (portal admin for details)
      import     import receivables for a creditor (portal import --creditor IČO [--mode snapshot|delta]
                 [--partial] FILE); exits 1 when the file is rejected
      bank-statement  match payments of a GPC/ABO or camt.053 statement (portal bank-statement --creditor IČO FILE)
      demo       create the demo creditor, its users, partners and debtors
      help       print this text

    Settings come from var/portal.conf (written by `make run`) and from environment variables
    such as DATABASE_URL, KOLEKTOR_LISTEN and KOLEKTOR_THREADS; see README.md.
    """

var arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.isEmpty ? "help" : arguments.removeFirst()

do {
    let configuration = try Configuration.load()
    switch command {
    case "serve":
        try ServeCommand.run(arguments: arguments, configuration: configuration)
    case "migrate":
        try MigrateCommand.run(configuration: configuration)
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
