/// How many SMS segments a text takes: GSM-7 when every character is in the GSM 03.38 alphabet (with characters
/// of the extension table counting twice), otherwise UCS-2. Czech letters with háček (č, ř, š, ž) are not in
/// GSM-7, so Czech texts usually go as UCS-2 with 70 characters in a single message.
public struct SMSText: Sendable, Equatable {
    public enum Encoding: String, Sendable {
        case gsm7
        case ucs2
    }

    public let encoding: Encoding
    /// Length in the encoding's units: septets for GSM-7, UTF-16 code units for UCS-2.
    public let units: Int
    public let segments: Int

    public init(_ text: String) {
        var septets = 0
        var isGSM = true
        for character in text.unicodeScalars {
            if SMSText.basic.contains(character) {
                septets += 1
            } else if SMSText.extended.contains(character) {
                septets += 2
            } else {
                isGSM = false
                break
            }
        }
        if isGSM {
            encoding = .gsm7
            units = septets
            segments = units == 0 ? 1 : (units <= 160 ? 1 : (units + 152) / 153)
        } else {
            encoding = .ucs2
            units = text.utf16.count
            segments = units <= 70 ? 1 : (units + 66) / 67
        }
    }

    /// The GSM 03.38 basic character set.
    static let basic: Set<Unicode.Scalar> = Set(
        ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà").unicodeScalars)

    /// The GSM 03.38 extension table; each character takes an escape plus itself.
    static let extended: Set<Unicode.Scalar> = Set("^{}\\[~]|€\u{0C}".unicodeScalars)
}
