#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Fitting text into columns: truncating to an exact width and wrapping paragraphs, with
/// CJK characters as their own break units and closing punctuation kept off a line's start.
public enum TextLayout {
    /// `text` cut or padded to exactly `width` columns. A cut shows `...` when there is room,
    /// and a wide character that would straddle the edge is replaced by a space.
    public static func fit(_ text: String, width: Int, ellipsis: Bool = true) -> String {
        guard width > 0 else { return "" }
        let clean = DisplayWidth.sanitize(text)
        let total = DisplayWidth.of(clean)
        if total <= width { return clean + String(repeating: " ", count: width - total) }
        let marker = ellipsis && width >= 6 ? "..." : ""
        let room = width - marker.count
        var out = ""
        var used = 0
        for character in clean {
            let w = DisplayWidth.of(character)
            if used + w > room { break }
            out.append(character)
            used += w
        }
        // Never leave a trailing space before the marker: "word ..." reads as two things.
        while marker.isEmpty == false, out.last == " " {
            out.removeLast()
            used -= 1
        }
        return out + marker + String(repeating: " ", count: width - used - marker.count)
    }

    /// `text` cut (never padded) to at most `width` columns.
    public static func truncate(_ text: String, width: Int, ellipsis: Bool = true) -> String {
        let clean = DisplayWidth.sanitize(text)
        // Most texts fit: fitting (sanitising again and padding) is only for those that do not.
        if DisplayWidth.of(clean) <= width { return clean }
        let fitted = fit(text, width: width, ellipsis: ellipsis)
        return String(fitted.reversed().drop { $0 == " " }.reversed())
    }

    /// Closing punctuation that may not start a line (kinsoku).
    static let noLineStart: Set<Character> = [
        "，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》", "】", "〉",
        ",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "〕", "～",
    ]
    /// Opening punctuation that may not end a line.
    static let noLineEnd: Set<Character> = ["（", "「", "『", "《", "【", "〈", "(", "[", "{", "〔"]

