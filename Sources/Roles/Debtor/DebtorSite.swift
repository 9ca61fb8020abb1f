import Web

/// The debtor's site at `/dluznik/`. Debtors have no password: they arrive by the personal link from an e-mail and
/// a code sent by SMS, or enter the access code from a letter.
enum DebtorSite {
    static func register(in router: inout Router<RequestContext>) {
        DebtorSignIn.register(in: &router)
        DebtorPortalPage.register(in: &router)
        DebtorAnswers.register(in: &router)
        MisuseReporting.register(in: &router)
    }
}
