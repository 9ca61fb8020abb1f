import Foundation

/// Options of a subcommand given as `--name value` pairs.
struct Arguments {
    private var values: [String: String] = [:]

    init(_ arguments: [String], allowed: Set<String>) throws {
        var remaining = arguments[...]
        while let option = remaining.popFirst() {
            guard option.hasPrefix("--") else { throw UsageError("neočekávaný argument „\(option)“") }
            let name = String(option.dropFirst(2))
            guard allowed.contains(name) else {
                throw UsageError("neznámá volba --\(name); povolené: " + allowed.sorted().map { "--\($0)" }.joined(separator: ", "))
            }
            guard let value = remaining.popFirst() else { throw UsageError("volba --\(name) potřebuje hodnotu") }
            values[name] = value
        }
    }

    subscript(name: String) -> String? { values[name] }

    func required(_ name: String) throws -> String {
        guard let value = values[name], !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw UsageError("chybí povinná volba --\(name)")
        }
        return value
    }
}
