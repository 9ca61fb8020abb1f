import CPangoCairo
import Foundation

/// A failure while encoding a QR code or drawing a document.
///
/// `description` names the failing step and is safe to log; `debugDescription` adds the library's own message.
public struct DocumentError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    private enum Code: Sendable {
        case cairo
        case qrEncoding
        case invalidSize
    }

    private let code: Code
    /// The C function or step that failed, such as `cairo_surface_finish`.
    public let function: String
    private let detail: String

    private init(_ code: Code, function: String, detail: String) {
        self.code = code
        self.function = function
        self.detail = detail
    }

    static func cairo(_ function: String, status: cairo_status_t) -> DocumentError {
        DocumentError(.cairo, function: function, detail: String(cString: cairo_status_to_string(status)))
    }

    static func qrEncoding(_ function: String, errno: Int32) -> DocumentError {
        // libqrencode reports ERANGE when the text does not fit in the largest symbol (version 40).
        let reason = errno == ERANGE ? "text too long for a QR code" : "error number \(errno)"
        return DocumentError(.qrEncoding, function: function, detail: reason)
    }

    static func invalidSize(_ what: String) -> DocumentError {
        DocumentError(.invalidSize, function: what, detail: "width and height must be positive")
    }

    public var description: String {
        switch code {
        case .cairo: "drawing failed in \(function)"
        case .qrEncoding: "QR encoding failed in \(function)"
        case .invalidSize: "invalid size for \(function)"
        }
    }

    public var debugDescription: String { "\(description): \(detail)" }
}

/// The one place where cairo statuses become errors.
enum Cairo {
    /// Throws when `status` is not `CAIRO_STATUS_SUCCESS`, naming `function` in the error.
    static func check(_ status: cairo_status_t, _ function: String) throws(DocumentError) {
        guard status == CAIRO_STATUS_SUCCESS else { throw DocumentError.cairo(function, status: status) }
    }

    /// Checks the sticky error state of a drawing context, which records the first failed drawing call.
    static func check(context: OpaquePointer, _ function: String) throws(DocumentError) {
        try check(cairo_status(context), function)
    }

    /// Checks the error state of a surface.
    static func check(surface: OpaquePointer, _ function: String) throws(DocumentError) {
        try check(cairo_surface_status(surface), function)
    }
}
