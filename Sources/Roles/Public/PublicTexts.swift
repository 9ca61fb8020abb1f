import Web

/// Texts of the public site: home page, how the process works, FAQ and the sign-in index.
enum PublicTexts {
    static let catalog = Catalog([
        "public.nav.how": ["Jak systém funguje", "How it works"],
        "public.nav.faq": ["Časté dotazy", "FAQ"],
        "public.nav.signIn": ["Přihlášení", "Sign in"],

        "home.title": ["Správa a vymáhání pohledávek", "Receivables collection"],
        "home.heading": [
            "Neuhrazené faktury vyřešené bez papírování",
            "Unpaid invoices resolved without paperwork",
        ],
        "home.lead": [
            "Kolektor převezme neuhrazené faktury přímo z vašeho účetnictví a provede je celým postupem: od upozornění zákazníka přes výzvu advokáta a splátkovou dohodu až po exekuci. Každá strana pracuje ve svém portálu nad stejným spisem.",
            "Kolektor takes unpaid invoices straight from your accounting system and carries them through the whole process: from notifying the customer, through a lawyer's demand and an instalment agreement, to execution. Every party works in its own portal on the same case file.",
        ],
        "home.howLink": ["Jak systém funguje", "How it works"],
        "home.card.import.title": ["Import z účetnictví", "Import from accounting"],
        "home.card.import.text": [
            "Faktury nahrajete ve formátu ISDOC, POHODA, Money S3, CSV nebo přes API. Pravidelný import zajistí, že nikoho neupomínáme kvůli faktuře, kterou už zaplatil.",
            "Upload invoices as ISDOC, POHODA, Money S3, CSV or through the API. Regular imports make sure nobody is chased for an invoice they have already paid.",
        ],
        "home.card.steps.title": ["Postup krok za krokem", "Step by step"],
        "home.card.steps.text": [
            "Mezi kroky vůči jednomu dlužníkovi je vždy nejméně 7 dní. Předžalobní výzvu odesílá advokát, kterému jste udělili plnou moc.",
            "There are always at least 7 days between two steps towards one debtor. The pre-action demand is sent by the lawyer you have granted a power of attorney.",
        ],
        "home.card.portals.title": ["Portál pro každou stranu", "A portal for every party"],
        "home.card.portals.text": [
            "Věřitel, dlužník, advokát, rozhodce i exekutor vidí jen to, co jim patří. Dlužník odpoví jedním kliknutím: zaplatím, odmítám, nebo nedlužím.",
            "Creditor, debtor, lawyer, arbitrator and bailiff see only what belongs to them. The debtor answers with one click: I will pay, I refuse, or I do not owe this.",
        ],
        "home.card.law.title": ["V souladu s českým právem", "Within Czech law"],
        "home.card.law.text": [
            "Úroky z prodlení podle nařízení vlády č. 351/2013 Sb., předžalobní výzva podle § 142a občanského soudního řádu, rozhodčí řízení jen mezi podnikateli.",
            "Late interest under government decree 351/2013 Coll., pre-action demand under section 142a of the Civil Procedure Code, arbitration between businesses only.",
        ],
        "home.signIn.heading": ["Přihlášení do portálů", "Sign in to the portals"],

        "how.title": ["Jak systém funguje", "How it works"],
        "how.lead": [
            "Celý postup od neuhrazené faktury po exekuci probíhá v jednom spisu. Každý krok se zaznamená, každý odeslaný dokument má otisk SHA-256 a nic se neodešle dvakrát.",
            "The whole process from an unpaid invoice to execution runs in one case file. Every step is recorded, every document sent carries a SHA-256 fingerprint, and nothing is sent twice.",
        ],
        "how.step1.title": ["Import faktur", "Importing invoices"],
        "how.step1.text": [
            "Věřitel nahraje neuhrazené faktury ze svého účetního programu nebo je Kolektoru posílá přes API. Při každém dalším importu systém porovná stav: zaplacené faktury uzavře, částečné úhrady odečte a naplánované kroky u uhrazených faktur zruší.",
            "The creditor uploads unpaid invoices from its accounting program or sends them through the API. Every later import is reconciled: paid invoices are closed, partial payments are deducted and planned steps for paid invoices are cancelled.",
        ],
        "how.step2.title": ["Oznámení zákazníkovi", "Notice to the customer"],
        "how.step2.text": [
            "Dlužník nejprve dostane oznámení, že věřitel vymáhá pohledávky přes Kolektor. Pokud věřitele nezná, může zneužití nahlásit a celý postup se zastaví, dokud ho neprověříme.",
            "The debtor first receives a notice that the creditor collects its receivables through Kolektor. A debtor who does not know the creditor can report misuse, and the process stops until we have reviewed it.",
        ],
        "how.step3.title": ["Výzva advokáta", "The lawyer's demand"],
        "how.step3.text": [
            "Věřitel udělí plnou moc advokátovi. Advokát odešle předžalobní výzvu e-mailem s odkazem do portálu dlužníka a přihlašovacím kódem v SMS, nebo dopisem s vytištěným kódem. Mezi dvěma kroky uplyne vždy nejméně 7 dní.",
            "The creditor grants a power of attorney to a lawyer. The lawyer sends the pre-action demand by e-mail with a link to the debtor portal and a sign-in code by SMS, or by letter with a printed code. At least 7 days pass between two steps.",
        ],
        "how.step4.title": ["Odpověď dlužníka", "The debtor's answer"],
        "how.step4.text": [
            "Dlužník v portálu vidí výzvu, plnou moc, jednotlivé faktury s úroky a náklady i platební údaje s QR kódem. Odpoví, že zaplatí, že platbu odmítá, nebo že částku nedluží, a může přiložit důkazy.",
            "In the portal the debtor sees the demand, the power of attorney, each invoice with interest and costs, and payment details with a QR code. The debtor answers that they will pay, that they refuse, or that they do not owe the amount, and may attach evidence.",
        ],
        "how.step5.title": ["Dohoda o splátkách", "Instalment agreement"],
        "how.step5.text": [
            "Podnikateli může věřitel nabídnout dohodu se splátkovým kalendářem. Dlužník ji podepíše a rozhodce ji schválí rozhodčím nálezem. Se spotřebiteli se rozhodčí doložka uzavírat nesmí, proto u nich tento krok nenabízíme.",
            "A creditor may offer a business debtor an agreement with an instalment plan. The debtor signs it and an arbitrator approves it as an arbitration award. Arbitration clauses with consumers are not allowed, so this step is not offered to them.",
        ],
        "how.step6.title": ["Exekuce", "Execution"],
        "how.step6.text": [
            "Když dlužník nezaplatí splátku, je splatný celý zbytek dluhu. Věřitel podá návrh na exekuci a exekutor si v portálu stáhne exekuční titul s doložkou právní moci a vykonatelnosti.",
            "When the debtor misses an instalment, the whole remaining debt becomes due. The creditor files an execution petition and the bailiff downloads the enforcement title with its confirmation of finality and enforceability from the portal.",
        ],
        "how.step7.title": ["Uzavření spisu", "Closing the case"],
        "how.step7.text": [
            "Spis se uzavře zaplacením, dohodou, odpisem, uznáním námitky dlužníka nebo potvrzeným zneužitím. Historie všech kroků zůstává v neměnném auditním záznamu.",
            "The case closes when the debt is paid or settled, written off, when the debtor's objection is upheld, or when misuse is confirmed. The history of every step stays in a tamper-evident audit log.",
        ],
        "how.closing": [
            "Úroky z prodlení počítáme podle sazby platné pro pololetí, v němž prodlení začalo, a u podnikatelů účtujeme paušální náklady 1 200 Kč za každou pohledávku. Promlčené pohledávky nevymáháme.",
            "Late interest uses the rate valid for the half-year in which the delay began, and business debtors are charged the flat recovery cost of CZK 1,200 per receivable. Time-barred receivables are never pursued.",
        ],

        "faq.title": ["Časté dotazy", "Frequently asked questions"],
        "faq.q1": ["Přišla mi zpráva od Kolektoru. Je pravá?", "I received a message from Kolektor. Is it genuine?"],
        "faq.a1": [
            "Každá zpráva obsahuje odkaz do portálu dlužníka na adrese tohoto webu. Kolektor vás nikdy nežádá o heslo ani o platbu na jiný účet, než je účet věřitele uvedený v portálu.",
            "Every message contains a link to the debtor portal on this website. Kolektor never asks for a password or for payment to any account other than the creditor's account shown in the portal.",
        ],
        "faq.q2": ["Věřitele neznám. Co mám udělat?", "I do not know the creditor. What should I do?"],
        "faq.a2": [
            "Nahlaste zneužití odkazem v oznámení nebo v portálu. Všechny kroky vůči vám se zastaví, dokud provozovatel hlášení neprověří.",
            "Report misuse with the link in the notice or in the portal. Every step towards you stops until the operator has reviewed the report.",
        ],
        "faq.q3": ["Fakturu jsem už zaplatil.", "I have already paid the invoice."],
        "faq.a3": [
            "Platbu spárujeme podle variabilního symbolu, jakmile ji věřitel naimportuje. Pokud ji ještě nevidíte, odpovězte v portálu, že částku nedlužíte, a přiložte potvrzení o platbě.",
            "Payments are matched by variable symbol as soon as the creditor imports them. If you do not see yours yet, answer in the portal that you do not owe the amount and attach the payment confirmation.",
        ],
        "faq.q4": ["Jak se přihlásím do portálu dlužníka?", "How do I sign in to the debtor portal?"],
        "faq.a4": [
            "Otevřete odkaz z e-mailu a zadejte kód, který vám přišel SMS zprávou. Pokud jste dostali dopis, zadejte přístupový kód vytištěný v dopise. Heslo nepotřebujete.",
            "Open the link from the e-mail and enter the code sent to you by SMS. If you received a letter, enter the access code printed in it. You do not need a password.",
        ],
        "faq.q5": ["Kolik zaplatím navíc?", "How much extra will I pay?"],
        "faq.a5": [
            "Zákonný úrok z prodlení podle nařízení vlády č. 351/2013 Sb. a u podnikatelů paušální náklady 1 200 Kč za pohledávku. Portál ukazuje jistinu, úrok a náklady zvlášť, vždy k dnešnímu dni.",
            "Statutory late interest under government decree 351/2013 Coll. and, for businesses, the flat recovery cost of CZK 1,200 per receivable. The portal shows principal, interest and costs separately, always as of today.",
        ],
        "faq.q6": ["Mohu splácet?", "Can I pay in instalments?"],
        "faq.a6": [
            "Podnikatelům může věřitel nabídnout splátkovou dohodu, kterou schválí rozhodce. Se spotřebiteli se splátky řeší jinak, například notářským zápisem se svolením k vykonatelnosti.",
            "A creditor may offer businesses an instalment agreement approved by an arbitrator. With consumers instalments are arranged differently, for example by a notarial deed with consent to enforcement.",
        ],
        "faq.q7": ["Jak nahraji faktury jako věřitel?", "How do I upload invoices as a creditor?"],
        "faq.a7": [
            "V portálu věřitele nahrajete soubor ve formátu ISDOC, POHODA XML, Money S3 XML, CSV nebo ve formátu Kolektor XML. Účetní programy mohou faktury posílat přímo přes REST API.",
            "In the creditor portal you upload a file in ISDOC, POHODA XML, Money S3 XML, CSV or the Kolektor XML format. Accounting programs can send invoices directly through the REST API.",
        ],
        "faq.q8": ["Kdo vidí moje údaje?", "Who can see my data?"],
        "faq.a8": [
            "Jen věřitel, jehož pohledávku řešíte, advokát s jeho plnou mocí a v dalších krocích rozhodce nebo exekutor, kterému byl spis předán. Každý přístup se zaznamenává.",
            "Only the creditor whose claim concerns you, the lawyer holding its power of attorney and, in later steps, the arbitrator or bailiff the case was handed to. Every access is recorded.",
        ],

        "signInIndex.title": ["Přihlášení", "Sign in"],
        "signInIndex.lead": [
            "Vyberte portál podle své role. Každý portál má vlastní přihlášení.",
            "Choose the portal for your role. Each portal has its own sign-in.",
        ],
        "signInIndex.client": [
            "pro věřitele a jejich zaměstnance: import faktur, schvalování kroků, přehled spisů",
            "for creditors and their staff: importing invoices, approving steps, case overview",
        ],
        "signInIndex.debtor": [
            "pro dlužníky: přihlášení odkazem z e-mailu nebo kódem z dopisu",
            "for debtors: sign in with the link from the e-mail or the code from the letter",
        ],
        "signInIndex.lawyer": [
            "pro advokáty s plnou mocí věřitele: odesílání výzev",
            "for lawyers holding a creditor's power of attorney: sending demands",
        ],
        "signInIndex.arbitrator": [
            "pro rozhodce: schvalování dohod rozhodčím nálezem",
            "for arbitrators: approving agreements with an award",
        ],
        "signInIndex.bailiff": [
            "pro exekutory: návrhy na exekuci a exekuční tituly",
            "for bailiffs: execution petitions and enforcement titles",
        ],
        "signInIndex.operator": ["pro provozovatele služby", "for the service operator"],
    ])
}
