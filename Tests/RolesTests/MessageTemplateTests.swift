import Domain
import Foundation
import Testing

@testable import Roles

@Suite struct MessageTemplateTests {
    static let values = [
        "name": "Jana", "link": "https://kolektor.test/x", "organization": "Alfa s.r.o.", "inviter": "Petr",
        "code": "123456", "debtor": "Beta a.s.", "creditor": "Alfa s.r.o.", "creditorIco": "25097563",
        "misuseLink": "https://kolektor.test/zneuziti/abc", "receivables": "Faktura 2026001: 1 000,00 Kč",
        "today": "4. 12. 2026", "total": "1 234,50 Kč", "account": "19-2000145399/0800", "variableSymbol": "2026001",
        "portalLink": "https://kolektor.test/dluznik/vstup/abc", "lawyer": "JUDr. Marie Horáková", "lawyerCak": "12345",
        "instalments": "1. splátka 500,00 Kč do 1. 1. 2027", "arbitrator": "Mgr. Tomáš Král", "awardDate": "4. 12. 2026",
    ]

    @Test(arguments: MessageKind.allCases)
    func everyKindRendersInBothLanguages(_ kind: MessageKind) {
        for language in Language.allCases {
            let message = MessageTemplates.render(kind, language: language, values: Self.values)
            #expect(!message.subject.isEmpty, "\(kind) \(language)")
            #expect(!message.text.contains("{"), "\(kind) \(language) has an unfilled placeholder")
            #expect(!message.subject.contains("{"), "\(kind) \(language) subject has an unfilled placeholder")
            #expect(message.sms.map { !$0.contains("{") } ?? true, "\(kind) \(language) SMS has an unfilled placeholder")
            #expect(message.paragraphs.count >= 2, "\(kind) \(language)")
        }
        #expect(MessageTexts.english[kind] != nil, "\(kind) has no English template")
    }

    @Test func czechAndEnglishDiffer() {
        let czech = MessageTemplates.render(.demandFinal, language: .cs, values: Self.values)
        let english = MessageTemplates.render(.demandFinal, language: .en, values: Self.values)
        #expect(czech.subject == "Předžalobní výzva – Alfa s.r.o.")
        #expect(english.subject == "Pre-action demand – Alfa s.r.o.")
        #expect(czech.text.contains("§ 142a občanského soudního řádu"))
        #expect(czech.text.contains("do 7 dnů od odeslání"))
    }

    @Test func htmlEscapesValuesAndLinksAddresses() {
        var values = Self.values
        values["creditor"] = "<script>alert(1)</script>"
        let message = MessageTemplates.render(.activationNotice, language: .cs, values: values)
        #expect(!message.html.contains("<script>"))
        #expect(message.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(message.html.contains("<a href=\"https://kolektor.test/zneuziti/abc\">https://kolektor.test/zneuziti/abc</a>"))
        #expect(message.text.contains("<script>alert(1)</script>"), "the plain-text part keeps the value as written")
    }

    @Test func signInCodeFitsOneSMS() {
        let message = MessageTemplates.render(.signInCode, language: .cs, values: ["code": "123456"])
        #expect(message.sms == "Kolektor: kód pro přihlášení 123456 (platí 10 min).")
        #expect((message.sms ?? "").utf16.count <= 70)
    }
}
