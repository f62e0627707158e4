/// Writes a `JSONValue` as pretty-printed UTF-8: two-space indents, `"key" : value`, members in
/// the order given (callers sort them), `/` and non-ASCII text left as they are. It replaces
/// JSONEncoder for the session file: that one type linked most of Foundation's Codable and
/// date-formatting machinery into the program (half its size and a millisecond of start-up).
public enum JSONWriter {
    public static func pretty(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(value, indent: 0, into: &out)
        out.append(0x0A)
        return out
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .null: out += Array("null".utf8)
        case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
        case .number(let number): out += Array(text(of: number).utf8)
        case .string(let string): quote(string, into: &out)
        case .array(let items):
            container(items.count, open: 0x5B, close: 0x5D, indent: indent, into: &out) { n, out in
                write(items[n], indent: indent + 2, into: &out)
            }
        case .object(let members):
            container(members.count, open: 0x7B, close: 0x7D, indent: indent, into: &out) {
                n, out in
                quote(members[n].key, into: &out)
                out += [0x20, 0x3A, 0x20]
                write(members[n].value, indent: indent + 2, into: &out)
            }
        }
    }

    /// `[]` when empty, else one element per line, indented one level deeper.
    private static func container(
        _ count: Int, open: UInt8, close: UInt8, indent: Int, into out: inout [UInt8],
        element: (Int, inout [UInt8]) -> Void
    ) {
        out.append(open)
        guard count > 0 else { return out.append(close) }
        for n in 0..<count {
            out += n == 0 ? [0x0A] : [0x2C, 0x0A]
            out += repeatElement(0x20, count: indent + 2)
            element(n, &out)
        }
        out.append(0x0A)
        out += repeatElement(0x20, count: indent)
        out.append(close)
    }

    /// Whole numbers without a fraction (`1`, not `1.0`).
    private static func text(of number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return number.isFinite ? "\(number)" : "null"
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// RFC 8259 escapes: the quote, the backslash and control characters; nothing else.
    private static func quote(_ string: String, into out: inout [UInt8]) {
        out.append(0x22)
        for byte in string.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x08: out += [0x5C, 0x62]
            case 0x0C: out += [0x5C, 0x66]
            case ..<0x20:
                out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
