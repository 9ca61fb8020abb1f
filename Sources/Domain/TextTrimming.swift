extension StringProtocol {
    /// Returns the text without leading and trailing spaces and tabs (Unicode space separators included), as
    /// `trimmingCharacters(in: .whitespaces)` does, but without Foundation's bridging. Imports call it for every field
    /// of every row, and most fields have nothing to trim.
    public func trimmedSpaces() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].isHorizontalSpace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].isHorizontalSpace { end = scalars.index(before: end) }
        if start == scalars.startIndex && end == scalars.endIndex { return String(self) }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}

extension Unicode.Scalar {
    /// A tab or a space separator (general category Zs), the set Foundation calls `.whitespaces`.
    var isHorizontalSpace: Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return properties.generalCategory == .spaceSeparator
    }
}
