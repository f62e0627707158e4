import Foundation
import TestSupport
import XCTest

@testable import CardGuideCore
@testable import CardGuideStorage

#if canImport(Glibc)
import Glibc
#endif

/// The cache of the validated pack, against real files in a temporary folder: what it returns
/// is always what a full load returns, whatever happened to the content or the cache file.
final class ContentCacheTests: XCTestCase {
    /// A clock past the racy window, so that files written by the test a moment ago are cached.
    private let later = { CacheKey.now() + 60_000_000_000 }

    private func load(_ folder: String, cache: String, now: (() -> Int64)? = nil) -> (
        ContentLoadResult, CachedContent.Outcome
    ) {
        let (result, outcome) = CachedContent.load(
            directory: folder, cacheFolder: cache, now: now ?? later)
        return (result, outcome)
    }

    /// Equal texts may differ in bytes (String's `==` is canonical equivalence): the cache must
    /// give back the very bytes. Two results encode alike exactly when every text is byte-equal.
    private func assertSameBytes(
        _ a: ContentLoadResult, _ b: ContentLoadResult, _ folder: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let key = CacheKey(directory: folder) else {
            return XCTFail("no key for \(folder)", file: file, line: line)
        }
        XCTAssertEqual(
            CacheFile.seal(a, key: key), CacheFile.seal(b, key: key), "not byte-equal", file: file,
            line: line)
    }

    private func assertRoundTrip(
        _ folder: String, file: StaticString = #filePath, line: UInt = #line
    ) -> ContentLoadResult {
        let cache = folder + "-cache"
        let expected = ContentLoader.load(directory: folder)
        XCTAssertTrue(expected.isValid, "\(expected.errors)", file: file, line: line)
        let (first, written) = load(folder, cache: cache)
        XCTAssertEqual(written, .miss(written: true), file: file, line: line)
        XCTAssertEqual(first, expected, file: file, line: line)
        let (cached, hit) = load(folder, cache: cache)
        XCTAssertEqual(hit, .hit, file: file, line: line)
        XCTAssertEqual(cached.pack, expected.pack, file: file, line: line)
        XCTAssertEqual(cached.pack?.fingerprint, expected.pack?.fingerprint, file: file, line: line)
        XCTAssertEqual(cached.issues, expected.issues, file: file, line: line)
        assertSameBytes(cached, expected, folder, file: file, line: line)
        return cached
    }

    // MARK: Round trips

    func testShippedPackRoundTrips() throws {
        let folder = CoreFixture.Folder()
        for name in try FileManager.default.contentsOfDirectory(
            atPath: CoreFixture.repositoryContent) where name.hasSuffix(".json")
        {
            folder.write(name, try XCTUnwrap(bytes(at: CoreFixture.repositoryContent + "/" + name)))
        }
        let cached = assertRoundTrip(folder.path)
        XCTAssertEqual(cached.pack?.countries.count, 3)
        XCTAssertEqual(
            cached.pack?.card(CoreFixture.shippedPack.cards[0].id), CoreFixture.shippedPack.cards[0]
        )
        // Web contacts are addresses: the cache's text check lets them through like URLs.
        XCTAssertEqual(cached.pack?.contacts, CoreFixture.shippedPack.contacts)
        XCTAssertTrue(cached.pack?.contacts.contains { $0.kind == .web } == true)
    }

    func testGeneratedPackWithWarningsRoundTrips() {
        var random = SeededRandom.fromEnvironment(default: 0xCAC4E)
        for round in 0..<4 {
            let folder = CoreFixture.Folder()
            folder.write(MiniPack.bytes(GeneratedPack.files(&random)))
            let cached = assertRoundTrip(folder.path)
            XCTAssertFalse(
                cached.issues.isEmpty,
                "round \(round), \(random.context): the pack should have warnings")
            XCTAssertTrue(cached.issues.allSatisfy { $0.severity == .warning }, "\(cached.issues)")
        }
    }

