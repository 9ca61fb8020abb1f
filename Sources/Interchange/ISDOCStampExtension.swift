/// The `kolektor:Verification` element that invoicing software may put into an ISDOC invoice's `Extensions`
/// element, carrying the creditor's stamp verification code and page.
///
/// ISDOC lets an invoice carry elements of other namespaces inside `Extensions`, and readers that do not know a
/// namespace ignore its elements, so the extension never makes an invoice invalid for other software.
public enum ISDOCStampExtension {
    /// The namespace of Kolektor's ISDOC extension elements.
    public static let namespace = "https://kolektor.cz/ns/stamp/1"

    /// Returns the element with the namespace declared on it, indented for pasting into `Extensions`.
    public static func element(code: String, verificationURL: String) -> String {
        """
        <kolektor:Verification xmlns:kolektor="\(namespace)">
          <kolektor:Code>\(escape(code))</kolektor:Code>
          <kolektor:URL>\(escape(verificationURL))</kolektor:URL>
        </kolektor:Verification>
        """
    }

    /// Escapes the characters that XML text content cannot contain literally.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
