/// The wording of every message kind, in Czech and English.
enum MessageTexts {
    static let czech: [MessageKind: MessageTemplate] = [
        .passwordReset: MessageTemplate(
            subject: "Kolektor: nastavení nového hesla",
            body: """
                Dobrý den,

                někdo (nejspíš vy) požádal o nastavení nového hesla do portálu Kolektor. Nové heslo nastavíte na této adrese, která platí jednu hodinu a lze ji použít jen jednou:

                {link}

                Pokud jste o nové heslo nežádali, tento e-mail ignorujte. Vaše současné heslo platí dál.

                Kolektor
                """,
            sms: nil),
        .invitation: MessageTemplate(
            subject: "Pozvánka do portálu Kolektor ({organization})",
            body: """
                Dobrý den,

                {inviter} vás zve ke spolupráci na vymáhání pohledávek společnosti {organization} v portálu Kolektor. Heslo si nastavíte na této adrese, která platí 7 dní a lze ji použít jen jednou:

                {link}

                Kolektor
                """,
            sms: nil),
        .signInCode: MessageTemplate(
            subject: "Kolektor: kód pro přihlášení",
            body: """
                Váš kód pro přihlášení do portálu dlužníka je {code}. Platí 10 minut.

                Kolektor
                """,
            sms: "Kolektor: kód pro přihlášení {code} (platí 10 min)."),
        .activationNotice: MessageTemplate(
            subject: "{creditor}: pohledávky po splatnosti vymáhá Kolektor",
            body: """
                Dobrý den,

                společnost {creditor} (IČO {creditorIco}) vás informuje, že neuhrazené faktury po splatnosti vymáhá prostřednictvím služby Kolektor. Tato zpráva zatím nic nevymáhá: jen vám dává vědět, kdo se na vás může v budoucnu obrátit.

                Pokud tohoto věřitele neznáte nebo mu nic nedlužíte, nahlaste nám to na adrese níže. Všechny další kroky vůči vám se zastaví, dokud hlášení neprověříme:

                {misuseLink}

                Kolektor
                """,
            sms: "{creditor} vymáhá faktury po splatnosti přes Kolektor. Neznáte věřitele? {misuseLink}"),
        .demandReminder: MessageTemplate(
            subject: "Připomínka neuhrazených faktur – {creditor}",
            body: """
                Dobrý den,

                jménem společnosti {creditor} (IČO {creditorIco}) vám připomínáme, že následující faktury jsou po splatnosti:

                {receivables}

                Celkem k úhradě ke dni {today}: {total}. Uhraďte prosím tuto částku na účet {account} s variabilním symbolem {variableSymbol}.

                Podrobnosti, platební údaje s QR kódem a možnost odpovědět najdete v portálu dlužníka:

                {portalLink}

                {lawyer}, advokát (ČAK {lawyerCak}), v zastoupení věřitele
                """,
            sms: "Připomínka od {creditor}: faktury po splatnosti {total}. Podrobnosti: {portalLink}"),
        .demandFirm: MessageTemplate(
            subject: "Výzva k úhradě dluhu – {creditor}",
            body: """
                Dobrý den,

                přes předchozí připomínku zůstávají neuhrazené tyto faktury společnosti {creditor} (IČO {creditorIco}):

                {receivables}

                Dlužná částka včetně zákonného úroku z prodlení a nákladů činí ke dni {today} celkem {total}. Vyzýváme vás k její úhradě na účet {account} s variabilním symbolem {variableSymbol}.

                Pokud s pohledávkou nesouhlasíte, sdělte nám důvod v portálu dlužníka:

                {portalLink}

                {lawyer}, advokát (ČAK {lawyerCak}), v zastoupení věřitele na základě plné moci
                """,
            sms: "Výzva k úhradě dluhu {total} od {creditor}. Odpovězte v portálu: {portalLink}"),
        .demandFinal: MessageTemplate(
            subject: "Předžalobní výzva – {creditor}",
            body: """
                Dobrý den,

                jako advokát společnosti {creditor} (IČO {creditorIco}) vás podle § 142a občanského soudního řádu vyzývám k úhradě těchto pohledávek:

                {receivables}

                Dlužná částka včetně zákonného úroku z prodlení a nákladů činí ke dni {today} celkem {total}. Uhraďte ji prosím na účet {account} s variabilním symbolem {variableSymbol}.

                Nebude-li dluh uhrazen do 7 dnů od odeslání této výzvy, bude pohledávka bez dalšího upozornění uplatněna u soudu nebo v rozhodčím řízení. Náklady řízení pak ponesete vy.

                Výzvu, plnou moc, rozpis částek a platební údaje najdete v portálu dlužníka, kde můžete také odpovědět:

                {portalLink}

                {lawyer}, advokát (ČAK {lawyerCak}), v zastoupení věřitele na základě plné moci
                """,
            sms: "Předžalobní výzva: {creditor} žádá úhradu {total} do 7 dnů. Podrobnosti: {portalLink}"),
        .settlementOffer: MessageTemplate(
            subject: "Návrh dohody o splátkách – {creditor}",
            body: """
                Dobrý den,

                společnost {creditor} vám nabízí dohodu o úhradě dluhu {total} ve splátkách:

                {instalments}

                Návrh si můžete prohlédnout, přijmout nebo odmítnout v portálu dlužníka. Přijatou dohodu podepíšete a rozhodce ji schválí rozhodčím nálezem:

                {portalLink}

                Kolektor
                """,
            sms: "{creditor} nabízí dohodu o splátkách dluhu {total}. Návrh: {portalLink}"),
        .awardDelivered: MessageTemplate(
            subject: "Rozhodčí nález ve věci {creditor}",
            body: """
                Dobrý den,

                dohodu o splátkách uzavřenou se společností {creditor} schválil rozhodce {arbitrator} rozhodčím nálezem ze dne {awardDate}. Rozhodčí nález najdete v příloze a v portálu dlužníka:

                {portalLink}

                Kolektor
                """,
            sms: nil),
    ]

