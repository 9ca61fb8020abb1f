import Domain

/// E-mails about accounts: a password-reset link and an invitation, rendered from the message templates.
enum AccountMail {
    static func reset(link: String, name: String, language: Language) -> RenderedMessage {
        MessageTemplates.render(.passwordReset, language: language, values: ["name": name, "link": link])
    }

    static func invitation(link: String, name: String, organization: String, inviter: String, language: Language)
        -> RenderedMessage
    {
        MessageTemplates.render(
            .invitation, language: language,
            values: ["name": name, "link": link, "organization": organization, "inviter": inviter])
    }
}
