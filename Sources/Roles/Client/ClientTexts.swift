import Web

/// Texts of the client site and of roles and debtor kinds shown there.
enum ClientTexts {
    static let catalog = Catalog([
        "client.nav.overview": ["Přehled", "Overview"],
        "client.nav.debtors": ["Dlužníci", "Debtors"],
        "client.nav.users": ["Uživatelé", "Users"],
        "client.overview.title": ["Přehled", "Overview"],
        "client.overview.ico": ["IČO: {ico}", "Company ID (IČO): {ico}"],
        "client.overview.debtorsLink": ["Zobrazit dlužníky", "Show debtors"],
        "client.overview.usersLink": ["Spravovat uživatele", "Manage users"],
        "client.overview.subordinateNote": [
            "Pracujete s dlužníky, které vám přidělil hlavní uživatel. Připravené kroky schvaluje hlavní uživatel.",
            "You work on the debtors the main user assigned to you. The main user approves the steps you prepare.",
        ],
        "client.debtors.title": ["Dlužníci", "Debtors"],
        "client.debtors.none": [
            "Zatím zde nejsou žádní dlužníci. Přibudou s prvním importem faktur.",
            "There are no debtors yet. They appear with the first invoice import.",
        ],
        "client.debtors.noneAssigned": [
            "Zatím vám nebyl přidělen žádný dlužník. Požádejte hlavního uživatele o přidělení.",
            "No debtor has been assigned to you yet. Ask the main user to assign some.",
        ],
        "client.debtors.name": ["Název / jméno", "Name"],
        "client.debtors.kind": ["Typ", "Type"],
        "client.debtors.ico": ["IČO", "Company ID (IČO)"],
        "client.debtors.city": ["Obec", "City"],
        "client.debtors.address": ["Adresa", "Address"],
        "client.debtors.back": ["Zpět na seznam dlužníků", "Back to the debtor list"],
        "debtor.kind.business": ["podnikatel", "business"],
        "debtor.kind.consumer": ["spotřebitel", "consumer"],

        "client.users.title": ["Uživatelé", "Users"],
        "client.users.name": ["Jméno", "Name"],
        "client.users.role": ["Role", "Role"],
        "client.users.status": ["Stav", "Status"],
        "client.users.status.active": ["aktivní", "active"],
        "client.users.status.invited": ["pozván, heslo zatím nenastavil", "invited, no password set yet"],
        "client.users.status.inactive": ["deaktivován", "deactivated"],
        "client.users.invite.title": ["Pozvat podřízeného uživatele", "Invite a subordinate user"],
        "client.users.invite.lead": [
            "Podřízený uživatel připravuje kroky jen u dlužníků, které mu přidělíte. Nic neschvaluje ani neodesílá. Pozvánka s odkazem pro nastavení hesla platí 7 dní.",
            "A subordinate prepares steps only for the debtors you assign. They never approve or send anything. The invitation link to set a password is valid for 7 days.",
        ],
        "client.users.invite.submit": ["Poslat pozvánku", "Send invitation"],
        "client.users.error.name": ["Vyplňte jméno uživatele (nejvýše 200 znaků).", "Enter the user's name (at most 200 characters)."],
        "client.users.error.email": [
            "E-mail „{value}“ není platná adresa. Zadejte ji ve tvaru jmeno@firma.cz.",
            "The e-mail \"{value}\" is not a valid address. Use the form name@company.com.",
        ],
        "client.users.error.taken": [
            "E-mail „{value}“ už v Kolektoru používá jiný účet. Zvolte jinou adresu.",
            "The e-mail \"{value}\" is already used by another Kolektor account. Choose another address.",
        ],
        "client.users.flash.invited": ["Pozvánka byla odeslána.", "The invitation has been sent."],
        "client.users.flash.assigned": ["Přidělení dlužníků bylo uloženo.", "The debtor assignment has been saved."],
        "client.users.flash.deactivated": [
            "Uživatel byl deaktivován a jeho přihlášení ukončena.", "The user has been deactivated and signed out.",
        ],
        "client.users.flash.reactivated": ["Uživatel byl znovu aktivován.", "The user has been reactivated."],
        "client.users.assign.title": ["Přidělení dlužníci", "Assigned debtors"],
        "client.users.assign.lead": [
            "Uživatel uvidí a může připravovat kroky jen u zaškrtnutých dlužníků.",
            "The user sees and may prepare steps only for the checked debtors.",
        ],
        "client.users.assign.submit": ["Uložit přidělení", "Save assignment"],
        "client.users.access.title": ["Přístup", "Access"],
        "client.users.deactivate": ["Deaktivovat uživatele", "Deactivate user"],
        "client.users.reactivate": ["Znovu aktivovat", "Reactivate"],
        "client.users.back": ["Zpět na seznam uživatelů", "Back to the user list"],

        "role.client_admin": ["hlavní uživatel", "main user"],
        "role.subordinate": ["podřízený uživatel", "subordinate"],
        "role.lawyer": ["advokát", "lawyer"],
        "role.arbitrator": ["rozhodce", "arbitrator"],
        "role.bailiff": ["exekutor", "bailiff"],
        "role.operator": ["provozovatel", "operator"],
    ])
}
