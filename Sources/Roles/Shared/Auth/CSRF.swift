import Crypto
import Store
import Web

/// CSRF protection: every form carries its session's token in a hidden field, compared in constant time on POST.
enum CSRF {
    static let fieldName = "csrf_token"

    static func field(_ session: StoredSession) -> Node {
        voidElement("input", .type("hidden"), .name(fieldName), .value(session.csrfToken))
    }

    /// Throws 403 unless the form's token matches the session's.
    static func check(_ request: Request, session: StoredSession) throws {
        guard let sent = request.form[fieldName],
            Digest.constantTimeEqual(Array(sent.utf8), Array(session.csrfToken.utf8))
        else { throw HTTPError.forbidden }
    }
}

extension CSRF {
    /// Throws 403 unless `form` carries the session's token; for handlers that decoded a multipart body once.
    static func check(form: FormValues, session: StoredSession) throws {
        guard let sent = form[fieldName], Digest.constantTimeEqual(Array(sent.utf8), Array(session.csrfToken.utf8))
        else { throw HTTPError.forbidden }
    }
}
