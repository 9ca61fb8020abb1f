import CCrypto
import Foundation

extension Digest {
    /// Hashes a file with SHA-256 in 64 KiB chunks, so memory stays constant for large uploads. Returns nil when the
    /// file cannot be read or contains more than `maxBytes`, so an endless or huge input (a device, a sparse file) is
    /// not read to its end.
    public static func sha256(fileAt url: URL, maxBytes: Int = .max) -> [UInt8]? {
        guard let handle = try? FileHandle(forReadingFrom: url), let context = EVP_MD_CTX_new() else { return nil }
        defer {
            EVP_MD_CTX_free(context)
            try? handle.close()
        }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { return nil }
        var total = 0
        while true {
            // read(upToCount:) returns nil at the end of the file and throws when it cannot read.
            let next: Data?
            do {
                next = try handle.read(upToCount: 64 * 1024)
            } catch {
                return nil
            }
            guard let chunk = next, !chunk.isEmpty else { break }
            total += chunk.count
            if total > maxBytes { return nil }
            let updated = chunk.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
            guard updated == 1 else { return nil }
        }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &output, &length) == 1 else { return nil }
        return Array(output.prefix(Int(length)))
    }
}
