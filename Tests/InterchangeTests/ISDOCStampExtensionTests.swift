import Foundation
import FoundationXML
import Interchange
import Testing

@Suite struct ISDOCStampExtensionTests {
    /// Collects element names with their namespace and the text inside each element.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, namespace: String)] = []
        var texts: [String: String] = [:]
        private var current = ""

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append((name, namespaceURI ?? ""))
            current = name
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            texts[current, default: ""] += string.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    func parse(_ xml: String) -> (Bool, Collector) {
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = true
        let collector = Collector()
        parser.delegate = collector
        return (parser.parse(), collector)
    }

    @Test func elementIsNamespacedXML() {
        let xml = ISDOCStampExtension.element(
            code: "k7m2qx4na5wd3hpe6tcb", verificationURL: "https://kolektor.cz/overeni/k7m2qx4na5wd3hpe6tcb")
        let (parsed, collector) = parse("<Extensions>\(xml)</Extensions>")
        #expect(parsed)
        #expect(collector.elements.map(\.name) == ["Extensions", "Verification", "Code", "URL"])
        #expect(collector.elements.dropFirst().allSatisfy { $0.namespace == "https://kolektor.cz/ns/stamp/1" })
        #expect(collector.texts["Code"] == "k7m2qx4na5wd3hpe6tcb")
        #expect(collector.texts["URL"] == "https://kolektor.cz/overeni/k7m2qx4na5wd3hpe6tcb")
    }

    @Test func markupInValuesIsEscaped() {
        let xml = ISDOCStampExtension.element(code: "a<b>&c", verificationURL: "http://x.test/?a=1&b=2")
        let (parsed, collector) = parse(xml)
        #expect(parsed)
        #expect(collector.texts["Code"] == "a<b>&c")
        #expect(collector.texts["URL"] == "http://x.test/?a=1&b=2")
    }
}
