/// Long web addresses on paper. A printed address is typed back by hand, so it is broken
/// only after a `/` (or `?`, `&`, `=` in a query), where the reader sees that it goes on, and
/// is cut inside a part only when one part alone is wider than the line.
public enum AddressWrap {
    public static func lines(_ address: String, width: Int) -> [String] {
        let width = max(1, width)
        guard address.count > width else { return [address] }
        var lines: [String] = []
        var line = ""
        for part in parts(address) {
            if line.count + part.count <= width {
                line += part
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = ""
            var rest = Substring(part)
            while rest.count > width {
                lines.append(String(rest.prefix(width)))
                rest = rest.dropFirst(width)
            }
            line = String(rest)
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// The address cut after each separator: "https://a.b/c?d=e" gives
    /// "https://", "a.b/", "c?", "d=", "e". The scheme's "//" stays whole.
    static func parts(_ address: String) -> [String] {
        var parts: [String] = []
        var current = ""
        for character in address {
            current.append(character)
            if "/?&=".contains(character), !current.hasSuffix(":/") {
                parts.append(current)
                current = ""
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }
}
