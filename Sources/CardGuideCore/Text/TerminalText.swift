/// Scalars that can drive a terminal or hide what text says: C0 controls but line feed,
/// DEL, C1 controls (U+0080-U+009F, CSI among them), bidirectional overrides and isolates,
/// and zero-width characters. The validator rejects them in content; every output that is
/// not the guide's own screen (`list`, `export`, hand-outs, error messages) escapes them.
public enum TerminalText {
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x09, 0x0B...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069,
            0xFEFF:
            return true
        default: return false
        }
    }

    /// UTF-8 lead bytes of every unsafe scalar: other bytes need no decoding.
    static func mayStartUnsafe(_ byte: UInt8) -> Bool {
        byte < 0x20
            ? byte != 0x0A
            : byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE1
                || byte == 0xE2 || byte == 0xEF
    }

    /// Whether the scalar whose UTF-8 starts at `bytes[i]` (valid UTF-8) is unsafe.
    static func isUnsafe(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let lead = bytes[i]
        guard mayStartUnsafe(lead) else { return false }
        if lead < 0x80 { return true }
        let length = lead >= 0xE0 ? 3 : 2
        guard i + length <= bytes.count else { return false }
        var value = UInt32(lead) & (length == 3 ? 0x0F : 0x1F)
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return Unicode.Scalar(value).map(isUnsafe) ?? false
    }

    public static func firstUnsafe(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isUnsafe)
    }

    /// True when the UTF-8 text holds an unsafe scalar: one pass, most bytes one comparison.
    static func containsUnsafe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in 0..<bytes.count where mayStartUnsafe(bytes[i]) && isUnsafe(bytes, at: i) {
            return true
        }
        return false
    }

    /// `text` with each unsafe scalar written as `<U+202E>`; the text itself when it has none.
    public static func escaped(_ text: String) -> String {
        var text = text
        guard text.withUTF8(containsUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out.append(contentsOf: "<\(TextRules.hex(scalar))>".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
