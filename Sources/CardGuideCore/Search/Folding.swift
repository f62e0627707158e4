/// Folding for search: English and other Latin text matches case- and accent-insensitively
/// ("securite" finds "Sécurité"), full-width Latin matches its ASCII form, and Chinese is
/// matched as it is, by substring.
public enum Folding {
    /// The folded form of one Character; usually one Character, "ss" for "ß", "" for a lone mark.
    public static func fold(_ character: Character) -> String {
        if character.isASCII { return character.lowercased() }
        var out = ""
        for scalar in character.unicodeScalars {
            let v = scalar.value
            if (0xFF01...0xFF5E).contains(v), let ascii = Unicode.Scalar(v - 0xFEE0) {
                out += String(Character(ascii)).lowercased()
            } else if let base = latinBase[v] {
                out += base
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue // a combining accent of a decomposed letter
            } else {
                out += String(scalar).lowercased()
            }
        }
        return out
    }

    public static func fold(_ text: String) -> String {
        if let folded = foldSimple(text) { return folded }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text { out += fold(character) }
        return out
    }

    /// Text made only of ASCII, CJK ideographs, CJK punctuation and full-width forms (most
    /// of the pack) folds scalar by scalar, without splitting it into Characters: none of
    /// these scalars joins its neighbours into one Character (CR LF aside, which folds alike
    /// either way), so the result is the same. Anything else: nil, and the general path.
    static func foldSimple(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? UInt8(v) | 0x20 : UInt8(v))
            } else if (0xFF01...0xFF5E).contains(v) {
                let ascii = UInt8(v - 0xFEE0)
                out.append(ascii >= 0x41 && ascii <= 0x5A ? ascii | 0x20 : ascii)
            } else if (0x4E00...0x9FFF).contains(v) || (0x3000...0x3029).contains(v) {
                out.append(contentsOf: UTF8.encode(scalar)!)
            } else {
                return nil
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `matches` for text and terms of scalars that are each their own Character and fold to
    /// one scalar (ASCII but CR, full-width forms, CJK): Character offsets are then scalar
    /// offsets, and the search runs over scalar values instead of Characters (most titles,
    /// highlighted on every frame of the search screen). nil for anything else.
    static func simpleMatches(of terms: [String], in text: String) -> [Range<Int>]? {
        func simple(_ v: UInt32) -> Bool {
            (v < 0x80 && v != 0x0D) || (0xFF01...0xFF5E).contains(v)
                || (0x4E00...0x9FFF).contains(v) || (0x3000...0x3029).contains(v)
        }
        var folded: [UInt32] = []
        for scalar in text.unicodeScalars {
            let v = scalar.value
            guard simple(v) else { return nil }
            let ascii = (0xFF01...0xFF5E).contains(v) ? v - 0xFEE0 : v
            folded.append(ascii >= 0x41 && ascii <= 0x5A ? ascii | 0x20 : ascii)
        }
        var needles: [[UInt32]] = []
        for term in terms where !term.isEmpty {
            let needle = term.unicodeScalars.map(\.value)
            guard needle.allSatisfy(simple) else { return nil }
            needles.append(needle)
        }
        var ranges: [Range<Int>] = []
        for needle in needles where needle.count <= folded.count {
            var i = 0
            while i + needle.count <= folded.count {
                if folded[i] == needle[0] && folded[i..<i + needle.count].elementsEqual(needle) {
                    ranges.append(i..<(i + needle.count))
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Latin letters with diacritics → their base letters (Latin-1 and Latin Extended-A,
    /// which cover French and German).
    static let latinBase: [UInt32: String] = {
        let groups: [(String, String)] = [
            ("a", "àáâãäåāăąÀÁÂÃÄÅĀĂĄ"), ("c", "çćĉċčÇĆĈĊČ"), ("d", "ďđĎĐ"),
            ("e", "èéêëēĕėęěÈÉÊËĒĔĖĘĚ"),
            ("g", "ĝğġģĜĞĠĢ"), ("h", "ĥħĤĦ"), ("i", "ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ"), ("j", "ĵĴ"), ("k", "ķĶ"),
            ("l", "ĺļľŀłĹĻĽĿŁ"), ("n", "ñńņňÑŃŅŇ"), ("o", "òóôõöøōŏőÒÓÔÕÖØŌŎŐ"), ("r", "ŕŗřŔŖŘ"),
            ("s", "śŝşšŚŜŞŠ"), ("t", "ţťŧŢŤŦ"), ("u", "ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ"), ("w", "ŵŴ"),
            ("y", "ýÿŷÝŸŶ"), ("z", "źżžŹŻŽ"), ("ss", "ß"), ("ae", "æÆ"), ("oe", "œŒ"),
        ]
        var table: [UInt32: String] = [:]
        for (base, letters) in groups {
            for scalar in letters.unicodeScalars { table[scalar.value] = base }
        }
        return table
    }()

    /// Where the folded `terms` occur in `text`, as ranges of Character offsets, for highlighting.
    public static func matches(of terms: [String], in text: String) -> [Range<Int>] {
        if let ranges = simpleMatches(of: terms, in: text) { return ranges }
        let characters = Array(text)
        var folded: [Character] = []
        var owner: [Int] = [] // folded character -> index of the original character
        for (index, character) in characters.enumerated() {
            for f in fold(character) {
                folded.append(f)
                owner.append(index)
            }
        }
        var ranges: [Range<Int>] = []
        for term in terms where !term.isEmpty {
            let needle = Array(term)
            guard needle.count <= folded.count else { continue }
            var i = 0
            while i + needle.count <= folded.count {
                if folded[i] == needle[0] && Array(folded[i..<i + needle.count]) == needle {
                    ranges.append(owner[i]..<(owner[i + needle.count - 1] + 1))
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }
}
