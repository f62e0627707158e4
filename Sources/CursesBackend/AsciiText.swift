import CardGuideCore

/// A cell's text for a terminal that is not UTF-8: ASCII as is, accented Latin letters as
/// their base letter (é -> e), anything else as one `?` per column, so the row keeps its width.
enum AsciiText {
    static func of(_ text: String) -> String {
        if text.allSatisfy(\.isASCII) { return text }
        var out = ""
        for character in text {
            if character.isASCII {
                out.append(character)
                continue
            }
            let folded = Folding.fold(character)
            if folded.count == 1, let base = folded.first, base.isASCII, base.isLetter {
                out += character.isUppercase ? base.uppercased() : String(base)
            } else {
                out += String(repeating: "?", count: max(1, DisplayWidth.of(character)))
            }
        }
        return out
    }
}
