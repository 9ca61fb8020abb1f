import Domain
import Foundation

extension ImportValidator {
    /// Validates a debtor: a business needs a valid IČO, anyone needs a name; IČO, DIČ, date of birth, e-mail and
    /// language are checked when present.
    func debtor(_ debtor: ImportedDebtor, issues: inout IssueList) -> DebtorRecord? {
        let before = issues.items.count
        let kindKey =
            debtor.kind.isEmpty || debtor.kind == "business" || debtor.kind == "consumer"
            ? debtor.kind : debtor.kind.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        let kind: DebtorRecord.Kind
        switch kindKey {
        case "business", "firma", "podnikatel", "pravnicka osoba": kind = .business
        case "consumer", "spotrebitel", "fyzicka osoba", "osoba": kind = .consumer
        case "": kind = debtor.ico.isEmpty ? .consumer : .business
        default:
            issues.add(
                "typ dlužníka", debtor.kind,
                "neznámý typ dlužníka; povolené jsou business a consumer (firma, spotřebitel)")
            kind = .consumer
        }

        let name = debtor.name.trimmedSpaces()
        if name.isEmpty { issues.add("název", "", "chybí jméno nebo název dlužníka") }
        var ico = ""
        if !debtor.ico.isEmpty {
            if let valid = ICO(debtor.ico) {
                ico = valid.digits
            } else {
                issues.add("IČO", debtor.ico, "IČO není platné (8 číslic s kontrolní číslicí podle modulu 11)")
            }
        } else if kind == .business {
            issues.add("IČO", "", "u firmy chybí IČO")
        }

        let dic = debtor.dic.isEmpty ? "" : debtor.dic.replacingOccurrences(of: " ", with: "").uppercased()
        if !dic.isEmpty && !ImportValidator.isPlausibleDIC(dic) {
            issues.add("DIČ", debtor.dic, "DIČ má mít tvar CZ a 8 až 10 číslic")
        }
        var birthDate: CalendarDate?
        if !debtor.birthDate.isEmpty {
            birthDate = DateText.parse(debtor.birthDate)
            if birthDate == nil || birthDate! > today {
                issues.add("datum narození", debtor.birthDate, "datum narození není platné datum v minulosti")
            }
        }

        let email = debtor.emails.first?.trimmedSpaces() ?? ""
        if !email.isEmpty && !ImportValidator.isPlausibleEmail(email) {
            issues.add("e-mail", email, "e-mailová adresa není platná")
        }
        let phone = debtor.phones.first?.trimmedSpaces() ?? ""
        if !phone.isEmpty && !phone.allSatisfy({ $0.isNumber || $0 == "+" || $0 == " " }) {
            issues.add("mobil", phone, "telefonní číslo smí obsahovat jen číslice, mezery a +")
        }
        var language: Language?
        if !debtor.language.isEmpty {
            if let known = Language(code: debtor.language) {
                language = known
            } else {
                issues.add("jazyk", debtor.language, "nepodporovaný jazyk; povolené jsou cs a en")
            }
        }

        guard issues.items.count == before else { return nil }
        return DebtorRecord(
            kind: kind, name: name, ico: ico, dic: dic, birthDate: birthDate,
            street: debtor.street.trimmedSpaces(),
            city: debtor.city.trimmedSpaces(),
            postalCode: debtor.postalCode.filter { $0 != " " },
            country: debtor.country.trimmedSpaces(), email: email.lowercased(),
            phone: phone.filter { $0 != " " }, language: language)
    }

    static func isPlausibleDIC(_ dic: String) -> Bool {
        let digits = dic.dropFirst(2)
        return dic.hasPrefix("CZ") && (8...10).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// One `@` with text before it, a dot somewhere after it, and no space.
    static func isPlausibleEmail(_ email: String) -> Bool {
        var ats = 0
        var localLength = 0
        var dotInDomain = false
        for byte in email.utf8 {
            switch byte {
            case UInt8(ascii: " "): return false
            case UInt8(ascii: "@"): ats += 1
            case UInt8(ascii: ".") where ats == 1: dotInDomain = true
            default: if ats == 0 { localLength += 1 }
            }
        }
        return ats == 1 && localLength > 0 && dotInDomain
    }
}

/// Reads dates as accounting programs write them.
enum DateText {
    /// Parses `2026-12-04`, `2026-12-04T00:00:00` and the Czech `4. 12. 2026` or `4.12.2026`.
    static func parse(_ text: String) -> CalendarDate? {
        let trimmed = text.trimmedSpaces()
        let bytes = trimmed.utf8
        if bytes.count == 10 || (bytes.count > 10 && bytes[bytes.index(bytes.startIndex, offsetBy: 10)] == UInt8(ascii: "T")),
            let date = CalendarDate(iso: String(trimmed.utf8.prefix(10))!)
        {
            return date
        }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
            .map { $0.trimmedSpaces() }
        guard parts.count == 3, parts[2].count == 4, let day = Int(parts[0]), let month = Int(parts[1]),
            let year = Int(parts[2])
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
