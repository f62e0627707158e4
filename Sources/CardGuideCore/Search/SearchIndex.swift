import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Incremental full-text search over the pack's FAQ, steps, cautions and cards in one
/// language. Texts are folded once when the index is built; each keystroke then scans
/// bytes, and a query that extends the previous one only rescans the previous hits.
///
/// Speed (50,000 FAQ entries are 20 to 25 MB of folded text per language): each field of
/// every document lies end to end in one buffer, so a search of many documents is one sweep
/// of memory, never a loop over 150,000 small arrays; big sweeps are split between cores
/// at document boundaries; a term is looked for 64 bytes at a time by its two rarest bytes
/// (`firstMatch`, in SearchScan.swift), and a body only when the title and the keywords
/// miss; hits are ranked by a counting sort, since scores are small integers.
public struct SearchIndex: Sendable {
    public enum Target: Equatable, Sendable {
        case faq(cardID: String, faqID: String)
        case step(cardID: String, methodID: String, stepIndex: Int)
        case caution(cardID: String, cautionID: String)
        case card(cardID: String)
    }

    public struct Document: Sendable {
        public var target: Target
        public var title: String
        public var body: String
    }

    public struct Hit: Equatable, Sendable {
        public var document: Int
        public var score: Int
    }

    public let language: Language
    public private(set) var documents: [Document] = []
    private(set) var titles = Field()
    private(set) var keywords = Field()
    private(set) var bodies = Field()
    /// FAQ entries rank 5 above other documents with the same matches.
    private(set) var isFAQ: [Bool] = []
    /// `coreParts(_:count:)`, once.
    private var coreParts: [Range<Int>] = []
    /// How often each byte value occurs in the folded text: a term is searched for by its rarest byte.
    private var byteCounts = [Int](repeating: 0, count: 256)

    public init(pack: ContentPack, language: Language) {
        self.language = language
        for card in pack.cards {
            add(
                .card(cardID: card.id), title: card.name[language],
                keywords: [card.summary[language]], body: card.activation[language])
            for faq in card.faq {
                add(
                    .faq(cardID: card.id, faqID: faq.id), title: faq.question[language],
                    keywords: faq.keywords(language), body: faq.answer[language])
            }
            for method in card.methods {
                for (index, step) in method.steps.enumerated() {
                    add(
                        .step(cardID: card.id, methodID: method.id, stepIndex: index),
                        title: step.title[language],
                        keywords: step.bring.map { $0.name[language] }, body: step.body[language])
                }
            }
            for caution in card.cautions {
                add(
                    .caution(cardID: card.id, cautionID: caution.id),
                    title: caution.title[language], keywords: [], body: caution.body[language])
            }
        }
        for field in [titles, keywords, bodies] {
            for byte in field.bytes { byteCounts[Int(byte)] += 1 }
        }
        coreParts = Self.coreParts(bodies, count: documents.count)
    }

    private mutating func add(_ target: Target, title: String, keywords: [String], body: String) {
        documents.append(Document(target: target, title: title, body: body))
        if case .faq = target { isFAQ.append(true) } else { isFAQ.append(false) }
        titles.append(Folding.fold(title))
        self.keywords.append(Folding.fold(keywords.joined(separator: "\n")))
        bodies.append(Folding.fold(body))
    }

    /// The query's folded terms (split at spaces): every term must match.
    public static func terms(_ query: String) -> [String] {
        Folding.fold(query).split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(
            String.init)
    }

    private func needle(_ term: String) -> Needle {
        let bytes = Array(term.utf8)
        let byRarity = bytes.indices.sorted {
            (byteCounts[Int(bytes[$0])], $0) < (byteCounts[Int(bytes[$1])], $1)
        }
        return Needle(
            bytes: bytes, pivot: byRarity.first ?? 0,
            second: byRarity.dropFirst().first ?? byRarity.first ?? 0)
    }

    /// Hits for `query`, best first. Pass the previous hits when the query only grew: the
    /// new hits are a subset of them.
    public func search(_ query: String, within previous: [Hit]? = nil) -> [Hit] {
        search(
            query, within: previous, parts: parts(candidates: previous?.count ?? documents.count))
    }

