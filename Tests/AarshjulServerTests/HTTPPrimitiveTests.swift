import AarshjulCore
@testable import AarshjulServer
import Testing

/// The swift-crypto calls give the published test vectors (NIST, RFC 4231).
@Suite struct SHA256Tests {
    func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes) }

    @Test func nistVectors() {
        #expect(hex(Digest.sha256([UInt8]())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(Digest.sha256(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(Digest.sha256(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // 55 and 64 bytes: padding fits exactly / spills into a second block.
        #expect(hex(Digest.sha256([UInt8](repeating: 0x61, count: 1_000))) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func hmacRFC4231Vectors() {
        #expect(hex(Digest.hmacSHA256(key: [UInt8](repeating: 0x0b, count: 20), message: Array("Hi There".utf8)))
            == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(hex(Digest.hmacSHA256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(hex(Digest.hmacSHA256(key: [UInt8](repeating: 0xaa, count: 131),
                                                  message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
            == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }
}

@Suite struct HTTPPrimitiveTests {
    @Test func httpDateFormatsAndParsesAllThreeForms() {
        let t = UTCTimestamp(secondsSinceEpoch: 784_111_777)
        #expect(HTTPDate.format(t) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == t)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == t)
        #expect(HTTPDate.parse("Sun Nov  6 08:49:37 1994") == t)
        #expect(HTTPDate.parse("yesterday") == nil)
        #expect(HTTPDate.parse("Sun, 31 Feb 1994 08:49:37 GMT") == nil)
    }

    @Test func ifNoneMatchUsesWeakComparison() {
        let tag = "\"abc\""
        #expect(EntityTag.ifNoneMatchMatches("\"abc\"", current: tag))
        #expect(EntityTag.ifNoneMatchMatches("W/\"abc\"", current: tag))
        #expect(EntityTag.ifNoneMatchMatches("\"x\", \"y,z\" ,W/\"abc\"", current: tag))
        #expect(EntityTag.ifNoneMatchMatches("*", current: tag))
        #expect(!EntityTag.ifNoneMatchMatches("\"abcd\", \"ab\"", current: tag))
        #expect(!EntityTag.ifNoneMatchMatches("", current: tag))
    }

    @Test func etagIsTheQuotedSHA256OfTheBody() {
        #expect(EntityTag.strong(for: Array("abc".utf8)) == "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"")
    }

    @Test func conditionalEvaluation() {
        let modified = UTCTimestamp(secondsSinceEpoch: 1_000_000)
        func eval(_ inm: String?, _ ims: String?) -> ConditionalOutcome {
            ConditionalRequest.evaluate(ifNoneMatch: inm, ifModifiedSince: ims, etag: "\"t\"", lastModified: modified)
        }
        let same = HTTPDate.format(modified), earlier = HTTPDate.format(UTCTimestamp(secondsSinceEpoch: 999_999))
        #expect(eval(nil, nil) == .fullResponse)
        #expect(eval("\"t\"", nil) == .notModified)
        #expect(eval(nil, same) == .notModified)
        #expect(eval(nil, earlier) == .fullResponse)
        #expect(eval("\"other\"", same) == .fullResponse, "If-Modified-Since is ignored when If-None-Match is present")
        #expect(eval(nil, "not a date") == .fullResponse)
    }

    @Test func pathParsing() {
        #expect(FeedPath.parse("/lillestrom/politirad.ics") == .public(path: "lillestrom/politirad.ics"))
        let token = String(repeating: "ab", count: 16)
        #expect(FeedPath.parse("/private/\(token)/lillestrom/x.ics") == .confidential(token: token, path: "lillestrom/x.ics"))
        for bad in ["", "lillestrom/x.ics", "/", "/a//b.ics", "/a/../b.ics", "/a/%2e%2e/b.ics", "/a\\b.ics", "/a/./b.ics", "/ä.ics", "/A.ics"] {
            #expect(FeedPath.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func tokensAreStableDistinctAndWellFormed() {
        let secret = Array("s".utf8)
        let t1 = FeedToken.derive(secret: secret, path: "a/x.ics")
        #expect(t1 == FeedToken.derive(secret: secret, path: "a/x.ics"))
        #expect(t1 != FeedToken.derive(secret: secret, path: "a/y.ics"))
        #expect(t1 != FeedToken.derive(secret: Array("t".utf8), path: "a/x.ics"))
        #expect(t1.count == 32 && FeedToken.isWellFormed(t1))
    }

    @Test func constantTimeEquality() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 4], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3, 4], [1, 2, 3]))
        #expect(!ConstantTime.equals([], [1]))
    }

    @Test func catalogRefusesUnsafeOrCollidingPaths() {
        let stamp = Fixtures.stamp
        #expect(throws: FeedCatalogError.unsafePath("../x.ics")) {
            try FeedCatalog(feeds: [Feed(path: "../x.ics", title: "x", municipality: "x", kind: .series, text: "", lastModified: stamp)])
        }
        #expect(throws: FeedCatalogError.unsafePath("private/x.ics")) {
            try FeedCatalog(feeds: [Feed(path: "private/x.ics", title: "x", municipality: "x", kind: .series, text: "", lastModified: stamp)])
        }
        #expect(throws: FeedCatalogError.duplicatePath("/a/x.ics")) {
            try FeedCatalog(feeds: [Feed(path: "a/x.ics", title: "x", municipality: "a", kind: .series, text: "1", lastModified: stamp),
                                    Feed(path: "a/x.ics", title: "y", municipality: "a", kind: .series, text: "2", lastModified: stamp)])
        }
        #expect(throws: FeedCatalogError.badToken("a/x.ics")) {
            try FeedCatalog(feeds: [Feed(path: "a/x.ics", title: "x", municipality: "a", kind: .series, text: "",
                                         lastModified: stamp, visibility: .confidential(token: "short"))])
        }
    }
}
