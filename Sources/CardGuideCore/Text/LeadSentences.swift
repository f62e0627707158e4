/// The first sentences of a text: what a printed sheet keeps of a step's instruction.
public enum LeadSentences {
    /// At most `count` sentences of the first paragraph, and only as many as fit in
    /// `maxColumns` (the first always comes whole). When what is kept ends in a colon, it
    /// announces the list below it: the list's first items follow, joined by semicolons, as
    /// far as they fit, so the instruction never stops at "report it:".
    public static func of(_ text: String, count: Int = 2, maxColumns: Int = 160) -> String {
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: true).map(
            String.init)
        var result = ""
        var taken = 0
        for sentence in sentences(paragraphs.first ?? "") where taken < count {
            if taken > 0, DisplayWidth.of(result + sentence) > maxColumns { break }
            result += sentence
            taken += 1
        }
        result = result.trimmingSpaces()
        guard let colon = result.last, colon == ":" || colon == "：" else { return result }
        let chinese = colon == "："
        var items = 0
        for item in paragraphs.dropFirst() where item.hasPrefix("- ") {
            var text = String(item.dropFirst(2)).trimmingSpaces()
            if let end = text.last, ".;。；".contains(end) { text.removeLast() }
            let joined =
                result + (items == 0 ? (chinese ? "" : " ") : (chinese ? "；" : "; ")) + text
            if items > 0, DisplayWidth.of(joined) > maxColumns { break }
            result = joined
            items += 1
        }
        return items > 0 ? result + (chinese ? "。" : ".") : result
    }

    /// Sentences with their closing mark and the space after it. Chinese marks end a sentence
    /// where they stand; Latin ones only before a space, so "3.5" and "e.g." mid-word stay.
    static func sentences(_ paragraph: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        // The mark that may have ended the sentence, until the next character says.
        var mark: Character?
        for character in paragraph {
            if let ended = mark {
                if "」』）)\"”’".contains(character) {
                    // A closing quote or bracket belongs to the sentence it closes: 「…吗？」
                    current.append(character)
                    continue
                }
                if character == " " || "。！？".contains(ended) {
                    if character == " " { current.append(character) }
                    sentences.append(current)
                    current = ""
                    mark = nil
                    if character == " " { continue }
                }
                mark = nil
            }
            current.append(character)
            if ".!?。！？".contains(character) { mark = character }
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }
}

extension String {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
