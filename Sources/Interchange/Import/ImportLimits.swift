/// Limits that keep a hostile or broken import file from exhausting memory or time.
public struct ImportLimits: Sendable {
    /// The largest file accepted, in bytes.
    public var maxBytes: Int
    /// The longest text of one XML element or CSV field, in characters.
    public var maxFieldLength: Int

    /// 100 MiB holds well over 100 000 receivables in any of the formats; a field longer than 10 000 characters is
    /// no name or address.
    public init(maxBytes: Int = 100 * 1024 * 1024, maxFieldLength: Int = 10_000) {
        self.maxBytes = maxBytes
        self.maxFieldLength = maxFieldLength
    }
}
