import Domain
import Web

/// E-mails about accounts: a password-reset link and an invitation, in the recipient's language.
enum AccountMail {
    static func reset(link: String, name: String, language: Language, catalog: Catalog) -> (subject: String, body: String) {
        (catalog.text("mail.reset.subject", language),
         catalog.text("mail.reset.body", language, ["name": name, "link": link]))
    }

    static func invitation(
        link: String, name: String, organization: String, inviter: String, language: Language, catalog: Catalog
    ) -> (subject: String, body: String) {
        let values = ["name": name, "link": link, "organization": organization, "inviter": inviter]
        return (catalog.text("mail.invitation.subject", language, values),
                catalog.text("mail.invitation.body", language, values))
    }
}