    /// The search over `parts` (consecutive ranges covering every document), each on its own
    /// thread when there are several: a document's hit depends on it alone, so each part
    /// works on its own documents' slots of shared scratch memory and needs no lock.
    func search(_ query: String, within previous: [Hit]?, parts: [Range<Int>]) -> [Hit] {
        let needles = Self.terms(query).map(needle)
        guard !needles.isEmpty, !documents.isEmpty else { return [] }
        // The candidates, in document order as a fresh search finds them.
        var flags = [Bool](repeating: previous == nil, count: documents.count)
        for hit in previous ?? [] where flags.indices.contains(hit.document) {
            flags[hit.document] = true
        }
        let alive = flags
        // Allocated here, not by the workers: a worker's first large malloc after the
        // content load's many small frees can stall for milliseconds consolidating them.
        var candidates = [Int32](repeating: 0, count: documents.count)
        var scores = [Int32](repeating: 0, count: documents.count)
        var terms = [UInt8](repeating: 0, count: documents.count)
        var left = [Int](repeating: 0, count: parts.count)
        return candidates.withUnsafeMutableBufferPointer { candidates in
            scores.withUnsafeMutableBufferPointer { scores in
                terms.withUnsafeMutableBufferPointer { terms in
                    left.withUnsafeMutableBufferPointer { left in
                        let scratch = Scratch(
                            candidates: candidates, scores: scores, terms: terms, left: left)
                        if parts.count == 1 {
                            scan(needles, part: 0, of: parts, alive: alive, scratch)
                        } else {
                            DispatchQueue.concurrentPerform(iterations: parts.count) { k in
                                scan(needles, part: k, of: parts, alive: alive, scratch)
                            }
                        }
                        return ranked(parts, scratch, top: 100 * needles.count + 5)
                    }
                }
            }
        }
    }

    /// One part per core when the candidates' text is big enough to repay handing work to
    /// another thread (tens of microseconds), else the whole index as one part.
    func parts(candidates: Int) -> [Range<Int>] {
        let count = documents.count
        let bytes = titles.bytes.count + keywords.bytes.count + bodies.bytes.count
        guard count > 0, coreParts.count > 1, bytes / count * candidates >= 512 * 1024 else {
            return [0..<count]
        }
        return coreParts
    }

    /// Consecutive documents, one range per core, of about as many bytes each (sweeping
    /// bytes is the work), cut where the k-th share of the bodies' bytes begins.
    private static func coreParts(_ bodies: Field, count: Int) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var lower = 0
        for k in 1...cores {
            let share = bodies.starts[count] * k / cores
            var upper = lower
            while upper < count && (k == cores || bodies.starts[upper] < share) { upper += 1 }
            if upper > lower { parts.append(lower..<upper) }
            lower = upper
        }
        return parts
    }

    static let cores = max(1, min(8, sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// The hits left in `scratch`, best first, and in document order within a score: a
    /// stable counting sort (scores are at most `top`) of the parts' candidates, which are
    /// in document order part after part.
    func ranked(_ parts: [Range<Int>], _ scratch: Scratch, top: Int) -> [Hit] {
        func forEachHit(_ body: (Int, Int) -> Void) {
            for (k, part) in parts.enumerated() {
                for document in scratch.candidates[
                    part.lowerBound..<part.lowerBound + scratch.left[k]
                ].lazy.map(Int.init) {
                    body(document, Int(scratch.scores[document]) + (isFAQ[document] ? 5 : 0))
                }
            }
        }
        let count = scratch.left.reduce(0, +)
        guard count > 0 else { return [] }
        // By top - score: where the next such hit goes.
        var next = [Int](repeating: 0, count: top + 2)
        forEachHit { _, score in next[top - score + 1] += 1 }
        for n in 1..<next.count { next[n] += next[n - 1] }
        return [Hit](unsafeUninitializedCapacity: count) { out, initialized in
            forEachHit { document, score in
                out.initializeElement(
                    at: next[top - score], to: Hit(document: document, score: score))
                next[top - score] += 1
            }
            initialized = count
        }
    }
}
