import CardGuideCore
import Foundation

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

    /// Columns in a terminal, by the app's own rule (CJK text is two wide).
    static func width(_ text: String) -> Int { DisplayWidth.of(text) }

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
        text +=
            widths.enumerated().map { n, w in
                String(repeating: "-", count: w) + (n == widths.count - 1 ? "" : "  ")
            }.joined() + "\n"
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

/// What one run collects: every figure as JSON, the tables printed and the targets checked.
struct BenchReport {
    var json: [String: Any] = [:]
    var targets: [Target] = []
    var tables: [Table] = []

    /// Adds the targets as the last table and to the JSON.
    mutating func finish() {
        var table = Table("Targets", header: ["target", "limit", "figure", "result"])
        for target in targets {
            table.add([target.name, target.limit, target.figure, target.verdict])
        }
        tables.append(table)
        json["targets"] = targets.map { $0.json() }
    }

    func write(to path: String) {
        do {
            let data = try JSONSerialization.data(
                withJSONObject: json, options: [.prettyPrinted, .sortedKeys])
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: path))
            print("figures written to \(path)")
        } catch {
            Bench.log("cardguide-bench: cannot write \(path): \(error)")
            exit(1)
        }
    }
}
