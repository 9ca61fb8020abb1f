extension Node {
    /// Renders the node as UTF-8 bytes, escaping every text and attribute value.
    public func render() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(8192)
        write(into: &buffer)
        return buffer
    }

    /// Renders a whole page with its doctype.
    public func renderDocument() -> [UInt8] {
        var buffer = Array("<!DOCTYPE html>\n".utf8)
        buffer.reserveCapacity(16384)
        write(into: &buffer)
        return buffer
    }

    public var renderedString: String { String(decoding: render(), as: UTF8.self) }

    func write(into buffer: inout [UInt8]) {
        switch kind {
        case .text(let text):
            HTMLEscaping.appendEscaped(text, into: &buffer)
        case .raw(let markup):
            buffer.append(contentsOf: markup.utf8)
        case .fragment(let children):
            for child in children { child.write(into: &buffer) }
        case .voidElement(let name, let attributes):
            writeStartTag(name, attributes, into: &buffer)
        case .element(let name, let attributes, let children):
            writeStartTag(name, attributes, into: &buffer)
            for child in children { child.write(into: &buffer) }
            buffer.append(contentsOf: "</\(name)>".utf8)
        }
    }

    private func writeStartTag(_ name: String, _ attributes: [Attribute], into buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "<"))
        buffer.append(contentsOf: name.utf8)
        for attribute in attributes {
            buffer.append(UInt8(ascii: " "))
            // Attribute names come from our source; drop anything that could end the tag all the same.
            buffer.append(contentsOf: attribute.name.utf8.filter(HTMLEscaping.isNameByte))
            if let value = attribute.value {
                buffer.append(contentsOf: "=\"".utf8)
                HTMLEscaping.appendEscaped(value, into: &buffer)
                buffer.append(UInt8(ascii: "\""))
            }
        }
        buffer.append(UInt8(ascii: ">"))
    }
}

/// Escaping of text and double-quoted attribute values.
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        var buffer: [UInt8] = []
        appendEscaped(text, into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    static func appendEscaped(_ text: String, into buffer: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): buffer.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): buffer.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): buffer.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): buffer.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): buffer.append(contentsOf: "&#39;".utf8)
            default: buffer.append(byte)
            }
        }
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }
}
