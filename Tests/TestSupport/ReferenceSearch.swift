import CardGuideCore

/// The search as specified, written plainly: every document, every term, substring
/// search of folded texts, sorted by score then document. Slow; the oracle the search tests
/// and the benchmark check `SearchIndex` against. Documents are in the index's order.
public struct ReferenceSearch {
    private var texts: [(title: [UInt8], keywords: [UInt8], body: [UInt8], faq: Bool)] = []

    public init(pack: ContentPack, language l: Language) {
        func add(_ title: String, _ keywords: [String], _ body: String, faq: Bool = false) {
            texts.append(
                (
                    Array(Folding.fold(title).utf8),
                    Array(Folding.fold(keywords.joined(separator: "\n")).utf8),
                    Array(Folding.fold(body).utf8), faq
                ))
        }
        for card in pack.cards {
            add(card.name[l], [card.summary[l]], card.activation[l])
            for faq in card.faq { add(faq.question[l], faq.keywords(l), faq.answer[l], faq: true) }
            for method in card.methods {
                for step in method.steps {
                    add(step.title[l], step.bring.map { $0.name[l] }, step.body[l])
                }
            }
            for caution in card.cautions { add(caution.title[l], [], caution.body[l]) }
        }
    }

    private static func find(_ needle: [UInt8], _ hay: [UInt8]) -> Int? {
        guard !needle.isEmpty, needle.count <= hay.count else { return nil }
        return (0...(hay.count - needle.count)).first {
            hay[$0..<$0 + needle.count].elementsEqual(needle)
        }
    }

    public func search(_ query: String) -> [(document: Int, score: Int)] {
        let terms = SearchIndex.terms(query).map { Array($0.utf8) }
        guard !terms.isEmpty else { return [] }
        var hits: [(document: Int, score: Int)] = []
        for (n, text) in texts.enumerated() {
            var total = 0
            var matched = true
            for term in terms {
                if let at = Self.find(term, text.title) {
                    total += 100 - min(at, 50)
                } else if Self.find(term, text.keywords) != nil {
                    total += 40
                } else if Self.find(term, text.body) != nil {
                    total += 10
                } else {
                    matched = false
                    break
                }
            }
            if matched { hits.append((n, total + (text.faq ? 5 : 0))) }
        }
        return hits.sorted {
            $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document
        }
    }
}
