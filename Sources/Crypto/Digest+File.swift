import CCrypto
import Foundation

extension Digest {
    /// Hashes a file with SHA-256 in 64 KiB chunks, so memory stays constant for large uploads; nil when the file
    /// cannot be read.
    public static func sha256(fileAt url: URL) -> [UInt8]? {
        guard let handle = try? FileHandle(forReadingFrom: url), let context = EVP_MD_CTX_new() else { return nil }
        defer {
            EVP_MD_CTX_free(context)
            try? handle.close()
        }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { return nil }
        while true {
            guard let chunk = try? handle.read(upToCount: 64 * 1024) else { return nil }
            if chunk.isEmpty { break }
            let updated = chunk.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
            guard updated == 1 else { return nil }
        }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &output, &length) == 1 else { return nil }
        return Array(output.prefix(Int(length)))
    }
}
