import Web

/// Texts of the partner, operator and debtor sites and of the development mailbox.
enum PartnerTexts {
    static let catalog = Catalog([
        "partner.nav.overview": ["Přehled", "Overview"],
        "partner.cakNumber": ["Evidenční číslo ČAK", "Czech Bar Association number"],
        "partner.bailiffOffice": ["Exekutorský úřad", "Bailiff's office"],
        "partner.bailiffRegion": ["Obvod působnosti", "Region served"],
        "partner.arbitratorRegistration": ["Registrace rozhodce", "Arbitrator registration"],
        "partner.lawyer.work": ["Plné moci a výzvy", "Powers of attorney and demands"],
        "partner.lawyer.empty": [
            "Zatím vám žádný věřitel neudělil plnou moc. Jakmile ji udělí, uvidíte ji zde a budete ji moci přijmout.",
            "No creditor has granted you a power of attorney yet. When one does, it appears here for you to accept.",
        ],
        "partner.arbitrator.work": ["Dohody ke schválení", "Agreements to approve"],
        "partner.arbitrator.empty": [
            "Zatím vám nebyla předložena žádná podepsaná dohoda ke schválení rozhodčím nálezem.",
            "No signed agreement has been submitted to you for an award yet.",
        ],
        "partner.bailiff.work": ["Návrhy na exekuci", "Execution petitions"],
        "partner.bailiff.empty": [
            "Zatím vám nebyl podán žádný návrh na exekuci.", "No execution petition has been filed with you yet.",
        ],

        "operator.organizations": ["Věřitelé", "Creditors"],
        "operator.partners": ["Partneři a provozovatelé", "Partners and operators"],
        "operator.name": ["Název / jméno", "Name"],
        "operator.since": ["Klientem od", "Client since"],
        "operator.active": ["aktivní", "active"],
        "operator.inactive": ["neaktivní", "inactive"],
        "operator.registration": ["Registrace", "Registration"],
        "operator.cliHint": [
            "Věřitele a partnery zakládá provozovatel příkazem portal admin na serveru.",
            "The operator creates creditors and partners with the portal admin command on the server.",
        ],

        "debtor.signIn.title": ["Přihlášení dlužníka", "Debtor sign-in"],
        "debtor.signIn.link": [
            "Do portálu dlužníka se přihlásíte osobním odkazem z e-mailu, který jste od nás dostali. Po otevření odkazu zadáte kód, který vám přijde SMS zprávou.",
            "You sign in to the debtor portal with the personal link from the e-mail we sent you. After opening it, you enter the code sent to you by SMS.",
        ],
        "debtor.signIn.letter": [
            "Pokud jste dostali dopis, použijte adresu a přístupový kód vytištěné v dopise. Heslo nepotřebujete.",
            "If you received a letter, use the address and the access code printed in it. You do not need a password.",
        ],
        "debtor.signIn.faq": ["Časté dotazy dlužníků", "Questions debtors often ask"],

        "dev.mailbox.title": ["Vývojová pošta", "Development mailbox"],
        "dev.mailbox.note": [
            "Tato stránka existuje jen ve vývojovém režimu. Zprávy se neodesílají, ukládají se do var/mail/.",
            "This page exists only in development mode. Messages are not sent; they are stored under var/mail/.",
        ],
        "dev.mailbox.empty": ["Zatím žádné zprávy.", "No messages yet."],
    ])
}
