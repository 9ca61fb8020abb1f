import Web

/// Texts of the stamp itself, the client's stamp page and the public verification page.
enum StampTexts {
    static let catalog = Catalog([
        // Printed on the stamp and the stickers, always in Czech.
        "stamp.artwork.heading": [
            "Faktury po splatnosti vymáháme přes Kolektor.",
            "We collect overdue invoices through Kolektor.",
        ],
        "stamp.artwork.verify": ["Pravost ověříte na", "Check that it is genuine at"],
        "stamp.sheet.title": ["Kolektor – samolepky na faktury", "Kolektor – invoice stickers"],

        "client.nav.stamp": ["Razítko", "Stamp"],
        "client.stamp.title": ["Razítko a samolepky", "Stamp and stickers"],
        "client.stamp.lead": [
            "Dejte odběratelům předem vědět, že neuhrazené faktury po splatnosti vymáháte přes Kolektor. Razítko vložte do elektronických faktur, samolepky nalepte na papírové. QR kód vede na veřejnou stránku, kde si kdokoli ověří, že razítko je pravé.",
            "Tell your customers up front that you collect overdue invoices through Kolektor. Put the stamp into electronic invoices and the stickers on paper ones. The QR code leads to a public page where anyone can check that the stamp is genuine.",
        ],
        "client.stamp.preview": ["Náhled razítka", "Stamp preview"],
        "client.stamp.inactive": [
            "Váš účet v Kolektoru není aktivní. Ověřovací stránka proto uvádí, že Kolektor už nepoužíváte.",
            "Your Kolektor account is not active, so the verification page says that you no longer use Kolektor.",
        ],
        "client.stamp.electronic.title": ["Elektronické faktury", "Electronic invoices"],
        "client.stamp.electronic.text": [
            "Vložte razítko do patičky faktury vedle platebních údajů v šířce 50 až 70 mm. Užší než 40 mm ho nedělejte, jinak nepůjde QR kód spolehlivě načíst. Obrázek PNG má 827 × 413 bodů (70 × 35 mm při 300 DPI), SVG je vektorový.",
            "Place the stamp in the invoice footer next to the payment details, 50 to 70 mm wide. Do not make it narrower than 40 mm, or the QR code will not scan reliably. The PNG image has 827 × 413 pixels (70 × 35 mm at 300 DPI); the SVG is a vector image.",
        ],
        "client.stamp.downloadPNG": ["Stáhnout razítko PNG", "Download the PNG stamp"],
        "client.stamp.downloadSVG": ["Stáhnout razítko SVG", "Download the SVG stamp"],
        "client.stamp.paper.title": ["Papírové faktury", "Paper invoices"],
        "client.stamp.paper.text": [
            "Arch A4 s 24 samolepkami 70 × 37 mm (3 sloupce × 8 řádků) pro běžné archy etiket této velikosti. Tiskněte ve skutečné velikosti (100 %), bez přizpůsobení stránce.",
            "An A4 sheet of 24 stickers of 70 × 37 mm (3 columns × 8 rows) for common label sheets of that size. Print at actual size (100 %), without fitting to the page.",
        ],
        "client.stamp.downloadPDF": ["Stáhnout arch samolepek PDF", "Download the sticker sheet (PDF)"],
        "client.stamp.address.title": ["Ověřovací stránka", "Verification page"],
        "client.stamp.address.text": [
            "QR kód na razítku i samolepkách vede na tuto adresu. Kód v ní je náhodný, neodvozuje se z IČO a nelze ho uhodnout.",
            "The QR code on the stamp and the stickers leads to this address. Its code is random, not derived from your company ID, and cannot be guessed.",
        ],
        "client.stamp.isdoc.title": ["Pro fakturační software", "For invoicing software"],
        "client.stamp.isdoc.text": [
            "Fakturační program může ověřovací kód nést i v rozšíření faktury ve formátu ISDOC, uvnitř prvku Extensions:",
            "Invoicing software can also carry the verification code in an extension of an ISDOC invoice, inside the Extensions element:",
        ],

        "verification.title": ["Ověření razítka Kolektoru", "Kolektor stamp verification"],
        "verification.valid": [
            "Razítko je pravé: {name} je klientem Kolektoru.",
            "The stamp is genuine: {name} is a Kolektor client.",
        ],
        "verification.creditor": ["Věřitel", "Creditor"],
        "verification.ico": ["IČO", "Company ID (IČO)"],
        "verification.since": ["Klientem od", "Client since"],
        "verification.explanation": [
            "Tento věřitel vymáhá neuhrazené faktury po splatnosti prostřednictvím Kolektoru. Ověření se týká věřitele, ne konkrétní faktury: částku a splatnost určuje faktura.",
            "This creditor collects overdue unpaid invoices through Kolektor. The check concerns the creditor, not a particular invoice: the amount and due date are those on the invoice.",
        ],
        "verification.howLink": ["Jak vymáhání přes Kolektor probíhá", "How collection through Kolektor works"],
        "verification.unknown.title": ["Neznámý ověřovací kód", "Unknown verification code"],
        "verification.unknown.text": [
            "Tento ověřovací kód Kolektor nezná. Razítko nebo samolepka s ním nepochází od klienta Kolektoru, nebo je adresa opsaná s chybou. Zkontrolujte ji, nejlépe načtením QR kódu.",
            "Kolektor does not know this verification code. The stamp or sticker carrying it does not come from a Kolektor client, or the address was copied with a mistake. Check it, preferably by scanning the QR code.",
        ],
        "verification.inactive.title": ["Věřitel už Kolektor nepoužívá", "The creditor no longer uses Kolektor"],
        "verification.inactive.text": [
            "{name} (IČO {ico}) byl klientem Kolektoru, ale službu už nepoužívá. Razítko na jeho fakturách proto už neplatí a Kolektor jeho faktury nevymáhá.",
            "{name} (company ID {ico}) was a Kolektor client but no longer uses the service. The stamp on its invoices is therefore no longer valid, and Kolektor does not collect its invoices.",
        ],
    ])
}
