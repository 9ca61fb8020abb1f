import Domain
import Testing

@Suite struct ICOTests {
    @Test(arguments: ["25097563", "00006947", "45317054", "27082440", "12345679", "6947"])
    func validNumbersParse(_ text: String) {
        #expect(ICO(text) != nil)
    }

    @Test func shortNumberIsPadded() {
        #expect(ICO("6947")?.digits == "00006947")
    }

    @Test(arguments: ["25097564", "12345678", "123456789", "", "2509756a", "11111111"])
    func invalidNumbersAreRejected(_ text: String) {
        #expect(ICO(text) == nil)
    }
}

@Suite struct BankAccountTests {
    @Test func nationalFormParses() throws {
        let account = try #require(BankAccount(national: "19-2000145399/0800"))
        #expect(account.prefix == "19")
        #expect(account.number == "2000145399")
        #expect(account.bankCode == "0800")
        #expect(account.description == "19-2000145399/0800")
    }

    @Test func ibanMatchesNationalForm() throws {
        let fromNational = try #require(BankAccount(national: "19-2000145399/0800"))
        #expect(fromNational.iban == "CZ6508000000192000145399")
        let fromIBAN = try #require(BankAccount(iban: "CZ65 0800 0000 1920 0014 5399"))
        #expect(fromIBAN == fromNational)
    }

    @Test(arguments: ["19-2000145398/0800", "2000145399/080", "19-2000145399", "1-2-3/0800", "abc/0800", "0/0800"])
    func invalidNationalFormsAreRejected(_ text: String) {
        #expect(BankAccount(national: text) == nil)
    }

    @Test(arguments: ["CZ6508000000192000145398", "CZ6608000000192000145399", "SK3112000000198742637541", "CZ65"])
    func invalidIBANsAreRejected(_ text: String) {
        #expect(BankAccount(iban: text) == nil)
    }
}
