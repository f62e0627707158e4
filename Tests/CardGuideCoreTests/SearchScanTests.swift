import TestSupport
import XCTest

@testable import CardGuideCore

/// The sweeping search (parts on several threads, 64 bytes per step, runs of candidates)
/// against the search written plainly: every document, every term, a substring test of its
/// folded fields. A seeded corpus from a few letters and words, so that terms match often,
/// across 64-byte steps, at the first and last byte of texts and of the whole buffers.
final class SearchScanTests: XCTestCase {
    private static let seed = SeededRandom.environmentSeed ?? 0x5EA2_C4ED
    private static let pack = corpus(SeededRandom(seed: seed))
    private static let index = SearchIndex(pack: pack, language: .en)

    func testSweepEqualsAPlainScanOnEveryPartition() {
        let index = Self.index
        let reference = Reference(pack: Self.pack)
        var random = SeededRandom(seed: Self.seed).derived(1)
        let count = index.documents.count
        XCTAssertGreaterThan(count, 2000)
        // Big enough that a fresh search is split between cores wherever there are several.
        XCTAssertGreaterThan(index.parts(candidates: count).count, SearchIndex.cores > 1 ? 1 : 0)
        let chains = [
            ["c", "ca", "car", "cart", "carte", "carte ", "carte v", "carte vi", "carte vitale"],
            ["a", "ab", "aba", "abab", "ababc", "ababc b", "ababc bc"],
            ["密", "密码", "密码 a", "密码 ab"], ["é", "éc", "écu"], ["ss", "ß", "straße"],
            ["z", "zz", "zzz"], ["b c a", "b c a cab"], ["end", "end!"], ["start"],
        ]
        for chain in chains {
            var previous: [SearchIndex.Hit]? = nil
            for query in chain {
                let expected = reference.search(query)
                let context = "\(query), \(SeededRandom(seed: Self.seed).context)"
                XCTAssertEqual(index.search(query), expected, context)
                XCTAssertEqual(
                    index.search(query, within: previous), expected, "\(context), within")
                // Parts cut anywhere: after the first document, before the last, at random.
                for parts in [
                    [0..<1, 1..<count], [0..<count - 1, count - 1..<count],
                    Self.randomParts(count, &random),
                ] {
                    XCTAssertEqual(
                        index.search(query, within: nil, parts: parts), expected,
                        "\(context), parts \(parts)")
                    XCTAssertEqual(
                        index.search(query, within: previous, parts: parts), expected,
                        "\(context), within, parts \(parts)")
                }
                previous = expected
            }
        }
    }

    func testTermsAtTheEndsOfTheBuffers() {
        // The first document's title starts with "start", the last one's body ends with "end!".
        let index = Self.index
        let last = index.documents.count - 1
        XCTAssertTrue(index.search("start").contains { $0.document == 0 })
        XCTAssertTrue(index.search("end!").contains { $0.document == last })
        XCTAssertTrue(
            index.search("end!", within: nil, parts: [0..<last, last..<last + 1]).contains {
                $0.document == last
            })
    }

    func testFirstMatchAgreesWithAPlainSearchNearEveryEdge() {
        // Every start position and limit near the 16- and 64-byte steps and the buffer's end.
        var random = SeededRandom(seed: Self.seed).derived(2)
        let hay = (0..<200).map { _ in random.pick(Array("abab c".utf8)) }
        for needle in ["ab", "abab", "c", "b c", "c a"].map({ Array($0.utf8) }) {
            for (p, q) in [(0, needle.count - 1), (needle.count - 1, 0)] {
                for from in 0..<70 {
                    for end in stride(from: from, through: hay.count, by: 5) {
                        let expected = (from..<max(from, end - needle.count + 1)).first {
                            hay[$0..<$0 + needle.count].elementsEqual(needle)
                        }
                        let found = hay.withUnsafeBufferPointer { base in
                            needle.withUnsafeBufferPointer { ndl in
                                SearchIndex.firstMatch(
                                    of: ndl, p, q, in: base.baseAddress!, from: from, end: end,
                                    bound: hay.count)
                            }
                        }
                        XCTAssertEqual(
                            found, expected,
                            "\(String(decoding: needle, as: UTF8.self)) from \(from) to \(end)")
                    }
                }
            }
        }
    }

    // MARK: Helpers

    private static func randomParts(_ count: Int, _ random: inout SeededRandom) -> [Range<Int>] {
        let cuts = (0..<random.int(1...6)).map { _ in random.int(1..<count) }
        let bounds = [0] + Set(cuts).sorted() + [count]
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }

    /// Cards of FAQ, steps and cautions whose texts are drawn from a few words and letters.
    private static func corpus(_ seeded: SeededRandom) -> ContentPack {
        var random = seeded
        let words = [
            "a", "b", "c", "ab", "ba", "cab", "car", "cart", "carte", "vitale", "Carte", "VITALE",
            "密码", "密", "码",
            "écu", "Écu", "straße", "ss", "zz", "abab", "ababc", "bc",
        ]
        func text(_ maxWords: Int) -> String {
            (0..<random.int(0...maxWords)).map { _ in random.pick(words) }.joined(
                separator: random.chance(0.2) ? "" : " ")
        }
        func l(_ text: String) -> Localized { Localized(zh: text, en: text) }
        var cards: [Card] = []
        for c in 0..<20 {
            let steps = (0..<15).map { s in
                Step(
                    id: "s\(s)", title: l(text(8)), body: l(text(60)), bring: [], where: nil,
                    duration: nil,
                    sources: ["X"], varies: false, variesNote: nil)
            }
            let method = Method(
                id: "m", name: l("Method"), summary: l("Summary"), suits: l("All"), steps: steps)
            let faq = (0..<100).map { f in
                FAQ(
                    id: "f\(f)", question: l(text(10)), answer: l(text(120)), sources: ["X"],
                    keywordsZh: [text(3), text(3)], keywordsEn: [text(3), text(3)])
            }
            let cautions = (0..<5).map { k in
                Caution(
                    id: "k\(k)", kind: .info, title: l(text(6)), body: l(text(40)), sources: ["X"])
            }
            cards.append(
                Card(
                    id: "c\(c)", countryID: "fr", name: l(c == 0 ? "start " + text(4) : text(4)),
                    summary: l(text(20)),
                    issuer: l("Issuer"), activation: l(text(30)), methods: [method],
                    cautions: cautions, faq: faq,
                    comparisons: []))
        }
        // The last document (the last card's last caution) ends the bodies' buffer with "end!".
        let last = cards.count - 1
        cards[last].cautions[cards[last].cautions.count - 1].body = l(text(40) + " end!")
        return ContentPack(
            countries: [Country(id: "fr", name: l("France"), summary: l("France"))], cards: cards,
            safety: [], sources: [], fingerprint: "test")
    }

    /// The shared plain search (TestSupport), as hits.
    private struct Reference {
        let plain: ReferenceSearch

        init(pack: ContentPack) { plain = ReferenceSearch(pack: pack, language: .en) }

        func search(_ query: String) -> [SearchIndex.Hit] {
            plain.search(query).map { SearchIndex.Hit(document: $0.document, score: $0.score) }
        }
    }
}
