import Web

/// Texts of the debtor portal, the misuse report and the operator's misuse review.
enum DebtorTexts {
    static let catalog = Catalog([
        "debtorPortal.title": ["Vaše pohledávky", "Your outstanding invoices"],
        "debtorPortal.intro": [
            "Dobrý den, zde vidíte, co věřitel {creditor} požaduje po dlužníkovi {debtor}, a můžete mu odpovědět.",
            "Hello, here you see what {creditor} claims from {debtor}, and you can answer.",
        ],
        "debtorPortal.signedOut": ["Byli jste odhlášeni.", "You have been signed out."],
        "debtorPortal.code.title": ["Zadejte kód", "Enter the code"],
        "debtorPortal.code.label": ["Kód", "Code"],
        "debtorPortal.code.hint": ["Šest číslic, platí 10 minut.", "Six digits, valid for 10 minutes."],
        "debtorPortal.code.submit": ["Přihlásit se", "Sign in"],
        "debtorPortal.code.sentSMS": [
            "Kód jsme poslali SMS zprávou na vaše mobilní číslo končící {digits}.",
            "We have sent the code by text message to your mobile number ending in {digits}.",
        ],
        "debtorPortal.code.sentEmail": [
            "Nemáme vaše mobilní číslo, proto jsme kód poslali e-mailem na adresu, na kterou přišel odkaz.",
            "We do not have your mobile number, so we have sent the code by e-mail to the address the link came to.",
        ],
        "debtorPortal.code.noContact": [
            "Kód vám nemůžeme poslat, protože nemáme vaše mobilní číslo ani e-mail. Přihlaste se kódem z dopisu.",
            "We cannot send you a code because we have neither your mobile number nor your e-mail. Sign in with the code from the letter.",
        ],
        "debtorPortal.code.notSent": [
            "Pro přihlášení vám pošleme jednorázový kód, a to SMS zprávou, nebo e-mailem, když vaše číslo nemáme. "
                + "Pošlete si ho tlačítkem níže.",
            "To sign in, we will send you a one-time code by text message, or by e-mail if we do not have your "
                + "number. Send it with the button below.",
        ],
        "debtorPortal.code.send": ["Poslat kód", "Send the code"],
        "debtorPortal.code.alreadySent": [
            "Kód jsme vám již poslali a stále platí.", "We have already sent you a code and it is still valid.",
        ],
        "debtorPortal.code.throttled": [
            "Nový kód můžete vyžádat za {seconds} s. Zatím zadejte kód, který vám přišel.",
            "You can request a new code in {seconds} s. Meanwhile, enter the code you received.",
        ],
        "debtorPortal.code.wrong": [
            "Kód nesouhlasí. Zbývající pokusy: {left}.", "The code is wrong. Attempts left: {left}.",
        ],
        "debtorPortal.code.expired": [
            "Platnost kódu vypršela. Vyžádejte si nový kód.", "The code has expired. Request a new code.",
        ],
        "debtorPortal.code.tooMany": [
            "Kód jste zadali pětkrát špatně, proto přestal platit. Vyžádejte si nový kód.",
            "The code was entered wrongly five times, so it no longer works. Request a new code.",
        ],
        "debtorPortal.code.noCode": ["Kód nepřišel?", "No code arrived?"],
        "debtorPortal.code.resend": ["Poslat nový kód", "Send a new code"],
        "debtorPortal.code.useLetter": ["Přihlásit se kódem z dopisu", "Sign in with the code from a letter"],
        "debtorPortal.link.invalidTitle": ["Odkaz neplatí", "The link is not valid"],
        "debtorPortal.link.invalid": [
            "Tento odkaz neplatí nebo mu vypršela platnost. Můžete se přihlásit kódem z dopisu.",
            "This link is not valid or has expired. You can sign in with the code from a letter.",
        ],
        "debtorPortal.letter.label": ["Kód z dopisu", "Code from the letter"],
        "debtorPortal.letter.hint": [
            "Přístupový kód najdete v dopise v části Portál dlužníka, například ABCD-EFGH-JKMN.",
            "You find the access code in the letter, in the part headed Debtor portal, for example ABCD-EFGH-JKMN.",
        ],
        "debtorPortal.letter.submit": ["Přihlásit se", "Sign in"],
        "debtorPortal.letter.invalid": [
            "Kód neplatí. Zkontrolujte, že jste ho opsali přesně.",
            "The code is not valid. Check that you copied it exactly.",
        ],
        "debtorPortal.documents": ["Dokumenty", "Documents"],
        "debtorPortal.demand": ["Výzva k úhradě ze dne {date}", "Payment demand of {date}"],
        "debtorPortal.noDemand": ["Zatím vám nebyla zaslána žádná výzva.", "No demand has been sent to you yet."],
        "debtorPortal.power": [
            "Plná moc pro advokáta {lawyer}", "Power of attorney for the lawyer {lawyer}",
        ],
        "debtorPortal.amounts": ["Dlužné částky k {date}", "Amounts owed on {date}"],
        "debtorPortal.nothingOpen": [
            "Žádná faktura nezůstává neuhrazená.", "No invoice remains unpaid.",
        ],
        "debtorPortal.invoice": ["Faktura {number}, splatná {due}", "Invoice {number}, due {due}"],
        "debtorPortal.principal": ["Jistina", "Principal"],
        "debtorPortal.interest": ["Úrok z prodlení", "Late-payment interest"],
        "debtorPortal.costs": ["Náklady spojené s uplatněním pohledávky", "Recovery costs"],
        "debtorPortal.total": ["Celkem k úhradě", "Total to pay"],
        "debtorPortal.unknownRate": [
            "Úrok z prodlení zatím nelze spočítat, protože sazba pro pololetí {halfYear} ještě nebyla zveřejněna. Uvedena je jen jistina.",
            "Late-payment interest cannot be calculated yet because the rate for {halfYear} has not been published. Only the principal is shown.",
        ],
        "debtorPortal.payment": ["Platební údaje", "Payment details"],
        "debtorPortal.account": ["Číslo účtu", "Account number"],
        "debtorPortal.variableSymbol": ["Variabilní symbol", "Variable symbol"],
        "debtorPortal.qrAlt": [
            "QR kód pro platbu faktury {number} z mobilního bankovnictví",
            "QR code to pay invoice {number} from a banking app",
        ],
        "debtorPortal.noAccount": [
            "Věřitel zatím neuvedl číslo účtu. Obraťte se prosím přímo na něj.",
            "The creditor has not given an account number yet. Please contact the creditor directly.",
        ],
        "debtorPortal.answers": ["Vaše odpověď", "Your answer"],
        "debtorPortal.answered": ["{date}: {answer}", "{date}: {answer}"],
        "debtorPortal.promised": ["Slíbené datum úhrady: {date}.", "Promised payment date: {date}."],
        "debtorPortal.reason": ["Odůvodnění", "Reason"],
        "debtorPortal.evidence": ["Přiložený doklad", "Attached evidence"],
        "debtorPortal.resolution.accepted": [
            "Věřitel uznal, že dluh nedlužíte, a vymáhání ukončil.",
            "The creditor accepted that you do not owe the debt and stopped collection.",
        ],
        "debtorPortal.resolution.rejected": [
            "Věřitel vaši námitku neuznal a pokračuje ve vymáhání.",
            "The creditor rejected your objection and continues collection.",
        ],
        "debtorPortal.resolution.pending": [
            "Věřitel vaši námitku posuzuje. Do jeho rozhodnutí vám nic dalšího nepošleme.",
            "The creditor is reviewing your objection. Until it decides, nothing further is sent to you.",
        ],
        "debtorPortal.answer.will_pay": ["Zaplatím", "I will pay"],
        "debtorPortal.answer.refuses": ["Nezaplatím", "I refuse to pay"],
        "debtorPortal.answer.not_owed": ["Tento dluh nedlužím", "I do not owe this"],
        "debtorPortal.answer.date": ["Kdy zaplatíte", "When you will pay"],
        "debtorPortal.answer.dateHint": ["Nepovinné.", "Optional."],
        "debtorPortal.answer.payButton": ["Odeslat: zaplatím", "Send: I will pay"],
        "debtorPortal.answer.refuseButton": ["Odeslat: nezaplatím", "Send: I refuse to pay"],
        "debtorPortal.answer.notOwedButton": ["Odeslat námitku", "Send the objection"],
        "debtorPortal.answer.reasonLabel": ["Proč dluh nedlužíte", "Why you do not owe the debt"],
        "debtorPortal.answer.evidenceLabel": ["Doklad (nepovinný)", "Evidence (optional)"],
        "debtorPortal.answer.evidenceHint": [
            "PDF nebo obrázek PNG či JPEG, nejvýše 10 MB, například potvrzení o platbě.",
            "A PDF or a PNG or JPEG image, at most 10 MB, such as a payment confirmation.",
        ],
        "debtorPortal.answer.badDate": [
            "Datum úhrady zadejte jako den, který ještě nenastal.", "Enter a payment date that is not in the past.",
        ],
        "debtorPortal.answer.reasonMissing": [
            "Napište, proč dluh nedlužíte.", "Write why you do not owe the debt.",
        ],
        "debtorPortal.answer.tooLarge": [
            "Soubor je větší než 10 MB. Nahrajte menší soubor.",
            "The file is larger than 10 MB. Upload a smaller file.",
        ],
        "debtorPortal.answer.badType": [
            "Soubor není PDF ani obrázek PNG či JPEG. Nahrajte doklad v jednom z těchto formátů.",
            "The file is not a PDF or a PNG or JPEG image. Upload the evidence in one of these formats.",
        ],
        "debtorPortal.answer.notNow": [
            "Odpověď teď nelze zaznamenat, protože případ čeká na rozhodnutí.",
            "The answer cannot be recorded now because the case is waiting for a decision.",
        ],
        "debtorPortal.answer.notYet": [
            "Odpovědět budete moci, jakmile vám věřitel pošle oznámení nebo výzvu.",
            "You can answer once the creditor has sent you a notice or a demand.",
        ],
        "debtorPortal.done.will_pay": [
            "Děkujeme, věřitel uvidí, že zaplatíte.", "Thank you, the creditor will see that you will pay.",
        ],
        "debtorPortal.done.refuses": [
            "Vaši odpověď jsme předali věřiteli.", "Your answer has been passed to the creditor.",
        ],
        "debtorPortal.done.not_owed": [
            "Námitku jsme předali věřiteli. Do jeho rozhodnutí vymáhání stojí.",
            "Your objection has been passed to the creditor. Collection is paused until it decides.",
        ],
        "debtorPortal.done.misuse": [
            "Děkujeme. Vymáhání jsme pozastavili, dokud hlášení neprověříme.",
            "Thank you. Collection is paused until we have reviewed your report.",
        ],
        "debtorPortal.misuse.title": ["Tohoto věřitele neznám", "I do not know this creditor"],
        "debtorPortal.misuse.explain": [
            "Pokud s věřitelem {creditor} nemáte nic společného, dejte nám vědět. Vymáhání pozastavíme a prověříme je.",
            "If you have nothing to do with {creditor}, let us know. We pause the collection and review it.",
        ],
        "debtorPortal.misuse.message": ["Zpráva pro nás (nepovinná)", "Message to us (optional)"],
        "debtorPortal.misuse.button": ["Tohoto věřitele neznám", "I do not know this creditor"],
        "debtorPortal.misuse.onHold": [
            "Nahlásili jste, že tohoto věřitele neznáte. Vymáhání stojí, dokud hlášení neprověříme.",
            "You reported that you do not know this creditor. Collection is paused until we review the report.",
        ],
        "debtorPortal.misuse.invalidLink": [
            "Tento odkaz neplatí. Pokud věřitele neznáte, napište nám na adresu uvedenou v patičce.",
            "This link is not valid. If you do not know the creditor, write to the address in the footer.",
        ],
        "operatorMisuse.title": ["Hlášení zneužití", "Misuse reports"],
        "operatorMisuse.empty": ["Žádné hlášení.", "No reports."],
        "operatorMisuse.reported": ["Nahlášeno {date} ({source})", "Reported {date} ({source})"],
        "operatorMisuse.source.link": ["odkaz z oznámení", "link in the notice"],
        "operatorMisuse.source.portal": ["portál dlužníka", "debtor portal"],
        "operatorMisuse.status.open": ["Čeká na rozhodnutí", "Waiting for a decision"],
        "operatorMisuse.status.upheld": ["Uznáno: případy uzavřeny", "Upheld: cases closed"],
        "operatorMisuse.status.dismissed": ["Zamítnuto: vymáhání pokračuje", "Dismissed: collection continues"],
        "operatorMisuse.note": ["Poznámka k rozhodnutí", "Note on the decision"],
        "operatorMisuse.noteMissing": ["Napište poznámku k rozhodnutí.", "Write a note on the decision."],
        "operatorMisuse.uphold": ["Uznat a uzavřít případy", "Uphold and close the cases"],
        "operatorMisuse.dismiss": ["Zamítnout a pokračovat", "Dismiss and continue"],
    ])
}
