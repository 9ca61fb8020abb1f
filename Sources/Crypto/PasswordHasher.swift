import CArgon2
import Foundation
import Synchronization

/// Hashes and verifies passwords with argon2id through libargon2, in the encoded form that carries its parameters
/// (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`).
///
/// At most `maximumConcurrent` computations run at once; each costs `memoryKiB` of memory and tens of
/// milliseconds of CPU, so a flood of sign-ins must not take every worker thread and all memory.
public final class PasswordHasher: Sendable {
    public struct Parameters: Sendable, Equatable {
        /// Memory cost in KiB; OWASP's minimum for argon2id is 19 MiB (19 456 KiB).
        public var memoryKiB: UInt32
        /// Number of passes over the memory.
        public var iterations: UInt32
        public var parallelism: UInt32

        public init(memoryKiB: UInt32 = 19_456, iterations: UInt32 = 2, parallelism: UInt32 = 1) {
            self.memoryKiB = memoryKiB
            self.iterations = iterations
            self.parallelism = parallelism
        }

        public static let minimum = Parameters()
    }

    public enum Outcome: Sendable, Equatable {
        case mismatch
        case match
        /// The password matches but was hashed with weaker parameters than configured; store the new hash.
        case matchNeedsRehash(String)
    }

    /// The error when no computation slot freed up within the wait limit; the caller should respond "busy".
    public struct BusyError: Error {}

    public let parameters: Parameters
    private let slots: DispatchSemaphore
    private let waitLimit: DispatchTimeInterval

    public init(parameters: Parameters = .minimum, maximumConcurrent: Int = 2, waitLimit: DispatchTimeInterval = .milliseconds(500)) {
        self.parameters = parameters
        slots = DispatchSemaphore(value: maximumConcurrent)
        self.waitLimit = waitLimit
    }

    /// Hashes a password with a fresh 16-byte salt.
    public func hash(_ password: String) throws -> String {
        try withSlot { try encode(password, parameters: parameters) }
    }

    /// Verifies a password against an encoded hash and reports whether the hash should be upgraded.
    public func verify(_ password: String, against encoded: String) throws -> Outcome {
        try withSlot {
            // The byte count, not strlen: a password with a NUL byte must not verify as its prefix.
            let bytes = Array(password.utf8)
            let status = encoded.withCString { encodedPointer in
                argon2id_verify(encodedPointer, bytes, bytes.count)
            }
            guard status == ARGON2_OK.rawValue else { return .mismatch }
            guard let stored = PasswordHasher.parameters(of: encoded), stored.isWeaker(than: parameters) else {
                return .match
            }
            return .matchNeedsRehash(try encode(password, parameters: parameters))
        }
    }

    /// A hash of a random password, verified against when the account does not exist, so that the answer takes
    /// as long as for a real account and does not reveal which e-mails have accounts.
    public func dummyHash() throws -> String {
        try hash(SecureRandom.token())
    }

    /// Reads `m`, `t` and `p` from an encoded hash.
    public static func parameters(of encoded: String) -> Parameters? {
        let fields = encoded.split(separator: "$")
        guard fields.count >= 4, fields[0] == "argon2id" else { return nil }
        var values: [String: UInt32] = [:]
        for pair in fields[2].split(separator: ",") {
            let parts = pair.split(separator: "=")
            if parts.count == 2 { values[String(parts[0])] = UInt32(parts[1]) }
        }
        guard let m = values["m"], let t = values["t"], let p = values["p"] else { return nil }
        return Parameters(memoryKiB: m, iterations: t, parallelism: p)
    }

    private func withSlot<T>(_ body: () throws -> T) throws -> T {
        guard slots.wait(timeout: .now() + waitLimit) == .success else { throw BusyError() }
        defer { slots.signal() }
        return try body()
    }

    private func encode(_ password: String, parameters: Parameters) throws -> String {
        let salt = SecureRandom.bytes(16)
        let hashLength = 32
        let encodedLength = argon2_encodedlen(
            parameters.iterations, parameters.memoryKiB, parameters.parallelism, UInt32(salt.count),
            UInt32(hashLength), Argon2_id)
        var encoded = [CChar](repeating: 0, count: encodedLength)
        let bytes = Array(password.utf8)
        let status = argon2id_hash_encoded(
            parameters.iterations, parameters.memoryKiB, parameters.parallelism, bytes, bytes.count, salt, salt.count,
            hashLength, &encoded, encodedLength)
        guard status == ARGON2_OK.rawValue else {
            throw PasswordHashError(code: status, message: String(cString: argon2_error_message(status)))
        }
        return String(cString: encoded)
    }
}

extension PasswordHasher.Parameters {
    func isWeaker(than other: Self) -> Bool {
        memoryKiB < other.memoryKiB || iterations < other.iterations || parallelism < other.parallelism
    }
}

/// libargon2 reported an error (out of memory, invalid parameters); the message is libargon2's own.
public struct PasswordHashError: Error, CustomStringConvertible {
    public let code: Int32
    public let message: String

    public var description: String { "argon2 failed (\(code)): \(message)" }
}
