/// A problem with one row of an import file, reported to the user in Czech.
public struct ImportIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The line of the file the row starts on; 0 for the file as a whole.
    public var line: Int
    /// The field's name as the user knows it, such as „datum splatnosti“.
    public var field: String
    public var value: String
    /// What is wrong, as a Czech sentence.
    public var reason: String

    public init(line: Int, field: String, value: String, reason: String) {
        self.line = line
        self.field = field
        self.value = value
        self.reason = reason
    }

    public var description: String {
        let place = line > 0 ? "řádek \(line)" : "soubor"
        let shown = value.count > 80 ? String(value.prefix(80)) + "…" : value
        return "\(place), pole „\(field)“, hodnota „\(shown)“: \(reason)"
    }
}
