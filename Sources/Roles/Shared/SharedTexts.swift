import Web

/// Texts of the page frame and the error pages.
enum SharedTexts {
    static let catalog = Catalog([
        "layout.skip": ["Přeskočit na obsah", "Skip to content"],
        "layout.navigation": ["Hlavní navigace", "Main navigation"],
        "layout.switchLanguage": ["English", "Česky"],
        "layout.password": ["Změnit heslo", "Change password"],
        "layout.signOut": ["Odhlásit se", "Sign out"],
        "layout.signedInAs": ["Uživatel: {name}", "Signed in as {name}"],
        "layout.footer": [
            "Kolektor – správa pohledávek pro české firmy. Správcem osobních údajů je provozovatel služby Kolektor.",
            "Kolektor – receivables collection for Czech businesses. The operator is responsible for personal data.",
        ],

        "site.publicSite": ["Kolektor", "Kolektor"],
        "site.client": ["Portál věřitele", "Creditor portal"],
        "site.debtor": ["Portál dlužníka", "Debtor portal"],
        "site.lawyer": ["Portál advokáta", "Lawyer portal"],
        "site.arbitrator": ["Portál rozhodce", "Arbitrator portal"],
        "site.bailiff": ["Portál exekutora", "Bailiff portal"],
        "site.operator": ["Provoz", "Operations"],
        "site.api": ["API", "API"],

        "error.home": ["Zpět na úvodní stránku", "Back to the home page"],
        "error.siteHome": ["Zpět na přehled portálu", "Back to the portal overview"],
        "error.400.title": ["Neplatný požadavek", "Bad request"],
        "error.400.text": [
            "Požadavek se nepodařilo zpracovat, protože mu chybí část dat. Zkuste akci zopakovat.",
            "The request could not be processed because part of its data is missing. Please try again.",
        ],
        "error.403.title": ["Přístup odepřen", "Access denied"],
        "error.403.text": [
            "K této stránce nemáte oprávnění. Pokud si myslíte, že byste ho mít měli, obraťte se na hlavního uživatele svého účtu.",
            "You are not allowed to open this page. If you think you should be, ask the main user of your account.",
        ],
        "error.404.title": ["Stránka nenalezena", "Page not found"],
        "error.404.text": [
            "Tato stránka neexistuje nebo k ní nemáte přístup. Zkontrolujte adresu nebo pokračujte z úvodní stránky.",
            "This page does not exist or you cannot access it. Check the address or continue from the home page.",
        ],
        "error.405.title": ["Nepodporovaná metoda", "Method not allowed"],
        "error.405.text": [
            "Tuto stránku nelze otevřít tímto způsobem. Pokračujte prosím přes odkaz v portálu.",
            "This page cannot be opened this way. Please continue through a link in the portal.",
        ],
        "error.413.title": ["Příliš velký požadavek", "Request too large"],
        "error.413.text": [
            "Odeslaná data jsou větší, než portál přijímá. Zmenšete soubor nebo ho rozdělte na menší části.",
            "The data sent is larger than the portal accepts. Make the file smaller or split it into parts.",
        ],
        "error.429.title": ["Příliš mnoho požadavků", "Too many requests"],
        "error.429.text": [
            "Z vaší adresy přišlo během krátké doby příliš mnoho požadavků. Zkuste to prosím znovu za minutu.",
            "Too many requests came from your address in a short time. Please try again in a minute.",
        ],
        "error.500.title": ["Chyba portálu", "Portal error"],
        "error.500.text": [
            "Při zpracování došlo k chybě na naší straně. Nic z rozpracovaného nebylo uloženo napůl. Zkuste to prosím za chvíli znovu.",
            "Something went wrong on our side. Nothing was saved halfway. Please try again in a moment.",
        ],
        "error.503.title": ["Služba je dočasně nedostupná", "Service temporarily unavailable"],
        "error.503.text": [
            "Portál se nemůže spojit s databází. Zkuste to prosím za několik minut znovu.",
            "The portal cannot reach its database. Please try again in a few minutes.",
        ],
    ])
}
