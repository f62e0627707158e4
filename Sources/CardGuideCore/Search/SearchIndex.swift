/// Incremental full-text search over the pack's FAQ, steps, cautions and cards in one
/// language. Texts are folded once when the index is built; each keystroke then scans
/// bytes, and a query that extends the previous one only rescans the previous hits.
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
        fileprivate var foldedTitle: [UInt8]
        fileprivate var foldedKeywords: [UInt8]
        fileprivate var foldedBody: [UInt8]
    }

    public struct Hit: Equatable, Sendable {
        public var document: Int
        public var score: Int
    }

    public let language: Language
    public private(set) var documents: [Document] = []

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
    }

    private mutating func add(_ target: Target, title: String, keywords: [String], body: String) {
        documents.append(Document(target: target, title: title, body: body,
                                  foldedTitle: Array(Folding.fold(title).utf8),
                                  foldedKeywords: Array(Folding.fold(keywords.joined(separator: "\n")).utf8),
                                  foldedBody: Array(Folding.fold(body).utf8)))
    }

    /// The query's folded terms (split at spaces): every term must match.
    public static func terms(_ query: String) -> [String] {
        Folding.fold(query).split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
    }

    /// Hits for `query`, best first. Pass the previous hits when the query only grew: the
    /// new hits are a subset of them.
    public func search(_ query: String, within previous: [Hit]? = nil) -> [Hit] {
        let terms = Self.terms(query).map { Array($0.utf8) }
        guard !terms.isEmpty else { return [] }
        var hits: [Hit] = []
        let candidates = previous.map { $0.map(\.document) } ?? Array(documents.indices)
        for index in candidates {
            if let score = score(documents[index], terms) { hits.append(Hit(document: index, score: score)) }
        }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }
        return hits
    }

    private func score(_ document: Document, _ terms: [[UInt8]]) -> Int? {
        var total = 0
        for term in terms {
            if let at = Self.find(term, in: document.foldedTitle) {
                total += 100 - min(at, 50)
            } else if Self.find(term, in: document.foldedKeywords) != nil {
                total += 40
            } else if Self.find(term, in: document.foldedBody) != nil {
                total += 10
            } else {
                return nil
            }
        }
        if case .faq = document.target { total += 5 }
        return total
    }

    /// Byte offset of `needle` in `haystack`. UTF-8 is self-synchronising, so a byte match of
    /// a whole UTF-8 needle is a character match.
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        let n = needle.count
        guard n > 0, n <= haystack.count else { return nil }
        return haystack.withUnsafeBufferPointer { hay -> Int? in
            needle.withUnsafeBufferPointer { ndl -> Int? in
                let first = ndl[0]
                var i = 0
                let last = hay.count - n
                while i <= last {
                    if hay[i] == first {
                        var j = 1
                        while j < n && hay[i + j] == ndl[j] { j += 1 }
                        if j == n { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }
}