    /// "é" precomposed and decomposed are equal Strings; interning must not merge them.
    func testCanonicallyEquivalentTextsKeepTheirBytes() throws {
        let folder = CoreFixture.Folder()
        folder.write(
            MiniPack.bytes(
                MiniPack.card(replacing: #""en": "Fill in the form""#, with: #""en": "Caf\u00e9""#))
        )
        folder.write(
            "z.json",
            Array(
                MiniPack.extraCardFile(
                    methods: """
                        [ { "id": "fr-extra-m", "name": { "zh": "方法", "en": "Cafe\\u0301" }, "summary": { "zh": "摘要", "en": "Summary" },
                            "suits": { "zh": "所有人", "en": "Everyone" },
                            "steps": [ { "id": "fr-extra-s", "title": { "zh": "步骤", "en": "Step" }, "body": { "zh": "正文", "en": "Body" }, "sources": ["FR1"] } ] } ]
                        """
                ).utf8))
        let cached = assertRoundTrip(folder.path)
        let pack = try XCTUnwrap(cached.pack)
        XCTAssertEqual(
            Array(pack.cards[0].methods[0].steps[0].title.en.utf8), Array("Caf\u{E9}".utf8))
        XCTAssertEqual(Array(pack.cards[1].methods[0].name.en.utf8), Array("Cafe\u{301}".utf8))
    }

    // MARK: Changes to the content

    func testChangedFileOfTheSameSizeMisses() throws {
        let folder = CoreFixture.Folder()
        folder.write(MiniPack.bytes(MiniPack.files))
        let cache = folder.path + "/cache"
        setModified(folder.path + "/fr.json", secondsAgo: 3600)
        XCTAssertEqual(load(folder.path, cache: cache).1, .miss(written: true))

        // Same size, same inode: only the times tell.
        let path = folder.path + "/fr.json"
        let original = try XCTUnwrap(bytes(at: path))
        let edited = Array(
            String(decoding: original, as: UTF8.self).replacingOccurrences(
                of: "About two weeks.", with: "About ten weeks."
            ).utf8)
        XCTAssertEqual(edited.count, original.count)
        let fd = open(path, O_WRONLY)
        XCTAssertEqual(
            edited.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }, edited.count)
        close(fd)

        let (result, outcome) = load(folder.path, cache: cache)
        XCTAssertEqual(outcome, .miss(written: true))
        XCTAssertEqual(result, ContentLoader.load(directory: folder.path))
        XCTAssertEqual(result.pack?.cards[0].faq[0].answer.en, "About ten weeks.")
        XCTAssertEqual(load(folder.path, cache: cache).1, .hit)
    }

    func testAddedOrRemovedFileMisses() {
        let folder = CoreFixture.Folder()
        folder.write(MiniPack.bytes(MiniPack.files))
        let cache = folder.path + "/cache"
        XCTAssertEqual(load(folder.path, cache: cache).1, .miss(written: true))

        // An error: not cached.
        folder.write("more.json", Array(MiniPack.extraCardFile(methods: nil).utf8))
        var (result, outcome) = load(folder.path, cache: cache)
        XCTAssertEqual(outcome, .miss(written: false))
        XCTAssertEqual(result, ContentLoader.load(directory: folder.path))
        XCTAssertFalse(result.isValid)

        XCTAssertEqual(unlink(folder.path + "/more.json"), 0)
        folder.write(
            "a-warning.json",
            Array(
                #"{ "schemaVersion": 1, "countries": [ { "id": "de", "name": { "zh": "德国", "en": "Germany" }, "summary": { "zh": "德国", "en": "Germany" } } ] }"#
                    .utf8))
        (result, outcome) = load(folder.path, cache: cache)
        XCTAssertEqual(outcome, .miss(written: true))
        XCTAssertEqual(result, ContentLoader.load(directory: folder.path))
        XCTAssertEqual(result.issues.map(\.severity), [.warning])

        XCTAssertEqual(unlink(folder.path + "/a-warning.json"), 0)
        (result, outcome) = load(folder.path, cache: cache)
        XCTAssertEqual(outcome, .miss(written: true))
        XCTAssertEqual(result, ContentLoader.load(directory: folder.path))
        XCTAssertEqual(result.issues, [])
    }

    /// Git's "racy clean": a file changed within the timestamp tick of the cache could change
    /// again without changing its key, so nothing made from it is written yet.
    func testFilesChangedJustNowAreNotCached() {
        let folder = CoreFixture.Folder()
        folder.write(MiniPack.bytes(MiniPack.files))
        let cache = folder.path + "/cache"
        let (result, outcome) = CachedContent.loadReporting(
            directory: folder.path, cacheFolder: cache)
        XCTAssertEqual(outcome, .miss(written: false))
        XCTAssertEqual(result, ContentLoader.load(directory: folder.path))
        XCTAssertEqual(
            load(folder.path, cache: cache).1, .miss(written: true),
            "written once the window has passed")
    }

    // MARK: A damaged cache

    /// Bit flips, truncations, extensions and zeroed ranges of a real cache file: every load
    /// gives exactly the full load's result, and only the unchanged file is a hit.
    func testDamagedCacheFilesGiveTheFullLoad() throws {
        var random = SeededRandom.fromEnvironment(default: 0xDA4A6E)
        let folder = CoreFixture.Folder()
        folder.write(MiniPack.bytes(GeneratedPack.files(&random, countries: 1)))
        let cache = folder.path + "/cache"
        XCTAssertEqual(load(folder.path, cache: cache).1, .miss(written: true))
        let key = try XCTUnwrap(CacheKey(directory: folder.path))
        let path = CacheStore.file(in: cache, for: key)
        let pristine = try XCTUnwrap(bytes(at: path))
        let expected = ContentLoader.load(directory: folder.path)
        XCTAssertFalse(expected.issues.isEmpty)

        for n in 0..<2000 {
            let damaged = Damage.apply(to: pristine, &random)
            XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(damaged)))
            // A clock at 1970 makes every file too new to cache: the damaged file stays as it is.
            let (result, outcome) = load(folder.path, cache: cache, now: { 0 })
            XCTAssertEqual(result, expected, "mutation \(n), \(random.context)")
            if damaged != pristine {
                XCTAssertNotEqual(outcome, .hit, "mutation \(n), \(random.context)")
            }
        }
    }

    /// The same damage with the checksum made to match again: the decoder itself meets the
    /// garbage and must refuse it or decode something, never trap or allocate without bound.
    func testDamageBehindAValidChecksumNeverTraps() throws {
        var random = SeededRandom.fromEnvironment(default: 0x5EA1ED)
        let folder = CoreFixture.Folder()
        folder.write(MiniPack.bytes(GeneratedPack.files(&random, countries: 1)))
        let key = try XCTUnwrap(CacheKey(directory: folder.path))
        let expected = ContentLoader.load(directory: folder.path)
        let pristine = try XCTUnwrap(CacheFile.seal(expected, key: key))
        XCTAssertEqual(pristine.withUnsafeBytes { CacheFile.open($0, key: key) }, expected)
        var decoded = 0
        for _ in 0..<2000 {
            var damaged = Damage.apply(to: pristine, &random, keeping: 32 + key.bytes.count)
            damaged.replaceSubrange(
                16..<24,
                with: withUnsafeBytes(
                    of: UInt64(damaged.count - 32 - key.bytes.count).littleEndian, Array.init))
            let checksum = damaged.withUnsafeBytes {
                Checksum64.hash(UnsafeRawBufferPointer(rebasing: $0[32...]))
            }
            damaged.replaceSubrange(
                24..<32, with: withUnsafeBytes(of: checksum.littleEndian, Array.init))
            if damaged.withUnsafeBytes({ CacheFile.open($0, key: key) }) != nil { decoded += 1 }
        }
        XCTAssertLessThan(decoded, 2000, "\(random.context)")
    }

    // MARK: Where the cache lives

    func testUnwritableCacheFolderStillLoads() {
        let folder = CoreFixture.Folder()
        folder.write(MiniPack.bytes(MiniPack.files))
        folder.write("not-a-folder", [1])
        let expected = ContentLoader.load(directory: folder.path)
        for cache in [folder.path + "/not-a-folder/cache", "/proc/cardguide-cache"] {
            let (result, outcome) = load(folder.path, cache: cache)
            XCTAssertEqual(result, expected, cache)
            XCTAssertEqual(outcome, .miss(written: false), cache)
        }
        let (result, outcome) = load(folder.path, cache: "relative/cache")
        XCTAssertEqual(result, expected)
        XCTAssertEqual(outcome, .uncached)
    }

    func testCacheFileIsPrivateAndNamedByTheFolder() throws {
        let folder = CoreFixture.Folder()
        folder.write(MiniPack.bytes(MiniPack.files))
        let cache = folder.path + "/new/cardguide"
        XCTAssertEqual(load(folder.path, cache: cache).1, .miss(written: true))
        let names = try FileManager.default.contentsOfDirectory(atPath: cache)
        XCTAssertEqual(names.count, 1)
        XCTAssertTrue(names[0].hasPrefix("pack-") && names[0].hasSuffix(".bin"), names[0])
        XCTAssertEqual(mode(of: cache + "/" + names[0]), 0o600)
        XCTAssertEqual(mode(of: cache), 0o700)
        XCTAssertEqual(mode(of: folder.path + "/new"), 0o700)
    }

    func testCacheFolderFollowsXDGAndCanBeTurnedOff() {
        func folder(_ environment: [String: String]) -> String? {
            CacheStore.folder { environment[$0] }
        }
        XCTAssertEqual(
            folder(["XDG_CACHE_HOME": "/srv/cache", "HOME": "/home/li"]), "/srv/cache/cardguide")
        XCTAssertEqual(
            folder(["XDG_CACHE_HOME": "cache", "HOME": "/home/li"]), "/home/li/.cache/cardguide")
        XCTAssertEqual(folder(["HOME": "/home/li/"]), "/home/li/.cache/cardguide")
        XCTAssertEqual(
            folder(["CARDGUIDE_NO_CACHE": "0", "HOME": "/home/li"]), "/home/li/.cache/cardguide")
        XCTAssertNil(folder(["CARDGUIDE_NO_CACHE": "1", "HOME": "/home/li"]))
        XCTAssertNil(folder(["HOME": "relative"]))
        XCTAssertNil(folder([:]))
    }

    func testValidateNeverUsesTheCache() {
        let folder = CoreFixture.Folder()
        folder.write(MiniPack.bytes(MiniPack.files))
        guard
            let run = CoreFixture.run(
                ["validate", "--content", folder.path],
                environment: ["XDG_CACHE_HOME": folder.path + "/cache"])
        else {
            return XCTFail("the cardguide binary was not found or did not finish")
        }
        XCTAssertEqual(run.status, 0, run.out + run.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/cache"))
    }

    // MARK: The checksum

    func testChecksumIsXXH64() {
        XCTAssertEqual(Checksum64.hash([]), 0xEF46_DB37_51D8_E999)
        XCTAssertEqual(Checksum64.hash(Array("a".utf8)), 0xD24E_C4F1_A98C_6E5B)
        XCTAssertEqual(Checksum64.hash(Array("abc".utf8)), 0x44BC_2CF5_AD77_0999)
        XCTAssertEqual(
            Checksum64.hash(Array("Nobody inspects the spammish repetition".utf8)),
            0xFBCE_A83C_8A37_8BF1)
    }

    private func setModified(_ path: String, secondsAgo: Int) {
        var times = [
            timespec(tv_sec: time(nil) - secondsAgo, tv_nsec: 0),
            timespec(tv_sec: time(nil) - secondsAgo, tv_nsec: 0),
        ]
        XCTAssertEqual(utimensat(AT_FDCWD, path, &times, 0), 0)
    }
}

