import Foundation

let usage = """
    usage: portal <command> [options]

    commands:
      serve      run the FastCGI server (options: --listen ADDRESS, --threads N)
      migrate    apply database migrations that have not been applied yet
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
