import Domain
import Foundation
import Web

/// The language switch: `/jazyk?l=en&zpet=/faq` stores the choice in a cookie and returns to the page.
enum LanguageSwitch {
    static let cookieName = "lang"
    static let path = "/jazyk"

    static func register(in router: inout Router<RequestContext>) {
        router.get(path) { request, _, _ in
            let language = request.query["l"].flatMap(Language.init(code:)) ?? .cs
            var response = Response.redirect(to: localTarget(request.query["zpet"]))
            response.addHeader(
                "Set-Cookie", "\(cookieName)=\(language.rawValue); Path=/; Max-Age=31536000; SameSite=Lax")
            return response
        }
    }

    /// A link that switches to `language` and comes back to `path`.
    static func link(to language: Language, returningTo path: String) -> String {
        "\(self.path)?l=\(language.rawValue)&zpet=\(path.addingPercentEncodingForQuery())"
    }

    /// Accepts only a path on this site, so the switch cannot redirect to another host.
    /// Browsers skip tabs and line breaks in URLs and read `\` as `/`, so a path with any control character or
    /// backslash, or one whose second character is `/`, could lead to another host and is replaced by `/`.
    static func localTarget(_ target: String?) -> String {
        guard let target, target.hasPrefix("/"), !target.hasPrefix("//"),
            !target.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" })
        else { return "/" }
        return target
    }
}

extension String {
    func addingPercentEncodingForQuery() -> String {
        addingPercentEncoding(withAllowedCharacters: queryUnreserved) ?? ""
    }
}

/// Characters left as they are in a query value; built once, because every page's language link uses it.
private let queryUnreserved = CharacterSet(
    charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