    static let english: [MessageKind: MessageTemplate] = [
        .passwordReset: MessageTemplate(
            subject: "Kolektor: set a new password",
            body: """
                Hello,

                someone (probably you) asked to set a new password for the Kolektor portal. Set the new password at this address, which is valid for one hour and can be used once:

                {link}

                If you did not ask for a new password, ignore this e-mail. Your current password stays valid.

                Kolektor
                """,
            sms: nil),
        .invitation: MessageTemplate(
            subject: "Invitation to Kolektor ({organization})",
            body: """
                Hello,

                {inviter} invites you to work on collecting the receivables of {organization} in the Kolektor portal. Set your password at this address, which is valid for 7 days and can be used once:

                {link}

                Kolektor
                """,
            sms: nil),
        .signInCode: MessageTemplate(
            subject: "Kolektor: sign-in code",
            body: """
                Your code to sign in to the debtor portal is {code}. It is valid for 10 minutes.

                Kolektor
                """,
            sms: "Kolektor sign-in code {code} (valid 10 min)."),
        .activationNotice: MessageTemplate(
            subject: "{creditor}: overdue invoices are collected by Kolektor",
            body: """
                Hello,

                {creditor} (company ID {creditorIco}) informs you that it collects overdue invoices through the Kolektor service. This message does not demand anything yet: it only tells you who may contact you in the future.

                If you do not know this creditor or owe it nothing, report it at the address below. Every further step towards you stops until we have reviewed your report:

                {misuseLink}

                Kolektor
                """,
            sms: "{creditor} collects overdue invoices through Kolektor. Unknown creditor? {misuseLink}"),
        .demandReminder: MessageTemplate(
            subject: "Reminder of unpaid invoices – {creditor}",
            body: """
                Hello,

                on behalf of {creditor} (company ID {creditorIco}) we remind you that these invoices are overdue:

                {receivables}

                Total due as of {today}: {total}. Please pay this amount to account {account} with variable symbol {variableSymbol}.

                Details, payment information with a QR code and a way to answer are in the debtor portal:

                {portalLink}

                {lawyer}, attorney (Czech Bar Association no. {lawyerCak}), on behalf of the creditor
                """,
            sms: "Reminder from {creditor}: overdue invoices {total}. Details: {portalLink}"),
        .demandFirm: MessageTemplate(
            subject: "Demand for payment – {creditor}",
            body: """
                Hello,

                despite the previous reminder these invoices of {creditor} (company ID {creditorIco}) remain unpaid:

                {receivables}

                The amount due including statutory late interest and costs is {total} as of {today}. We demand its payment to account {account} with variable symbol {variableSymbol}.

                If you dispute the claim, tell us why in the debtor portal:

                {portalLink}

                {lawyer}, attorney (Czech Bar Association no. {lawyerCak}), on behalf of the creditor under a power of attorney
                """,
            sms: "Demand for payment of {total} from {creditor}. Answer in the portal: {portalLink}"),
        .demandFinal: MessageTemplate(
            subject: "Pre-action demand – {creditor}",
            body: """
                Hello,

                as attorney of {creditor} (company ID {creditorIco}) I demand, under section 142a of the Civil Procedure Code, payment of these claims:

                {receivables}

                The amount due including statutory late interest and costs is {total} as of {today}. Please pay it to account {account} with variable symbol {variableSymbol}.

                If the debt is not paid within 7 days of sending this demand, the claim will be brought before a court or in arbitration without further notice, and you will bear the costs of the proceedings.

                The demand, the power of attorney, the breakdown of amounts and the payment details are in the debtor portal, where you can also answer:

                {portalLink}

                {lawyer}, attorney (Czech Bar Association no. {lawyerCak}), on behalf of the creditor under a power of attorney
                """,
            sms: "Pre-action demand: {creditor} requests payment of {total} within 7 days. Details: {portalLink}"),
        .settlementOffer: MessageTemplate(
            subject: "Proposed instalment agreement – {creditor}",
            body: """
                Hello,

                {creditor} offers you an agreement to pay the debt of {total} in instalments:

                {instalments}

                You can review, accept or decline the proposal in the debtor portal. An accepted agreement is signed by you and approved by an arbitrator as an arbitration award:

                {portalLink}

                Kolektor
                """,
            sms: "{creditor} offers an instalment agreement for {total}. Proposal: {portalLink}"),
        .awardDelivered: MessageTemplate(
            subject: "Arbitration award in the matter of {creditor}",
            body: """
                Hello,

                the instalment agreement with {creditor} was approved by the arbitrator {arbitrator} in an arbitration award of {awardDate}. The award is attached and available in the debtor portal:

                {portalLink}

                Kolektor
                """,
            sms: nil),
    ]
}
