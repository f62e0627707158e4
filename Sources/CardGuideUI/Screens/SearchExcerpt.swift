import CardGuideCore

/// The line a hit shows when its title does not hold the query: the sentence with the first
/// match, as much of it as the row holds, so that it reads as text and not as a fragment.
extension SearchView {
    /// Sentence ends: a CJK one anywhere, a Latin one before a space (not "ameli.fr").
    private static let closers: Set<Character> = ["。", "！", "？", "；"]
    private static let latinClosers: Set<Character> = [".", "!", "?"]
    /// Punctuation that belongs to the word before it, and to the word after it.
    private static let trailing: Set<Character> = [",", ";", ":", ".", ")", "，", "、", "；", "："]
    private static let opening: Set<Character> = ["'", "\"", "(", "‘", "“", "（", "「"]

    /// At most `width` columns of `text` on one line, with the matches marked: from the start
    /// of the sentence holding the first match when the match then fits, else centred on the
    /// match after `...`; cut at the end with `...`, between words in Latin text (CJK text
    /// may break anywhere). nil when the text does not contain the query.
    static func excerpt(of text: String, terms: [String], width: Int) -> (
        text: String, highlights: [Range<Int>]
    )? {
        let matches = Folding.matches(of: terms, in: text)
        guard let first = matches.first, width > 0 else { return nil }
        // Nothing further than `width` characters from the match can show: measure no more.
        let chars = Array(text)
        let low = max(0, first.lowerBound - width)
        let high = min(chars.count, first.upperBound + width)
        var columns = [Int](repeating: 1, count: chars.count)
        for i in low..<high { columns[i] = DisplayWidth.of(chars[i]) }
        func span(_ from: Int, _ to: Int) -> Int { columns[from..<to].reduce(0, +) }
        let marker = "..."

        var sentence = sentenceStart(chars, before: first.lowerBound, from: low)
        // Sentences before it too while they fit with it: the room is there for context.
        if let found = sentence {
            let end = sentenceEnd(chars, after: first.upperBound, to: high)
            var previous = found
            while previous > 0 {
                while previous > 0, chars[previous - 1].isWhitespace { previous -= 1 }
                guard let earlier = sentenceStart(chars, before: previous - 1, from: low),
                    span(earlier, end) <= width
                else { break }
                sentence = earlier
                previous = earlier
            }
        }
        var start = sentence ?? first.lowerBound
        if sentence == nil || span(start, first.upperBound) + marker.count > width {
            // Centre the match, then move to the next word's start.
            var room = max(0, (width - span(first.lowerBound, first.upperBound)) / 2 - marker.count)
            start = first.lowerBound
            while start > low, columns[start - 1] <= room {
                room -= columns[start - 1]
                start -= 1
            }
            while start < first.lowerBound, isInWord(chars, start - 1), isInWord(chars, start) {
                start += 1
            }
            // Nor on the comma or space that ended the word before.
            while start < first.lowerBound,
                chars[start].isWhitespace || trailing.contains(chars[start])
            {
                start += 1
            }
        }
        let prefix = start == sentence || start == 0 ? "" : marker
        let budget = width - prefix.count
        var end = start
        while end < high, span(start, end + 1) <= budget { end += 1 }
        var suffix = ""
        if end < chars.count {
            suffix = marker
            while end > first.upperBound, span(start, end) + marker.count > budget { end -= 1 }
            while end > first.upperBound, isInWord(chars, end - 1), isInWord(chars, end) {
                end -= 1
            }
            // Nor on a space or an opening quote or bracket, whose text is cut away.
            while end > first.upperBound,
                chars[end - 1].isWhitespace || opening.contains(chars[end - 1])
            {
                end -= 1
            }
            // A cut right after a sentence reads as its end: "it." rather than "it....".
            if endsSentence(chars, end - 1) { suffix = "" }
        }
        let shift = prefix.count - start
        let highlights = matches.filter { $0.lowerBound >= start && $0.upperBound <= end }
            .map { ($0.lowerBound + shift)..<($0.upperBound + shift) }
        // A line break is one Character, as the space that replaces it: offsets stay valid.
        let shown = chars[start..<end].map { $0.isNewline ? " " : $0 }
        return (prefix + String(shown) + suffix, highlights)
    }

    /// Where the sentence holding `index` starts (after its break and the spaces after it),
    /// looking back no further than `from`; nil when no sentence break is that near.
    private static func sentenceStart(_ chars: [Character], before index: Int, from: Int)
        -> Int?
    {
        var i = index
        while i > from {
            if endsSentence(chars, i - 1) { break }
            i -= 1
        }
        guard i > 0 else { return 0 }
        guard i > from else { return nil }
        while i < index, chars[i].isWhitespace { i += 1 }
        return i
    }

    /// Where the sentence holding `index` ends (after its closer), or `to`.
    private static func sentenceEnd(_ chars: [Character], after index: Int, to: Int) -> Int {
        var i = index
        while i < to, !endsSentence(chars, i) { i += 1 }
        return min(to, i + 1)
    }

    /// Whether `chars[i]` closes a sentence: a line break, a CJK closer, or a Latin one
    /// before a space or the end.
    private static func endsSentence(_ chars: [Character], _ i: Int) -> Bool {
        let c = chars[i]
        return c.isNewline || closers.contains(c)
            || (latinClosers.contains(c) && (i + 1 == chars.count || chars[i + 1].isWhitespace))
    }

    /// A letter or digit of Latin text, where a cut would split a word; CJK characters and
    /// punctuation are not, a cut may fall beside them.
    private static func isInWord(_ chars: [Character], _ i: Int) -> Bool {
        guard i >= 0, i < chars.count else { return false }
        let c = chars[i]
        return (c.isLetter || c.isNumber) && c.unicodeScalars.allSatisfy { $0.value < 0x2E80 }
    }
}
