import Crypto
import Dispatch
import Foundation
import Testing

@Suite struct DigestTests {
    @Test func sha256OfKnownInput() {
        #expect(Digest.sha256("abc").hexString == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digest.sha256([UInt8]()).hexString == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func fileDigestStopsAtTheLimit() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kolektor-digest-\(UUID().uuidString)")
        try Data("abc".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(Digest.sha256(fileAt: url, maxBytes: 3)?.hexString == Digest.sha256("abc").hexString)
        #expect(Digest.sha256(fileAt: url, maxBytes: 2) == nil)
        // An endless device ends at the limit instead of never.
        #expect(Digest.sha256(fileAt: URL(fileURLWithPath: "/dev/zero"), maxBytes: 1_000_000) == nil)
    }

    @Test func hmacOfKnownInput() {
        // RFC 4231 test case 2.
        let mac = Digest.hmacSHA256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(mac.hexString == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func constantTimeEquality() {
        #expect(Digest.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!Digest.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!Digest.constantTimeEqual([1, 2, 3], [1, 2]))
    }
}

@Suite struct SecureRandomTests {
    @Test func tokensAreLongAndDistinct() {
        let tokens = (0..<100).map { _ in SecureRandom.token() }
        #expect(Set(tokens).count == 100)
        #expect(tokens.allSatisfy { $0.count == 43 })
        #expect(tokens.allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } })
    }

    @Test func numericCodesHaveFixedWidth() {
        let codes = (0..<200).map { _ in SecureRandom.numericCode(digits: 6) }
        #expect(codes.allSatisfy { $0.count == 6 && $0.allSatisfy(\.isNumber) })
        #expect(Set(codes).count > 150)
    }

    @Test func base64URLPadsNothing() {
        #expect(SecureRandom.base64URL(Array("f".utf8)) == "Zg")
        #expect(SecureRandom.base64URL(Array("fo".utf8)) == "Zm8")
        #expect(SecureRandom.base64URL(Array("foo".utf8)) == "Zm9v")
        #expect(SecureRandom.base64URL([0xfb, 0xff]) == "-_8")
    }
}

@Suite struct PasswordHasherTests {
    let hasher = PasswordHasher()

    @Test func hashIsArgon2idWithMinimumParameters() throws {
        let encoded = try hasher.hash("správné heslo 123")
        #expect(encoded.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        #expect(try hasher.verify("správné heslo 123", against: encoded) == .match)
        #expect(try hasher.verify("špatné heslo", against: encoded) == .mismatch)
    }

    @Test func saltMakesHashesDiffer() throws {
        #expect(try hasher.hash("stejné") != hasher.hash("stejné"))
    }

    @Test func raisedParametersTriggerRehash() throws {
        let weak = PasswordHasher(parameters: .init(memoryKiB: 8_192, iterations: 1, parallelism: 1))
        let old = try weak.hash("heslo")
        guard case .matchNeedsRehash(let upgraded) = try hasher.verify("heslo", against: old) else {
            Issue.record("a hash with weaker parameters must ask for a rehash")
            return
        }
        #expect(upgraded.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        #expect(try hasher.verify("heslo", against: upgraded) == .match)
    }

    @Test func garbageHashNeverMatches() throws {
        #expect(try hasher.verify("x", against: "not a hash") == .mismatch)
    }

    @Test func capRejectsWhenBusy() throws {
        // A deliberately slow hash holds the only slot; a second request must give up after the wait limit.
        let slow = PasswordHasher(
            parameters: .init(memoryKiB: 262_144, iterations: 4, parallelism: 1), maximumConcurrent: 1,
            waitLimit: .milliseconds(1))
        let holder = Thread { _ = try? slow.hash("hold the slot") }
        holder.start()
        Thread.sleep(forTimeInterval: 0.1)
        #expect(throws: PasswordHasher.BusyError.self) { try slow.hash("second") }
    }
}
