/// How many terminal columns text takes: the one width function every screen uses.
///
/// It follows glibc's `wcwidth` (which ncurses and tmux use here) without depending on the
/// process locale: East Asian Wide and Fullwidth characters take two columns, combining
/// marks and format characters none, controls and unassigned code points are unprintable.
/// A test compares it with the C library over every code point.
public enum DisplayWidth {
    /// Columns for one scalar: 0, 1 or 2, or -1 for a scalar a terminal cannot print.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : (value == 0 ? 0 : -1) }
        if value < 0xA0 { return -1 }
        if value == 0xAD { return 1 } // soft hyphen: glibc shows it
        // CJK Unified Ideographs, all assigned by glibc's Unicode 14 and wide: most of the
        // pack's Chinese, measured without the two table searches below.
        if value >= 0x4E00 && value <= 0x9FFF { return 2 }
        // The C library's Unicode (14 in glibc 2.36) is older than Swift's: what it has not
        // assigned yet is unprintable to ncurses and tmux, whatever Swift's tables say.
        if value >= 0x88F, contains(unprintableRanges, value) { return -1 }
        if value >= 0x1100, contains(wideRanges, value) { return 2 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        case .format: return isPrependedConcatenationMark(value) ? 1 : 0
        case .privateUse: return 1
        case .unassigned, .surrogate, .control, .lineSeparator, .paragraphSeparator: return -1
        default: break
        }
        // Hangul medial vowels and final consonants join the syllable before them; U+1171E
        // (Ahom medial ra) was a nonspacing mark in Unicode 14.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value)
            || value == 0x1171E
        {
            return 0
        }
        return 1
    }

    /// Format characters that glibc shows as one column (Arabic number signs and the like).
    static func isPrependedConcatenationMark(_ value: UInt32) -> Bool {
        (0x600...0x605).contains(value) || value == 0x6DD || value == 0x70F
            || (0x890...0x891).contains(value)
            || value == 0x8E2 || value == 0x110BD || value == 0x110CD
    }

    /// Columns for a string, counting unprintable scalars as the `?` that `sanitize` puts there.
    public static func of(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            let width = of(scalar)
            total += width < 0 ? 1 : width
        }
        return total
    }

    /// Columns for one Character (a grapheme cluster).
    public static func of(_ character: Character) -> Int {
        var total = 0
        for scalar in character.unicodeScalars {
            let width = of(scalar)
            total += width < 0 ? 1 : width
        }
        return total
    }

    /// Text made safe to measure and draw: zero-width joiners and format characters dropped,
    /// unprintable scalars replaced by `?`, no zero-width scalar at the start. After this,
    /// Swift, ncurses and the terminal agree on every column.
    public static func sanitize(_ text: String) -> String {
        if isPlain(text) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .format { continue }
            let width = of(scalar)
            if width < 0 {
                out.append("?")
            } else if width == 0 && out.isEmpty {
                continue
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True when `sanitize` would change nothing: every scalar is printable ASCII, or CJK
    /// (U+3001 to U+9FFF) or a full-width form with a positive width. These ranges hold no
    /// format character, and their width comes from the tables without the general category
    /// (the costly lookup): most of the pack's text takes this path, on every frame.
    static func isPlain(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x20 && v < 0x7F { continue }
            if ((0x3001...0x9FFF).contains(v) || (0xFF01...0xFF5E).contains(v)) && of(scalar) > 0 {
                continue
            }
            return false
        }
        return true
    }

    static func isWide(_ v: UInt32) -> Bool { v >= 0x1100 && contains(wideRanges, v) }

    static func contains(_ ranges: [ClosedRange<UInt32>], _ v: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = ranges[mid]
            if v < range.lowerBound {
                high = mid - 1
            } else if v > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    // The tables below are glibc 2.36's wcwidth in a UTF-8 locale (what ncurses and tmux
    // use here), checked over every code point by BackendTests.WidthAgreementTests.

    /// Two columns: East Asian Wide and Fullwidth, minus the combining marks among them.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
        0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x2FF0...0x2FFB, 0x3000...0x3029,
        0x302E...0x303E, 0x3041...0x3096, 0x309B...0x30FF, 0x3105...0x312F, 0x3131...0x318E,
        0x3190...0x31E3, 0x31F0...0x321E, 0x3220...0xA48C, 0xA490...0xA4C6, 0xA960...0xA97C,
        0xAC00...0xD7A3, 0xF900...0xFA6D, 0xFA70...0xFAD9, 0xFE10...0xFE19, 0xFE30...0xFE52,
        0xFE54...0xFE66, 0xFE68...0xFE6B, 0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE3,
        0x16FF0...0x16FF1, 0x17000...0x187F7, 0x18800...0x18CD5, 0x18D00...0x18D08,
        0x1AFF0...0x1AFF3, 0x1AFF5...0x1AFFB, 0x1AFFD...0x1AFFE, 0x1B000...0x1B122,
        0x1B150...0x1B152, 0x1B164...0x1B167, 0x1B170...0x1B2FB, 0x1F004...0x1F004,
        0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202,
        0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
        0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393,
        0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4,
        0x1F3F8...0x1F43E, 0x1F440...0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D,
        0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A, 0x1F595...0x1F596,
        0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC,
        0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DD...0x1F6DF, 0x1F6EB...0x1F6EC,
        0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A,
        0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FA74, 0x1FA78...0x1FA7C,
        0x1FA80...0x1FA86, 0x1FA90...0x1FAAC, 0x1FAB0...0x1FABA, 0x1FAC0...0x1FAC5,
        0x1FAD0...0x1FAD9, 0x1FAE0...0x1FAE7, 0x1FAF0...0x1FAF6, 0x20000...0x2A6DF,
        0x2A700...0x2B738, 0x2B740...0x2B81D, 0x2B820...0x2CEA1, 0x2CEB0...0x2EBE0,
        0x2F800...0x2FA1D, 0x30000...0x3134A,
    ]

    /// Unprintable (-1) although Swift's Unicode data assigns them: code points newer than
    /// the C library's Unicode. Gaps that are unassigned for both are folded in.
    static let unprintableRanges: [ClosedRange<UInt32>] = [
        0x88F...0x88F, 0x897...0x897, 0xC5C...0xC5C, 0xCDC...0xCDC, 0xCF3...0xCFF, 0xECE...0xECF,
        0x1ACF...0x1AFF, 0x1B4E...0x1B4F, 0x1B7F...0x1B7F, 0x1C89...0x1C8F, 0x20C1...0x20CF,
        0x2427...0x243F, 0x2B96...0x2B96, 0x2FFC...0x2FFF, 0x31E4...0x31EF, 0xA7CB...0xA7CF,
        0xA7D2...0xA7D2, 0xA7D4...0xA7D4, 0xA7DA...0xA7F1, 0xFBC3...0xFBD2, 0xFD90...0xFD91,
        0xFDC8...0xFDCE, 0x105C0...0x105FF, 0x10940...0x1097F, 0x10D40...0x10E5F, 0x10EC2...0x10EFF,
        0x1123F...0x1127F, 0x11380...0x113FF, 0x116D0...0x116FF, 0x11B00...0x11BFF,
        0x11DB0...0x11EDF, 0x11F00...0x11FAF, 0x1342F...0x1342F, 0x13439...0x143FF,
        0x16100...0x167FF, 0x16D40...0x16E3F, 0x16EA0...0x16EFF, 0x16FF2...0x16FFF,
        0x187F8...0x187FF, 0x18CFF...0x18CFF, 0x18D09...0x1AFEF, 0x1B132...0x1B14F,
        0x1B155...0x1B163, 0x1CC00...0x1CEFF, 0x1D2C0...0x1D2DF, 0x1DF25...0x1DFFF,
        0x1E030...0x1E0FF, 0x1E4D0...0x1E7DF, 0x1F6D8...0x1F6DC, 0x1F774...0x1F77F,
        0x1F7D9...0x1F7DF, 0x1F8B2...0x1F8FF, 0x1FA54...0x1FA5F, 0x1FA75...0x1FA77,
        0x1FA87...0x1FA8F, 0x1FAAD...0x1FAAF, 0x1FABB...0x1FABF, 0x1FAC6...0x1FACF,
        0x1FADA...0x1FADF, 0x1FAE8...0x1FAEF, 0x1FAF7...0x1FAFF, 0x1FBCB...0x1FBEF,
        0x1FBFA...0x1FFFF, 0x2B739...0x2B73F, 0x2CEA2...0x2CEAF, 0x2EBF0...0x2F7FF,
        0x31350...0xE0000,
    ]
}
