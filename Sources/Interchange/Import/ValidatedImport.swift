import Domain

/// The outcome of validating an `ImportBatch`: the valid rows and a Czech issue for every rejected one.
public struct ValidatedImport: Sendable {
    public var format: ImportFormat
    public var supplierICO: String
    public var supplierName: String
    public var receivables: [ReceivableRecord] = []
    public var creditNotes: [CreditNoteRecord] = []
    public var issues: [ImportIssue] = []
    /// The number of rows (receivables and credit notes) in the file.
    public var rowCount = 0

    /// The number of rows rejected by at least one issue.
    public var rejectedRowCount: Int { Set(issues.map(\.line)).count }
}
