import Domain
import Testing
import Web

@Suite struct CatalogTests {
    let catalog = Catalog([
        "greeting": ["Dobrý den, {name}", "Hello, {name}"],
        "czechOnly": Catalog.Entry(cs: "Jen česky", en: ""),
    ])

    @Test func choosesLanguage() {
        #expect(catalog.text("greeting", .cs, ["name": "Jano"]) == "Dobrý den, Jano")
        #expect(catalog.text("greeting", .en, ["name": "Jana"]) == "Hello, Jana")
    }

    @Test func missingEnglishFallsBackToCzech() {
        #expect(catalog.text("czechOnly", .en) == "Jen česky")
    }

    @Test func missingKeyShowsKey() {
        #expect(catalog.text("nope", .cs) == "nope")
    }
}
