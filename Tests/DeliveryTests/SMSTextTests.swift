import Delivery
import Testing

@Suite struct SMSTextTests {
    @Test func plainAsciiIsGSM7() {
        let text = SMSText("Kod pro prihlaseni: 123456")
        #expect(text.encoding == .gsm7)
        #expect(text.units == 26)
        #expect(text.segments == 1)
    }

    @Test func gsmLimits() {
        #expect(SMSText(String(repeating: "a", count: 160)).segments == 1)
        #expect(SMSText(String(repeating: "a", count: 161)).segments == 2)
        #expect(SMSText(String(repeating: "a", count: 306)).segments == 2)
        #expect(SMSText(String(repeating: "a", count: 307)).segments == 3)
    }

    @Test func extensionCharactersCountTwice() {
        let text = SMSText("Cena 10 €")
        #expect(text.encoding == .gsm7)
        #expect(text.units == 10)
    }

    @Test func czechHacekForcesUCS2() {
        let text = SMSText("Váš přihlašovací kód je 123456")
        #expect(text.encoding == .ucs2)
        #expect(text.units == 30)
        #expect(text.segments == 1)
        #expect(SMSText(String(repeating: "ř", count: 70)).segments == 1)
        #expect(SMSText(String(repeating: "ř", count: 71)).segments == 2)
        #expect(SMSText(String(repeating: "ř", count: 134)).segments == 2)
        #expect(SMSText(String(repeating: "ř", count: 135)).segments == 3)
    }
}
