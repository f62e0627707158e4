/// A quick pre-check for `TextRules`: every text of a pack goes through the rules at every
/// start, and lowercasing each one and searching it took most of a load. Almost no text
/// holds an address, a control character or an ambiguous-width scalar, so one pass over the
/// UTF-8 bytes (`scan`) rules most of them out, and only the rest meet the full rules.
extension TextRules {
    struct Needles: Sendable {
        var needles: [[UInt8]]
        /// The byte search is exact only for ASCII needles; others always go to the full rules.
        var allASCII: Bool
        /// Each needle is looked for where its rarest byte occurs (the '.' of "t.me", the ':'
        /// of "http://"), not at its first letter: 't', 'e', 'h' and 'w' are among the most
        /// common bytes of English text, and starting there meant a compare at every few bytes.
        var anchors: [(needle: Int, offset: Int)]
        var anchorBytes: [UInt8]

        init(_ texts: [String]) {
            let needles = texts.map { Array($0.lowercased().utf8) }.filter { !$0.isEmpty }
            self.needles = needles
            allASCII = needles.allSatisfy { $0.allSatisfy { $0 < 0x80 } }
            let anchors = needles.indices.map { n in
                (
                    needle: n,
                    offset: needles[n].indices.min {
                        Self.rank(needles[n][$0]) < Self.rank(needles[n][$1])
                    }!
                )
            }
            self.anchors = anchors
            anchorBytes = anchors.map { needles[$0.needle][$0.offset] }
        }

        /// How common a (lowercase) byte is in the pack's text, roughly: lower is rarer.
        static func rank(_ byte: UInt8) -> Int {
            let letters = Array("zqxjkvbpygfwmucldrhsnioate".utf8)
            if let index = letters.firstIndex(of: byte) { return 10 + index }
            switch byte {
            case UInt8(ascii: " "): return 100
            case UInt8(ascii: "."), UInt8(ascii: ","): return 5
            default: return 0 // digits, other punctuation
            }
        }

        /// Whether a needle anchored by `lower` (the lowercase byte at `i`) is there.
        @inline(__always)
        func matches(_ bytes: UnsafeBufferPointer<UInt8>, anchoredAt i: Int, _ lower: UInt8) -> Bool
        {
            for (k, anchor) in anchors.enumerated() where anchorBytes[k] == lower {
                let needle = needles[anchor.needle]
                let start = i - anchor.offset
                guard start >= 0, start + needle.count <= bytes.count else { continue }
                var j = 0
                while j < needle.count && TextRules.asciiLower(bytes[start + j]) == needle[j] {
                    j += 1
                }
                if j == needle.count { return true }
            }
            return false
        }
    }

    static let deniedNeedles = Needles(denied)
    static let linkNeedles = Needles(linkMarkers)

    @inline(__always)
    static func asciiLower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The scalars of `ambiguous` lie in this range: others need no set lookup.
    static let ambiguousRange: ClosedRange<UInt32> = {
        let values = ambiguous.map(\.value)
        return (values.min() ?? 0)...(values.max() ?? 0)
    }()

    /// The UTF-8 lead bytes of the scalars in `ambiguousRange`.
    static let ambiguousLeadBytes: ClosedRange<UInt8> = {
        func lead(_ value: UInt32) -> UInt8 {
            Unicode.Scalar(value).map { UTF8.encode($0)!.first! } ?? 0
        }
        return lead(ambiguousRange.lowerBound)...lead(ambiguousRange.upperBound)
    }()

    /// What one pass over a text's bytes can rule out, for the checks every text of a pack
    /// meets at every start: a flag absent means that rule cannot apply.
    struct Findings: OptionSet {
        let rawValue: UInt8
        static let mayBeDenied = Findings(rawValue: 1)
        static let mayBeLink = Findings(rawValue: 2)
        static let mayHoldAmbiguous = Findings(rawValue: 4)
        static let control = Findings(rawValue: 8)
    }

    private static let anchorFlag: UInt8 = 1, controlFlag: UInt8 = 2, ambiguousFlag: UInt8 = 4,
        specialFlag: UInt8 = 8

    /// Per byte, what it may start: a needle anchor (either case), an unsafe scalar (see
    /// `TerminalText`: a control, bidi or zero-width character), the
    /// lead byte of an ambiguous-width scalar, or of U+0130 / U+212A.
    private static let byteFlags: [UInt8] = {
        var flags = [UInt8](repeating: 0, count: 256)
        for byte in deniedNeedles.anchorBytes + linkNeedles.anchorBytes {
            flags[Int(byte)] |= anchorFlag
            if byte >= 0x61 && byte <= 0x7A { flags[Int(byte - 0x20)] |= anchorFlag }
        }
        for byte in 0..<256 where TerminalText.mayStartUnsafe(UInt8(byte)) {
            flags[byte] |= controlFlag
        }
        for byte in ambiguousLeadBytes { flags[Int(byte)] |= ambiguousFlag }
        flags[0xC4] |= specialFlag
        flags[0xE2] |= specialFlag
        return flags
    }()

    /// All four pre-checks in one pass: most bytes cost one table lookup.
    static func scan(_ text: String) -> Findings {
        guard deniedNeedles.allASCII, linkNeedles.allASCII, ambiguousLeadBytes.lowerBound >= 0x80
        else {
            return [.mayBeDenied, .mayBeLink, .mayHoldAmbiguous, .control]
        }
        var text = text
        return text.withUTF8 { bytes in
            byteFlags.withUnsafeBufferPointer { table in
                var found: Findings = []
                for i in 0..<bytes.count {
                    let byte = bytes[i]
                    let flags = table[Int(byte)]
                    if flags == 0 { continue }
                    if flags & controlFlag != 0 && TerminalText.isUnsafe(bytes, at: i) {
                        found.insert(.control)
                    }
                    if flags & ambiguousFlag != 0 { found.insert(.mayHoldAmbiguous) }
                    if flags & specialFlag != 0 {
                        let count = bytes.count
                        if (byte == 0xC4 && i + 1 < count && bytes[i + 1] == 0xB0)
                            || (byte == 0xE2 && i + 2 < count && bytes[i + 1] == 0x84
                                && bytes[i + 2] == 0xAA)
                        {
                            found.formUnion([.mayBeDenied, .mayBeLink])
                        }
                    }
                    if flags & anchorFlag != 0 {
                        let lower = asciiLower(byte)
                        if deniedNeedles.matches(bytes, anchoredAt: i, lower) {
                            found.insert(.mayBeDenied)
                        }
                        if linkNeedles.matches(bytes, anchoredAt: i, lower) {
                            found.insert(.mayBeLink)
                        }
                    }
                }
                return found
            }
        }
    }
}
