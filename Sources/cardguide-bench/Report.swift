/// Plain text tables whose columns line up with CJK text in them.
struct Table {
    var title: String
    var header: [String]
    var rows: [[String]] = []
    var notes: [String] = []

    init(_ title: String, header: [String]) {
        self.title = title
        self.header = header
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// Columns in a terminal: 2 for CJK and full-width characters, 1 otherwise.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v)
            return total + (wide ? 2 : 1)
        }
    }

    func render() -> String {
        let columns = ([header] + rows).map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in [header] + rows {
            for (n, cell) in row.enumerated() { widths[n] = max(widths[n], Self.width(cell)) }
        }
        func line(_ row: [String]) -> String {
            var out = ""
            for (n, cell) in row.enumerated() {
                let pad = n == row.count - 1 ? 0 : widths[n] - Self.width(cell) + 2
                out += cell + String(repeating: " ", count: pad)
            }
            return out
        }
        var text = title + "\n"
        text += line(header) + "\n"
        text += widths.enumerated().map { n, w in String(repeating: "-", count: w) + (n == widths.count - 1 ? "" : "  ") }.joined() + "\n"
        for row in rows { text += line(row) + "\n" }
        for note in notes { text += note + "\n" }
        return text
    }
}

/// One target of the issue, with the figure it is checked against.
struct Target {
    var name: String
    var limit: String
    var figure: String
    var pass: Bool?

    var verdict: String {
        switch pass {
        case true?: return "pass"
        case false?: return "MISS"
        case nil: return "n/a"
        }
    }

    func json() -> [String: Any] {
        ["name": name, "target": limit, "figure": figure, "result": verdict]
    }
}
