import Store
import Web

/// Building blocks for forms: labelled fields, notices and POST buttons with their CSRF field.
enum Forms {
    /// A labelled input; `error` is shown under the field and linked to it for screen readers.
    static func field(
        label: String, name: String, type: String = "text", value: String = "", autocomplete: String? = nil,
        required: Bool = true, error: String? = nil, hint: String? = nil
    ) -> Node {
        var attributes: [Attribute] = [.id("pole-\(name)"), .name(name), .type(type)]
        if type != "password" { attributes.append(.value(value)) }
        if let autocomplete { attributes.append(Attribute("autocomplete", autocomplete)) }
        if required { attributes.append(.flag("required")) }
        if error != nil {
            attributes.append(Attribute("aria-invalid", "true"))
            attributes.append(Attribute("aria-describedby", "chyba-\(name)"))
        }
        return group {
            element("label", Attribute("for", "pole-\(name)")) { label }
            if let hint { element("p", .class("hint")) { hint } }
            voidElement("input", attributes: attributes)
            if let error { element("p", .class("notice error"), .id("chyba-\(name)")) { error } }
        }
    }

    /// A notice box: `kind` is `error`, `success`, `warning` or empty for information.
    static func notice(_ text: String, kind: String = "") -> Node {
        element("p", .class(kind.isEmpty ? "notice" : "notice \(kind)"), Attribute("role", kind == "error" ? "alert" : "status")) {
            text
        }
    }

    /// A one-button form that POSTs to `action` with the CSRF field.
    static func postButton(
        action: String, label: String, session: StoredSession, style: String = "", hidden: [(String, String)] = []
    ) -> Node {
        element("form", .class("inline"), Attribute("method", "post"), Attribute("action", action)) {
            CSRF.field(session)
            for (name, value) in hidden {
                voidElement("input", .type("hidden"), .name(name), .value(value))
            }
            element("button", .type("submit"), .class(style)) { label }
        }
    }
}
