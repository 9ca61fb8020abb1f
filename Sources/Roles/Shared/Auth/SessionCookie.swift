import Web

/// The session cookie of one role site: its own name and the site's `Path`, so a browser never sends one site's
/// session to another, HttpOnly, SameSite=Lax, and Secure when the request came over HTTPS.
enum SessionCookie {
    static func name(for site: Site) -> String {
        "kolektor_\(site.rawValue)"
    }

    static func token(in request: Request, site: Site) -> String? {
        guard let value = request.cookies[name(for: site)], !value.isEmpty, value.count <= 64 else { return nil }
        return value
    }

    static func set(_ token: String, site: Site, secure: Bool) -> String {
        "\(name(for: site))=\(token); Path=\(site.prefix); HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }

    static func clear(site: Site, secure: Bool) -> String {
        "\(name(for: site))=; Path=\(site.prefix); Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }
}
