import CCrypto

/// Random bytes, tokens and numeric codes from OpenSSL's CSPRNG.
public enum SecureRandom {
    public static func bytes(_ count: Int) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        let status = RAND_bytes(&buffer, Int32(count))
        // RAND_bytes fails only when the generator cannot be seeded; continuing would hand out guessable tokens.
        precondition(status == 1, "RAND_bytes failed: the system random generator is not available")
        return buffer
    }

    /// A URL-safe token of `byteCount` random bytes (256 bits by default), base64url without padding.
    public static func token(byteCount: Int = 32) -> String {
        base64URL(bytes(byteCount))
    }

    /// A numeric code of `digits` digits with leading zeros, uniform over all values (no modulo bias).
    public static func numericCode(digits: Int) -> String {
        precondition((1...9).contains(digits))
        var limit: UInt32 = 1
        for _ in 0..<digits { limit *= 10 }
        let bound = UInt32.max - UInt32.max % limit
        while true {
            let value = bytes(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            if value < bound {
                let text = String(value % limit)
                return String(repeating: "0", count: digits - text.count) + text
            }
        }
    }

    public static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index + 3 <= bytes.count {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            for shift in [18, 12, 6, 0] { output.append(alphabet[Int(value >> UInt32(shift) & 63)]) }
            index += 3
        }
        let remaining = bytes.count - index
        if remaining == 1 {
            let value = UInt32(bytes[index]) << 16
            for shift in [18, 12] { output.append(alphabet[Int(value >> UInt32(shift) & 63)]) }
        } else if remaining == 2 {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
            for shift in [18, 12, 6] { output.append(alphabet[Int(value >> UInt32(shift) & 63)]) }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