    /// Wraps `text` into lines of at most `width` columns. `\n` separates paragraphs; a line
    /// that starts with "- " is a bullet whose continuation lines are indented to match.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        return WrapCache.shared.lines(text, width: width) { wrapUncached(text, width: width) }
    }

    static func wrapUncached(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let paragraph = DisplayWidth.sanitize(String(raw))
            let hanging = paragraph.hasPrefix("- ") && width > 6 ? 2 : 0
            lines += wrapParagraph(paragraph, width: width, hanging: hanging)
        }
        return lines
    }

    private struct Token {
        var text: String
        var width: Int
        var isSpace: Bool
    }

    private static func isBreakableAlone(_ character: Character) -> Bool {
        // Wide characters (CJK) can break on either side; Latin letters form words.
        DisplayWidth.of(character) == 2
    }

    private static func tokens(_ paragraph: String) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        var pendingOpen = ""
        func flushWord() {
            if !word.isEmpty {
                tokens.append(Token(text: word, width: DisplayWidth.of(word), isSpace: false))
                word = ""
            }
        }
        for character in paragraph {
            if character == " " || character == "\t" {
                flushWord()
                if !pendingOpen.isEmpty {
                    word = pendingOpen
                    pendingOpen = ""
                    flushWord()
                }
                if tokens.last?.isSpace != true {
                    tokens.append(Token(text: " ", width: 1, isSpace: true))
                }
            } else if noLineStart.contains(character) {
                // Attach to what precedes it, so it never begins a line. A pending opening
                // mark comes first ("（）"), or the two would swap places.
                if !pendingOpen.isEmpty {
                    word += pendingOpen
                    pendingOpen = ""
                }
                if !word.isEmpty {
                    word.append(character)
                } else if let last = tokens.indices.last, !tokens[last].isSpace {
                    tokens[last].text.append(character)
                    tokens[last].width += DisplayWidth.of(character)
                } else {
                    word.append(character)
                }
            } else if noLineEnd.contains(character) {
                flushWord()
                pendingOpen.append(character)
            } else if isBreakableAlone(character) {
                flushWord()
                tokens.append(
                    Token(
                        text: pendingOpen + String(character),
                        width: DisplayWidth.of(pendingOpen) + 2, isSpace: false))
                pendingOpen = ""
            } else {
                if !pendingOpen.isEmpty {
                    word += pendingOpen
                    pendingOpen = ""
                }
                word.append(character)
            }
        }
        if !pendingOpen.isEmpty { word += pendingOpen }
        flushWord()
        return tokens
    }

    private static func wrapParagraph(_ paragraph: String, width: Int, hanging: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var used = 0
        var pendingSpace = false
        let indent = String(repeating: " ", count: hanging)
        func newLine() {
            lines.append(line)
            line = indent
            used = hanging
            pendingSpace = false
        }
        for token in tokens(paragraph) {
            if token.isSpace {
                if used > (lines.isEmpty ? 0 : hanging) { pendingSpace = true }
                continue
            }
            let gap = pendingSpace ? 1 : 0
            if used + gap + token.width <= width {
                if pendingSpace { line += " " }
                line += token.text
                used += gap + token.width
                pendingSpace = false
                continue
            }
            if used > (lines.isEmpty ? 0 : hanging) { newLine() }
            if used + token.width <= width {
                line += token.text
                used += token.width
                continue
            }
            // A word longer than the line ("（Krankenkasse），"): split it by characters, moving
            // to the next line what may not end this one (see `carry`).
            for character in token.text {
                let w = DisplayWidth.of(character)
                if used + w > width && used > hanging {
                    let carried = carry(
                        from: line, before: character, hanging: hanging, width: width)
                    line.removeLast(carried.count)
                    newLine()
                    line += carried
                    used += DisplayWidth.of(carried)
                }
                line.append(character)
                used += w
            }
        }
        lines.append(line)
        return lines
    }

    /// The end of a full `line` that moves to the next line when a word is split before `next`:
    /// opening marks, which may not end a line, and, when `next` is full-width closing
    /// punctuation, the closing marks before it with the character they belong to, so that the
    /// next line starts with a character. (ASCII marks inside a long word or an address split
    /// where they fall.) Nothing moves when it would empty the line or not fit the next one.
    static func carry(from line: String, before next: Character, hanging: Int, width: Int) -> String
    {
        let characters = Array(line)
        var start = characters.count
        if noLineStart.contains(next) && DisplayWidth.of(next) == 2 {
            while start > hanging, noLineStart.contains(characters[start - 1]) { start -= 1 }
            start -= 1
        }
        while start > hanging, noLineEnd.contains(characters[start - 1]) { start -= 1 }
        guard start > hanging, start < characters.count else { return "" }
        let carried = String(characters[start...])
        return hanging + DisplayWidth.of(carried) + DisplayWidth.of(next) <= width ? carried : ""
    }
}

/// Wrapping is the costliest part of drawing a frame, and the same texts are wrapped at the
/// same width again and again: a page's lines are counted by the update (to bound scrolling)
/// and again by the view, on every key. `wrap` is a pure function, so its results are kept
/// here, keyed by text and width. The cache is bounded (emptied when full) and locked, since
/// tests may draw from several threads.
final class WrapCache: @unchecked Sendable {
    static let shared = WrapCache()
    /// Entries kept before the cache starts over: a few widths of a whole content pack.
    static let capacity = 8192
    /// Longer texts are wrapped every time rather than kept.
    static let maxTextBytes = 16 * 1024

    /// Keyed by the text's bytes (see `ExactText`).
    private struct Key: Hashable {
        var text: ExactText
        var width: Int
    }

    private let memo = BoundedMemo<Key, [String]>(capacity: capacity)

    func lines(_ text: String, width: Int, wrap: () -> [String]) -> [String] {
        guard text.utf8.count <= Self.maxTextBytes else { return wrap() }
        return memo.value(Key(text: ExactText(text), width: width), wrap)
    }
}
