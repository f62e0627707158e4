/// Rules every content string must follow, wherever it appears.
package enum TextRules {
    /// Addresses the source articles advertised (a Telegram SIM-card seller). Never shown.
    static let denied = ["t.me/", "t.me", "telegram.me", "telegram.org", "esim1088"]

    /// What makes a text a link.
    static let linkMarkers = ["http://", "https://", "www."]

    /// Punctuation that is one column wide in most terminals but two in terminals set to
    /// "ambiguous = wide" (common for Chinese users): content avoids it so screens line up everywhere.
    static let ambiguous: Set<Unicode.Scalar> = [
        "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2026}", "\u{2014}", "\u{2013}",
        "\u{00B7}",
        "\u{00D7}", "\u{00F7}", "\u{20AC}", "\u{00A7}", "\u{00B0}", "\u{2022}", "\u{2192}",
        "\u{2190}",
        "\u{2191}", "\u{2193}", "\u{2122}", "\u{00A9}", "\u{00AE}", "\u{00B1}", "\u{00B6}",
        "\u{203B}",
        "\u{2032}", "\u{2033}", "\u{2015}", "\u{2025}",
    ]

    static func deniedAddress(in text: String) -> String? {
        let lower = text.lowercased()
        return denied.first { entry in
            // "t.me" must stand as a host, not as the end of another one like "parlament.me/"
            // or "at.me": every occurrence is checked, since a later one may be the real address.
            // Only ASCII letters, digits and '-' make a host name: "请加t.me/…" is the address.
            guard entry.hasPrefix("t.me") else {
                return lower.utf8.firstRange(of: entry.utf8) != nil
            }
            var from = lower.startIndex
            while let range = lower[from...].firstRange(of: entry) {
                if range.lowerBound == lower.startIndex { return true }
                let before = lower[lower.index(before: range.lowerBound)]
                if !(before.isASCII && (before.isLetter || before.isNumber || before == "-")) {
                    return true
                }
                from = range.upperBound
            }
            return false
        }
    }

    /// IDs use only ASCII letters, digits, '-' and '_': they become file names and keys.
    static func isValidID(_ id: String) -> Bool { !id.isEmpty && id.utf8.allSatisfy(isIDByte) }

    package static func isIDByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
            || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
    }

    static func containsLink(_ text: String) -> Bool {
        let lower = text.lowercased()
        return linkMarkers.contains { lower.utf8.firstRange(of: $0.utf8) != nil }
    }

    static func ambiguousScalar(in text: String) -> Unicode.Scalar? {
        return text.unicodeScalars.first {
            ambiguousRange.contains($0.value) && ambiguous.contains($0)
        }
    }

    static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
