import Web

/// Texts of sign-in and password pages.
enum AccountTexts {
    static let catalog = Catalog([
        "auth.signIn.title": ["Přihlášení – {site}", "Sign in – {site}"],
        "auth.signIn.submit": ["Přihlásit se", "Sign in"],
        "auth.email": ["E-mail", "E-mail"],
        "auth.password": ["Heslo", "Password"],
        "auth.backToSignIn": ["Zpět na přihlášení", "Back to sign-in"],
        "auth.flash.signedOut": ["Byli jste odhlášeni.", "You have been signed out."],
        "auth.flash.passwordSet": [
            "Heslo bylo nastaveno. Nyní se můžete přihlásit.", "Your password has been set. You can sign in now.",
        ],
        "auth.flash.expired": [
            "Platnost formuláře vypršela. Přihlaste se prosím znovu.", "The form has expired. Please sign in again.",
        ],
        "auth.error.invalid": [
            "Přihlášení se nezdařilo. Zkontrolujte e-mail a heslo, nebo si nechte poslat odkaz pro nové heslo.",
            "Sign-in failed. Check your e-mail and password, or ask for a link to set a new password.",
        ],
        "auth.error.throttled": [
            "Příliš mnoho neúspěšných pokusů o přihlášení. Další pokus je možný za {seconds} s.",
            "Too many failed sign-in attempts. You can try again in {seconds} s.",
        ],
        "auth.error.busy": [
            "Server je právě vytížený. Zkuste to prosím za několik sekund znovu.",
            "The server is busy right now. Please try again in a few seconds.",
        ],
        "auth.error.formExpired": [
            "Platnost formuláře vypršela. Zadejte prosím údaje znovu.",
            "The form has expired. Please enter your details again.",
        ],
        "auth.forgotten.link": ["Zapomněli jste heslo?", "Forgotten your password?"],
        "auth.forgotten.title": ["Zapomenuté heslo", "Forgotten password"],
        "auth.forgotten.lead": [
            "Zadejte e-mail, kterým se přihlašujete. Pošleme na něj odkaz pro nastavení nového hesla, platný jednu hodinu.",
            "Enter the e-mail you sign in with. We will send a link to set a new password, valid for one hour.",
        ],
        "auth.forgotten.submit": ["Poslat odkaz", "Send link"],
        "auth.forgotten.sent": [
            "Pokud k tomuto e-mailu existuje účet, poslali jsme na něj odkaz pro nastavení nového hesla. Odkaz platí jednu hodinu.",
            "If an account exists for this e-mail, we have sent it a link to set a new password. The link is valid for one hour.",
        ],
        "auth.newPassword.title": ["Nastavení nového hesla", "Set a new password"],
        "auth.newPassword.password": ["Nové heslo", "New password"],
        "auth.newPassword.token": ["Kód z odkazu", "Code from the link"],
        "auth.newPassword.tokenHint": [
            "Vyplní se sám, když otevřete odkaz z e-mailu. Jinak sem vložte vše za „#token=“ z odkazu.",
            "It fills in by itself when you open the link from the e-mail. Otherwise paste everything after \"#token=\" from the link.",
        ],
        "auth.newPassword.again": ["Nové heslo znovu", "New password again"],
        "auth.newPassword.submit": ["Nastavit heslo", "Set password"],
        "auth.password.rule": [
            "Heslo musí mít alespoň 10 znaků. Doporučujeme několik slov nebo správce hesel.",
            "The password must have at least 10 characters. A few words or a password manager work well.",
        ],
        "auth.password.control": [
            "Heslo nesmí obsahovat řídicí znaky (například tabulátor nebo konec řádku). Zvolte jiné heslo.",
            "The password must not contain control characters (such as a tab or a line break). Choose another one.",
        ],
        "auth.password.mismatch": [
            "Hesla se neshodují. Zadejte prosím nové heslo dvakrát stejně.",
            "The passwords do not match. Please enter the new password twice.",
        ],
        "auth.token.invalid.title": ["Odkaz už neplatí", "The link is no longer valid"],
        "auth.token.invalid.text": [
            "Odkaz pro nastavení hesla byl už použit nebo vypršel. Nechte si poslat nový.",
            "The link to set a password has been used or has expired. Ask for a new one.",
        ],
        "auth.change.title": ["Změna hesla", "Change password"],
        "auth.change.current": ["Současné heslo", "Current password"],
        "auth.change.submit": ["Změnit heslo", "Change password"],
        "auth.change.done": [
            "Heslo bylo změněno. Ostatní přihlášení byla ukončena.",
            "Your password has been changed. Other sessions have been signed out.",
        ],
        "auth.change.wrongCurrent": [
            "Současné heslo není správné. Zadejte ho prosím znovu.",
            "The current password is not correct. Please enter it again.",
        ],
    ])
}
