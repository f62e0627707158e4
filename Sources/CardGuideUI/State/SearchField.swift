import CardGuideCore

/// The search field's shell-like editing and the ranking by where the person is.
enum SearchField {
    /// Ctrl-W: the query without its last word (and the spaces after it). CJK text has no
    /// spaces, so a run of it counts as one word, as in a shell.
    static func deletingLastWord(_ query: String) -> String {
        var text = Substring(query)
        while text.last == " " { text.removeLast() }
        while let last = text.last, last != " " { text.removeLast() }
        return String(text)
    }

    /// The card of the screen the search at `stack[index]` was opened from: the nearest
    /// one below it (the top of the stack when `index` is nil).
    static func currentCard(_ state: AppState, searchAt index: Int? = nil) -> String? {
        for screen in state.stack[..<(index ?? state.stack.count - 1)].reversed() {
            switch screen {
            case .methods(let cardID, _), .overview(let cardID, _, _),
                .comparison(let cardID, _, _),
                .faqAnswer(let cardID, _, _), .cautions(let cardID, _):
                return cardID
            case .wizard(let wizard): return wizard.cardID
            case .faqList(let cardID?, _): return cardID
            default: continue
            }
        }
        return nil
    }

    /// The hits of the current card first, each group in the index's order.
    static func rankedByPlace(_ hits: [SearchIndex.Hit], index: SearchIndex, card: String?)
        -> [SearchIndex.Hit]
    {
        guard let card else { return hits }
        var here: [SearchIndex.Hit] = []
        var elsewhere: [SearchIndex.Hit] = []
        for hit in hits {
            if index.documents[hit.document].target.cardID == card {
                here.append(hit)
            } else {
                elsewhere.append(hit)
            }
        }
        return here + elsewhere
    }
}

extension SearchIndex.Target {
    /// The card a hit belongs to.
    var cardID: String {
        switch self {
        case .faq(let cardID, _), .caution(let cardID, _), .card(let cardID),
            .step(let cardID, _, _):
            return cardID
        }
    }
}
