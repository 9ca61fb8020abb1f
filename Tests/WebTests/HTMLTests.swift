import Testing
import Web

@Suite struct HTMLEscapingTests {
    let hostile = "<script>alert('x')</script>\"&"

    @Test func textIsInert() {
        let html = element("p") { hostile }.renderedString
        #expect(html == "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;</p>")
        #expect(!html.contains("<script>"))
    }

    @Test func attributeIsInert() {
        let html = element("a", .href("/x"), Attribute("title", "\"><script>alert(1)</script>")) { "odkaz" }
            .renderedString
        #expect(html == "<a href=\"/x\" title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">odkaz</a>")
    }

    @Test func attributeNameCannotCloseTag() {
        let html = voidElement("input", Attribute("x><script>", "1")).renderedString
        #expect(html == "<input xscript=\"1\">")
    }

    @Test func rawOptOutIsVerbatim() {
        #expect(Node.unsafeRaw("<b>tučně</b>").renderedString == "<b>tučně</b>")
    }

    @Test func czechTextIsKept() {
        #expect(element("p") { "Příliš žluťoučký kůň" }.renderedString == "<p>Příliš žluťoučký kůň</p>")
    }

    @Test func builderHandlesConditionsAndLoops() {
        let show = false
        let html = element("ul") {
            for item in ["a", "b"] {
                element("li") { item }
            }
            if show {
                element("li") { "hidden" }
            }
            voidElement("br")
        }.renderedString
        #expect(html == "<ul><li>a</li><li>b</li><br></ul>")
    }

    @Test func booleanAttributeHasNoValue() {
        #expect(voidElement("input", .flag("required")).renderedString == "<input required>")
    }
}