/// Seeded ways of damaging a file.
enum Damage {
    /// Damage after the first `keeping` bytes.
    static func apply(to pristine: [UInt8], _ random: inout SeededRandom, keeping from: Int = 0)
        -> [UInt8]
    {
        var bytes = pristine
        switch random.int(0..<5) {
        case 0: // bit flips
            for _ in 0..<random.int(1...8) {
                bytes[random.int(from..<bytes.count)] ^= 1 << UInt8(random.int(0..<8))
            }
        case 1: // truncation
            bytes.removeLast(random.int(1...(bytes.count - from)))
        case 2: // extension
            bytes += (0..<random.int(1...64)).map { _ in UInt8(random.int(0...255)) }
        case 3: // a zeroed range
            let start = random.int(from..<bytes.count)
            let end = min(bytes.count, start + random.int(1...64))
            bytes.replaceSubrange(start..<end, with: repeatElement(0, count: end - start))
        default: // a count or length made huge
            let at = random.int(from..<bytes.count - 4)
            bytes.replaceSubrange(
                at..<at + 4, with: [0xFF, 0xFF, 0xFF, random.pick([0x7F, 0xFF, 0x00])])
        }
        return bytes
    }
}

/// A seeded valid pack with warnings (a country without cards, a source never cited) and
/// every kind of field: optional notes, places and durations, varying steps, every caution
/// kind, FAQ keywords, comparison tables, and texts in several scripts, precomposed and not.
enum GeneratedPack {
    static func files(_ random: inout SeededRandom, countries: Int = 3) -> [String: String] {
        var files: [String: String] = [:]
        let countryList = (0..<countries).map { "c\($0)" } + ["lonely"]
        files["shared.json"] = object([
            ("schemaVersion", "1"),
            (
                "countries",
                array(
                    countryList.map {
                        object([
                            ("id", quote($0)), ("name", text(&random)), ("summary", text(&random)),
                        ])
                    })
            ),
            (
                "safety",
                array([
                    object([
                        ("id", quote("S1")), ("title", text(&random)), ("body", text(&random)),
                        ("sources", array([quote("G0")])),
                    ])
                ])
            ),
            ("sources", array([source("G0", &random), source("G-unused", &random)])),
        ])
        for c in 0..<countries {
            let prefix = "c\(c)"
            let cited = ["\(prefix)-S0", "\(prefix)-S1"]
            func cites(_ random: inout SeededRandom) -> String {
                array([quote(random.pick(cited))])
            }
            var cards: [String] = []
            for k in 0..<random.int(1...2) {
                let card = "\(prefix)-k\(k)"
                let methods = (0..<random.int(1...3)).map { m in
                    let method = "\(card)-m\(m)"
                    let steps = (0..<random.int(1...4)).map { s in
                        var fields = [
                            ("id", quote("\(method)-s\(s)")), ("title", text(&random)),
                            ("body", text(&random)),
                            ("sources", cites(&random)),
                        ]
                        let bring = (0..<random.int(0...3)).map { b in
                            object(
                                [("id", quote("m\(s)-\(b)")), ("name", text(&random))]
                                    + (random.chance(0.5) ? [("note", text(&random))] : []))
                        }
                        if !bring.isEmpty { fields.append(("bring", array(bring))) }
                        if random.chance(0.5) { fields.append(("where", text(&random))) }
                        if random.chance(0.5) { fields.append(("duration", text(&random))) }
                        if random.chance(0.4) {
                            fields.append(("varies", "true"))
                            if random.chance(0.5) { fields.append(("variesNote", text(&random))) }
                        }
                        return object(fields)
                    }
                    return (
                        id: method,
                        json: object([
                            ("id", quote(method)), ("name", text(&random)),
                            ("summary", text(&random)),
                            ("suits", text(&random)), ("steps", array(steps)),
                        ])
                    )
                }
                let cautions = (0..<random.int(0...3)).map { n in
                    object([
                        ("id", quote("\(card)-c\(n)")),
                        ("kind", quote(random.pick(["fraud", "warning", "info"]))),
                        ("title", text(&random)), ("body", text(&random)),
                        ("sources", cites(&random)),
                    ])
                }
                let faq = (0..<random.int(0...4)).map { n in
                    object([
                        ("id", quote("\(card)-f\(n)")), ("question", text(&random)),
                        ("answer", text(&random)), ("sources", cites(&random)),
                        (
                            "keywords",
                            object([
                                (
                                    "zh",
                                    array(
                                        (0..<random.int(0...2)).map { _ in quote(words(&random)) })
                                ),
                                (
                                    "en",
                                    array(
                                        (0..<random.int(0...2)).map { _ in quote(words(&random)) })
                                ),
                            ])
                        ),
                    ])
                }
                let rows = (0..<random.int(1...3)).map { _ in
                    object([
                        ("label", text(&random)),
                        ("cells", array(methods.map { _ in text(&random) })),
                    ])
                }
                let comparisons = [
                    object([
                        ("id", quote("\(card)-cmp")), ("title", text(&random)),
                        ("methods", array(methods.map { quote($0.id) })), ("rows", array(rows)),
                    ])
                ]
                cards.append(
                    object([
                        ("id", quote(card)), ("name", text(&random)), ("summary", text(&random)),
                        ("issuer", text(&random)),
                        ("activation", text(&random)), ("methods", array(methods.map(\.json))),
                        ("cautions", array(cautions)),
                        ("faq", array(faq)), ("comparisons", array(comparisons)),
                    ]))
            }
            files["\(prefix).json"] = object([
                ("schemaVersion", "1"), ("country", quote(prefix)),
                ("sources", array(cited.map { source($0, &random) })), ("cards", array(cards)),
            ])
        }
        return files
    }

    /// Words in several scripts; "é" both precomposed and as e + U+0301. Repeats are likely,
    /// as in real packs, so interning is exercised too.
    static let vocabulary = [
        "社保卡", "办理", "银行", "Karte", "carte", "Vitale", "café", "cafe\u{301}", "Straße", "ü",
        "München", "👍", "ΩΣ", "한국", "x", "2024", "PIN", "电子社保卡", "Krankenkasse", "ﺏﻼ",
    ]

    static func words(_ random: inout SeededRandom) -> String {
        (0..<random.int(1...6)).map { _ in random.pick(vocabulary) }.joined(separator: " ")
    }

    static func text(_ random: inout SeededRandom) -> String {
        object([("zh", quote(words(&random))), ("en", quote(words(&random)))])
    }

    static func source(_ id: String, _ random: inout SeededRandom) -> String {
        object([
            ("id", quote(id)), ("kind", quote(random.pick(["official", "media", "low"]))),
            ("title", text(&random)),
            ("url", quote("https://example.org/\(id)")),
        ])
    }

    static func quote(_ text: String) -> String { "\"\(text)\"" }
    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }
}
