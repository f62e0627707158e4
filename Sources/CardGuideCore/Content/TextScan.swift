/// A quick pre-check for `TextRules`: every text of a pack goes through the rules, and
/// lowercasing each one and searching it with Foundation took most of a load (70 % of
/// `cardguide validate`). Almost no text holds an address, so one pass over the UTF-8 bytes
/// rules most of them out, and only the rest meet the full rules.
extension TextRules {
    struct Needles: Sendable {
        var needles: [[UInt8]]
        /// The byte search is exact only for ASCII needles; others always go to the full rules.
        var allASCII: Bool
        /// Bit n set when a needle starts with byte n (all are ASCII): most bytes are ruled out by one test.
        var firstBytes: (low: UInt64, high: UInt64) = (0, 0)

        init(_ texts: [String]) {
            needles = texts.map { Array($0.lowercased().utf8) }.filter { !$0.isEmpty }
            allASCII = needles.allSatisfy { $0.allSatisfy { $0 < 0x80 } }
            for needle in needles {
                let first = needle[0]
                if first < 64 { firstBytes.low |= 1 << UInt64(first) } else if first < 128 { firstBytes.high |= 1 << UInt64(first - 64) }
            }
        }

        @inline(__always)
        func mayStart(_ byte: UInt8) -> Bool {
            byte < 64 ? firstBytes.low & (1 << UInt64(byte)) != 0 : firstBytes.high & (1 << UInt64(byte &- 64)) != 0
        }
    }

    static let deniedNeedles = Needles(denied)
    static let linkNeedles = Needles(linkMarkers)

    /// False only when `text` cannot contain any of `needles` (lowercase ASCII) once
    /// lowercased: an ASCII case-insensitive search of its bytes. It never rules out a text
    /// the full rules would flag: ASCII letters are equivalent only to themselves, and the
    /// two non-ASCII scalars whose lowercase holds an ASCII letter, U+0130 and U+212A, send
    /// the text to the full rules.
    static func mayContain(_ text: String, anyOf needles: Needles) -> Bool {
        guard needles.allASCII else { return true }
        var text = text
        return text.withUTF8 { bytes -> Bool in
            let count = bytes.count
            var i = 0
            while i < count {
                let byte = bytes[i]
                if byte >= 0x80 {
                    if byte == 0xC4, i + 1 < count, bytes[i + 1] == 0xB0 { return true }  // U+0130
                    if byte == 0xE2, i + 2 < count, bytes[i + 1] == 0x84, bytes[i + 2] == 0xAA { return true }  // U+212A
                    i += 1
                    continue
                }
                let lower = asciiLower(byte)
                guard needles.mayStart(lower) else {
                    i += 1
                    continue
                }
                for needle in needles.needles where needle[0] == lower && i + needle.count <= count {
                    var j = 1
                    while j < needle.count && asciiLower(bytes[i + j]) == needle[j] { j += 1 }
                    if j == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    @inline(__always)
    private static func asciiLower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The scalars of `ambiguous` lie in this range: others need no set lookup.
    static let ambiguousRange: ClosedRange<UInt32> = {
        let values = ambiguous.map(\.value)
        return (values.min() ?? 0)...(values.max() ?? 0)
    }()

    /// The UTF-8 lead bytes of the scalars in `ambiguousRange`.
    static let ambiguousLeadBytes: ClosedRange<UInt8> = {
        func lead(_ value: UInt32) -> UInt8 { Unicode.Scalar(value).map { UTF8.encode($0)!.first! } ?? 0 }
        return lead(ambiguousRange.lowerBound)...lead(ambiguousRange.upperBound)
    }()

    /// False when no scalar of `text` is in `ambiguousRange`, judged by lead bytes alone.
    static func mayHoldAmbiguous(_ text: String) -> Bool {
        let leads = ambiguousLeadBytes
        if leads.lowerBound < 0x80 { return true }
        var text = text
        return text.withUTF8 { bytes in bytes.contains { leads.contains($0) } }
    }
}
