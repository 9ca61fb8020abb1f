import Domain
import Foundation

/// The treatment of receivables that an import file does not list.
public enum ImportMode: String, Sendable, CaseIterable {
    /// The file lists every open receivable, so an open imported receivable missing from it was paid.
    case snapshot
    /// The file lists only new and changed receivables; the others stay as they are.
    case delta
    /// A receivable entered by hand in the portal: applied like `delta` and stored with source `manual`, which
    /// snapshots never close.
    case manual
}

/// Validated rows of one import file and the facts recorded with its batch.
public struct ImportRequest: Sendable {
    public var organizationID: Int64
    public var actor: String
    public var fileName: String
    public var fileSHA256: String
    public var format: String
    public var mode: ImportMode
    /// Apply the valid rows even when other rows have issues.
    public var partial: Bool
    public var receivables: [ReceivableRecord]
    public var creditNotes: [CreditNoteRecord]
    /// The external ids of every row in the file, rejected ones included, so a snapshot never closes a receivable
    /// whose row was merely invalid.
    public var fileExternalIDs: [String]
    public var issues: [ImportIssue]
    /// Rejected rows beyond those `issues` lists: a report keeps the first `ImportRequest.maxListedIssues` issues,
    /// so that a file of a million bad rows cannot fill memory or the batch record.
    public var unlistedRejectedRows = 0
    public var rowCount: Int

    public static let maxListedIssues = 1_000

    /// The number of rejected rows, listed or not.
    var rejectedRowCount: Int { Set(issues.map(\.line)).count + unlistedRejectedRows }

    public init(
        organizationID: Int64, actor: String, fileName: String, fileSHA256: String, format: String, mode: ImportMode,
        partial: Bool, receivables: [ReceivableRecord], creditNotes: [CreditNoteRecord] = [],
        fileExternalIDs: [String]? = nil, issues: [ImportIssue] = [], rowCount: Int? = nil
    ) {
        self.organizationID = organizationID
        self.actor = actor
        self.fileName = fileName
        self.fileSHA256 = fileSHA256
        self.format = format
        self.mode = mode
        self.partial = partial
        self.receivables = receivables
        self.creditNotes = creditNotes
        self.fileExternalIDs = fileExternalIDs ?? receivables.map(\.externalID)
        self.issues = issues
        self.rowCount = rowCount ?? receivables.count + creditNotes.count
    }
}

/// A stored import batch: its counts and, for a rejected file, the reason and the row issues.
public struct ImportBatchSummary: Sendable, Equatable {
    public enum Status: String, Sendable {
        case applied
        case rejected
    }

    public var id: Int64
    public var organizationID: Int64
    public var createdAt: Date
    public var actor: String
    public var fileName: String
    public var format: String
    public var mode: String
    public var partial: Bool
    public var status: Status
    public var message: String
    public var rowCount: Int
    public var newCount: Int
    public var updatedCount: Int
    public var paidCount: Int
    public var cancelledCount: Int
    public var unchangedCount: Int
    public var rejectedCount: Int
    public var issues: [ImportIssue]

    /// The Czech report: the reason or the counts, then one line per issue.
    public var reportText: String {
        var lines: [String] = []
        if status == .rejected {
            lines.append("Import byl odmítnut, nic se nezměnilo. \(message)")
        } else {
            lines.append(
                "Import dávky \(id): nové \(newCount), změněné \(updatedCount), uhrazené \(paidCount), "
                    + "stornované \(cancelledCount), beze změny \(unchangedCount), odmítnuté řádky \(rejectedCount).")
        }
        lines += issues.map(\.description)
        return lines.joined(separator: "\n")
    }
}

/// One change a batch made on a receivable, for the batch report.
public struct ReceivableChange: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case new
        case updated
        case reopened
        case partialPayment = "partial_payment"
        case paid
        case cancelled
        case credited
    }

    public var receivableID: Int64
    /// The line of the file, 0 when a snapshot no longer listed the receivable.
    public var line: Int
    public var externalID: String
    public var invoiceNumber: String
    public var debtorName: String
    public var kind: Kind
    public var oldStatus: ReceivableStatus?
    public var newStatus: ReceivableStatus
    public var oldRemaining: Money?
    public var newRemaining: Money
}
