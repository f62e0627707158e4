/// A sample of measurements (milliseconds, bytes, KiB …) and its summary figures.
struct Sample {
    private(set) var values: [Double] = []

    init(_ values: [Double] = []) { self.values = values }

    mutating func add(_ value: Double) { values.append(value) }

    var count: Int { values.count }
    var isEmpty: Bool { values.isEmpty }
    private var sorted: [Double] { values.sorted() }

    var min: Double { values.min() ?? .nan }
    var max: Double { values.max() ?? .nan }
    var mean: Double { values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count) }

    var median: Double {
        let s = sorted
        guard !s.isEmpty else { return .nan }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// Nearest-rank percentile: the smallest value with at least `p` percent of the sample at or below it.
    func percentile(_ p: Double) -> Double {
        let s = sorted
        guard !s.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(s.count)).rounded(.up))
        return s[Swift.max(0, Swift.min(s.count - 1, rank - 1))]
    }

    /// The summary written to the JSON file.
    func summary(unit: String) -> [String: Any] {
        guard !values.isEmpty else { return ["count": 0, "unit": unit] }
        return [
            "unit": unit, "count": count, "median": median, "mean": mean, "min": min, "max": max,
            "p99": percentile(99),
        ]
    }
}

/// Milliseconds between two `nowNanos()` readings.
func milliseconds(_ start: UInt64, _ end: UInt64) -> Double { Double(end &- start) / 1_000_000 }

/// A number for the table: `digits` decimals, or "-" when missing.
func format(_ value: Double?, _ digits: Int = 2) -> String {
    guard let value, value.isFinite else { return "-" }
    var text = String(Double(Int((value * pow10(digits)).rounded())) / pow10(digits))
    // String(Double) drops trailing zeros: pad them back so columns line up.
    if digits > 0 {
        if !text.contains(".") { text += "." }
        let decimals =
            text.count - 1 - text.distance(from: text.startIndex, to: text.firstIndex(of: ".")!)
        text += String(repeating: "0", count: Swift.max(0, digits - decimals))
    } else if text.hasSuffix(".0") {
        text.removeLast(2)
    }
    return text
}

private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { value, _ in value * 10 } }
