import CardGuideCore

/// Both languages at once (`--bilingual`, key B), for a visitor and a clerk who read
/// different ones: each text in the visitor's language, the other language on the lines
/// beneath it, at the same indent and in the dim role, so the eye can skip it. Pages and
/// lists take `Localized` texts through these helpers; with the view off they draw exactly
/// what they drew before. Widths come from `TextLayout`, so CJK lines wrap at two columns a
/// character and stay aligned at any size.
extension AppState {
    /// The language shown beneath each text, nil when the bilingual view is off.
    var secondLanguage: Language? { display.bilingual ? language.other : nil }
}

extension Strings {
    /// One of the interface's words in both languages.
    static func both(_ pick: (Strings) -> String) -> Localized {
        Localized(zh: pick(Strings(.zh)), en: pick(Strings(.en)))
    }
}

extension PageBuilder {
    /// A page for `state`: its width, language and bilingual setting.
    init(_ state: AppState) {
        self.init(width: Layout(state.size).contentWidth)
        language = state.language
        second = state.secondLanguage
    }

    /// `text` in the visitor's language, then in the other one, dimmed, when bilingual. Texts
    /// of several paragraphs (a step's bullets) alternate paragraph by paragraph when both
    /// languages have as many, so each translation sits under what it translates.
    mutating func text(_ text: Localized, role: Role = .normal, indent: Int = 0) {
        guard let second, text[second] != text[language] else {
            self.text(text[language], role: role, indent: indent)
            return
        }
        let first = text[language].split(separator: "\n", omittingEmptySubsequences: false)
        let other = text[second].split(separator: "\n", omittingEmptySubsequences: false)
        let pairs =
            first.count == other.count
            ? Array(zip(first, other)) : [(text[language][...], text[second][...])]
        for (mine, theirs) in pairs {
            self.text(String(mine), role: role, indent: indent)
            self.text(String(theirs), role: .dim, indent: indent)
        }
    }

    /// A label and its value with a hanging indent; the other language as a second field.
    mutating func field(
        _ label: Localized, _ value: Localized, role: Role = .normal, indent: Int = 0
    ) {
        field(label[language], value[language], role: role, indent: indent)
        if let second, value[second] != value[language] {
            field(label[second], value[second], role: .dim, indent: indent)
        }
    }
}

extension ListRows {
    /// An item row, and beneath it, dimmed, the same item in the other language.
    mutating func item(
        _ index: Int, _ text: Localized, in state: AppState, role: Role = .normal, indent: Int = 0,
        trailing: String = ""
    ) {
        item(index, text[state.language], role: role, indent: indent, trailing: trailing)
        if let second = state.secondLanguage, text[second] != text[state.language] {
            item(index, text[second], role: .dim, indent: indent)
        }
    }

    mutating func heading(_ text: Localized, in state: AppState) {
        heading(text[state.language])
        if let second = state.secondLanguage {
            rows.append(Row(text: text[second], role: .dim, item: nil))
        }
    }

    /// A line that is not an item (the welcome, the activation note).
    mutating func note(_ text: Localized, in state: AppState, role: Role) {
        rows.append(Row(text: text[state.language], role: role, item: nil))
        if let second = state.secondLanguage {
            rows.append(Row(text: text[second], role: .dim, item: nil))
        }
    }
}

extension AppState {
    /// A key's hint, followed by the other language's when bilingual (help overlay).
    func hint(_ hint: Localized) -> String {
        guard let second = secondLanguage, hint[second] != hint[language] else {
            return hint[language]
        }
        return hint[language] + "  " + hint[second]
    }

    /// A search hit's title in `language`: the search index holds only the language searched.
    func title(of target: SearchIndex.Target, in language: Language) -> String? {
        switch target {
        case .faq(let cardID, let faqID):
            return pack.card(cardID)?.faq.first { $0.id == faqID }?.question[language]
        case .step(let cardID, let methodID, let stepIndex):
            let steps = pack.card(cardID)?.method(methodID)?.steps ?? []
            return steps.indices.contains(stepIndex) ? steps[stepIndex].title[language] : nil
        case .caution(let cardID, let cautionID):
            return pack.card(cardID)?.cautions.first { $0.id == cautionID }?.title[language]
        case .card(let cardID):
            return pack.card(cardID)?.name[language]
        }
    }
}
