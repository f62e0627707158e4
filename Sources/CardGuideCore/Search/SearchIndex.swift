/// Incremental full-text search over the pack's FAQ, steps, cautions and cards in one
/// language. Texts are folded once when the index is built; each keystroke then scans
/// bytes, and a query that extends the previous one only rescans the previous hits.
///
/// Speed (50,000 FAQ entries are 20 to 25 MB of folded text per language): each field of
/// every document lies end to end in one buffer, so a search of many documents is one sweep
/// of memory, never a loop over 150,000 small arrays; a term is looked for sixteen bytes at
/// a time by its two rarest bytes (`firstMatch`), and a body only when the title and the
/// keywords miss; hits are ranked by a counting sort, since scores are small integers.
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

    /// One field of every document, folded, in one buffer: document d's text is
    /// `bytes[starts[d] ..< starts[d + 1] - 1]`, followed by a 0 byte that no term contains.
    struct Field: Sendable {
        var bytes: [UInt8] = []
        var starts: [Int] = [0]

        mutating func append(_ folded: String) {
            bytes.append(contentsOf: folded.utf8)
            bytes.append(0)
            starts.append(bytes.count)
        }

        func range(of document: Int) -> Range<Int> { starts[document]..<(starts[document + 1] - 1) }
    }

    public let language: Language
    public private(set) var documents: [Document] = []
    private var titles = Field()
    private var keywords = Field()
    private var bodies = Field()
    /// How often each byte value occurs in the folded text: a term is searched for by its rarest byte.
    private var byteCounts = [Int](repeating: 0, count: 256)

    public init(pack: ContentPack, language: Language) {
        self.language = language
        for card in pack.cards {
            add(.card(cardID: card.id), title: card.name[language], keywords: [card.summary[language]], body: card.activation[language])
            for faq in card.faq {
                add(.faq(cardID: card.id, faqID: faq.id), title: faq.question[language], keywords: faq.keywords(language), body: faq.answer[language])
            }
            for method in card.methods {
                for (index, step) in method.steps.enumerated() {
                    add(.step(cardID: card.id, methodID: method.id, stepIndex: index), title: step.title[language],
                        keywords: step.bring.map { $0.name[language] }, body: step.body[language])
                }
            }
            for caution in card.cautions {
                add(.caution(cardID: card.id, cautionID: caution.id), title: caution.title[language], keywords: [], body: caution.body[language])
            }
        }
        for field in [titles, keywords, bodies] {
            for byte in field.bytes { byteCounts[Int(byte)] += 1 }
        }
    }

    private mutating func add(_ target: Target, title: String, keywords: [String], body: String) {
        documents.append(Document(target: target, title: title, body: body))
        titles.append(Folding.fold(title))
        self.keywords.append(Folding.fold(keywords.joined(separator: "\n")))
        bodies.append(Folding.fold(body))
    }

    /// The query's folded terms (split at spaces): every term must match.
    public static func terms(_ query: String) -> [String] {
        Folding.fold(query).split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
    }

    /// A term's bytes and which of them to look for first: the rarest in the index, and
    /// the second rarest (the same one for a one-byte term).
    struct Needle {
        var bytes: [UInt8]
        var pivot: Int
        var second: Int
    }

    private func needle(_ term: String) -> Needle {
        let bytes = Array(term.utf8)
        let byRarity = bytes.indices.sorted { (byteCounts[Int(bytes[$0])], $0) < (byteCounts[Int(bytes[$1])], $1) }
        return Needle(bytes: bytes, pivot: byRarity.first ?? 0, second: byRarity.dropFirst().first ?? byRarity.first ?? 0)
    }

    /// Hits for `query`, best first. Pass the previous hits when the query only grew: the
    /// new hits are a subset of them.
    public func search(_ query: String, within previous: [Hit]? = nil) -> [Hit] {
        let needles = Self.terms(query).map(needle)
        guard !needles.isEmpty, !documents.isEmpty else { return [] }
        let count = documents.count
        // The candidates, in document order as a fresh search finds them.
        var alive = [Bool](repeating: previous == nil, count: count)
        for hit in previous ?? [] where alive.indices.contains(hit.document) { alive[hit.document] = true }
        var hits: [Hit] = []
        if let previous, previous.count * 8 < count {
            // Few candidates: each is looked at alone.
            for index in 0..<count where alive[index] {
                if let score = score(index, needles) { hits.append(Hit(document: index, score: score)) }
            }
            return Self.ranked(hits)
        }
        // Many (a first letter matches most documents): a field is swept end to end for all
        // of them at once, bodies only for documents whose title and keywords missed.
        var total = [Int](repeating: 0, count: count)
        for needle in needles {
            var term = [Int](repeating: 0, count: count)
            Self.sweep(needle, titles) { document, at in term[document] = 100 - min(at, 50) }
            Self.sweep(needle, keywords) { document, _ in if term[document] == 0 { term[document] = 40 } }
            let unmatched = (0..<count).filter { alive[$0] && term[$0] == 0 }
            if unmatched.count * 4 > count {
                Self.sweep(needle, bodies) { document, _ in if term[document] == 0 { term[document] = 10 } }
            } else {
                for index in unmatched where Self.find(needle, in: bodies, bodies.range(of: index)) != nil { term[index] = 10 }
            }
            for index in 0..<count {
                if term[index] == 0 { alive[index] = false } else { total[index] += term[index] }
            }
        }
        for index in 0..<count where alive[index] {
            hits.append(Hit(document: index, score: total[index] + faqBonus(index)))
        }
        return Self.ranked(hits)
    }

    private func faqBonus(_ index: Int) -> Int {
        if case .faq = documents[index].target { return 5 }
        return 0
    }

    private func score(_ index: Int, _ needles: [Needle]) -> Int? {
        var total = 0
        for needle in needles {
            if let at = Self.find(needle, in: titles, titles.range(of: index)) {
                total += 100 - min(at, 50)
            } else if Self.find(needle, in: keywords, keywords.range(of: index)) != nil {
                total += 40
            } else if Self.find(needle, in: bodies, bodies.range(of: index)) != nil {
                total += 10
            } else {
                return nil
            }
        }
        return total + faqBonus(index)
    }

    /// Best first, and in document order within a score: a stable counting sort of hits
    /// given in document order.
    static func ranked(_ hits: [Hit]) -> [Hit] {
        guard !hits.isEmpty else { return [] }
        var top = hits[0].score, bottom = hits[0].score
        for hit in hits {
            top = max(top, hit.score)
            bottom = min(bottom, hit.score)
        }
        var counts = [Int](repeating: 0, count: top - bottom + 2)
        for hit in hits { counts[top - hit.score + 1] += 1 }
        for n in 1..<counts.count { counts[n] += counts[n - 1] }
        var out = hits
        for hit in hits {
            out[counts[top - hit.score]] = hit
            counts[top - hit.score] += 1
        }
        return out
    }

    /// Offset of the first match of `needle` in `field.bytes[range]`, from the range's start.
    /// UTF-8 is self-synchronising, so a byte match of a whole UTF-8 needle is a character match.
    static func find(_ needle: Needle, in field: Field, _ range: Range<Int>) -> Int? {
        guard !needle.bytes.isEmpty, needle.bytes.count <= range.count else { return nil }
        return field.bytes.withUnsafeBufferPointer { hay in
            needle.bytes.withUnsafeBufferPointer { ndl in
                firstMatch(of: ndl, needle.pivot, needle.second, in: hay.baseAddress!, count: range.upperBound, from: range.lowerBound)
                    .map { $0 - range.lowerBound }
            }
        }
    }

    /// Calls `found(document, offset)` once for each document whose text in `field` holds
    /// `needle`, with the offset of the first match: one pass over the field's buffer.
    static func sweep(_ needle: Needle, _ field: Field, _ found: (Int, Int) -> Void) {
        let n = needle.bytes.count
        guard n > 0 else { return }
        field.bytes.withUnsafeBufferPointer { hay in
            needle.bytes.withUnsafeBufferPointer { ndl in
                guard let base = hay.baseAddress else { return }
                var document = 0
                var from = 0
                while let start = firstMatch(of: ndl, needle.pivot, needle.second, in: base, count: hay.count, from: from) {
                    while field.starts[document + 1] <= start { document += 1 }
                    let end = field.starts[document + 1] - 1
                    if start + n <= end {
                        found(document, start - field.starts[document])
                        // Only the first match of a document counts: go on with the next one.
                        from = end + 1
                    } else {
                        from = start + 1
                    }
                }
            }
        }
    }

    /// The first position at or after `from` where `needle` starts. Sixteen positions at a
    /// time are tested for two of the needle's bytes together, its rarest (at offset `p`)
    /// and second rarest (at `q`): such a pair is rare even when each byte is common, as
    /// letters and the lead bytes of Chinese characters are. Only those candidates are
    /// compared in full.
    static func firstMatch(of needle: UnsafeBufferPointer<UInt8>, _ p: Int, _ q: Int, in base: UnsafePointer<UInt8>,
                           count: Int, from: Int) -> Int? {
        let n = needle.count
        let raw = UnsafeRawPointer(base)
        let first = SIMD16<UInt8>(repeating: needle[p])
        let last = SIMD16<UInt8>(repeating: needle[q])
        func matches(_ start: Int) -> Bool {
            var j = 0
            while j < n && base[start + j] == needle[j] { j += 1 }
            return j == n
        }
        var i = from
        while i + n - 1 + 16 <= count {
            let heads = raw.loadUnaligned(fromByteOffset: i + p, as: SIMD16<UInt8>.self)
            let tails = raw.loadUnaligned(fromByteOffset: i + q, as: SIMD16<UInt8>.self)
            let candidates = (heads .== first) .& (tails .== last)
            if any(candidates) {
                for lane in 0..<16 where candidates[lane] && matches(i + lane) { return i + lane }
            }
            i += 16
        }
        while i + n <= count {
            if base[i + p] == needle[p] && matches(i) { return i }
            i += 1
        }
        return nil
    }
}
