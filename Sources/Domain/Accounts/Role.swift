/// What a user account may do in Kolektor; each role signs in on its own site.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// The creditor's main user (hlavní uživatel): everything for its creditor.
    case clientAdmin = "client_admin"
    /// The creditor's clerk (podřízený): only debtors assigned to them, drafts only.
    case subordinate
    /// Partner attorney (advokát), registered with the Czech Bar Association (ČAK).
    case lawyer
    /// Partner arbitrator (rozhodce).
    case arbitrator
    /// Partner bailiff (soudní exekutor).
    case bailiff
    /// Runs the service: onboards partners, reviews misuse reports.
    case `operator`

    /// Whether the account belongs to a creditor organization (client admin and subordinate).
    public var belongsToCreditor: Bool { self == .clientAdmin || self == .subordinate }

    /// Whether the account is a partner working for many creditors.
    public var isPartner: Bool { self == .lawyer || self == .arbitrator || self == .bailiff }
}
