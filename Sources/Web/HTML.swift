/// A piece of HTML: an element, escaped text, or (only through `Node.unsafeRaw`) markup written by us.
///
/// Text and attribute values are escaped when rendered, so data from imports and forms can never become markup.
public struct Node: Sendable {
    enum Kind: Sendable {
        case element(name: String, attributes: [Attribute], children: [Node])
        case voidElement(name: String, attributes: [Attribute])
        case text(String)
        case raw(String)
        case fragment([Node])
    }

    let kind: Kind

    /// Text shown as written: `<`, `>`, `&` and quotes are escaped.
    public static func text(_ text: String) -> Node { Node(kind: .text(text)) }

    /// Markup inserted without escaping: the one opt-out, for constant markup in our own source only.
    /// Never pass data that came from a user, an import or the database.
    public static func unsafeRaw(_ markup: String) -> Node { Node(kind: .raw(markup)) }

    public static func fragment(_ children: [Node]) -> Node { Node(kind: .fragment(children)) }

    public static let empty = Node(kind: .fragment([]))
}

/// One attribute of an element; its value is escaped on rendering.
public struct Attribute: Sendable {
    public let name: String
    public let value: String?

    public init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }

    public static func `class`(_ value: String) -> Attribute { Attribute("class", value) }
    public static func id(_ value: String) -> Attribute { Attribute("id", value) }
    public static func href(_ value: String) -> Attribute { Attribute("href", value) }
    public static func name(_ value: String) -> Attribute { Attribute("name", value) }
    public static func value(_ value: String) -> Attribute { Attribute("value", value) }
    public static func type(_ value: String) -> Attribute { Attribute("type", value) }
    public static func lang(_ value: String) -> Attribute { Attribute("lang", value) }
    /// A boolean attribute such as `required`, rendered without a value.
    public static func flag(_ name: String) -> Attribute { Attribute(name, nil) }
}

@resultBuilder
public enum HTMLBuilder {
    public static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    public static func buildExpression(_ node: Node) -> [Node] { [node] }
    public static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    public static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    public static func buildOptional(_ nodes: [Node]?) -> [Node] { nodes ?? [] }
    public static func buildEither(first nodes: [Node]) -> [Node] { nodes }
    public static func buildEither(second nodes: [Node]) -> [Node] { nodes }
    public static func buildArray(_ groups: [[Node]]) -> [Node] { groups.flatMap { $0 } }
}

/// Builds an element: `element("p", .class("note")) { "Text" }`.
public func element(_ name: String, _ attributes: Attribute..., @HTMLBuilder content: () -> [Node] = { [] }) -> Node {
    Node(kind: .element(name: name, attributes: attributes, children: content()))
}

/// Builds an element that has no content and no end tag, such as `input` or `meta`.
public func voidElement(_ name: String, _ attributes: Attribute...) -> Node {
    Node(kind: .voidElement(name: name, attributes: attributes))
}

/// Builds an element from an attribute array, for callers that assemble attributes conditionally.
public func element(_ name: String, attributes: [Attribute], @HTMLBuilder content: () -> [Node] = { [] }) -> Node {
    Node(kind: .element(name: name, attributes: attributes, children: content()))
}

public func voidElement(_ name: String, attributes: [Attribute]) -> Node {
    Node(kind: .voidElement(name: name, attributes: attributes))
}

/// Builds a fragment of sibling nodes with no element around them.
public func group(@HTMLBuilder content: () -> [Node]) -> Node {
    .fragment(content())
}
