import CardGuideCore
import CardGuideUI
import Foundation

/// Per-key work in process: `Update.key`, `View.render` and `GridDiff.runs`, exactly what the
/// run loop does for a key before the backend writes (the session save an effect asks for is
/// I/O, measured on its own).
enum KeyBench {
    /// A session of someone finding their way: home, a Chinese card's wizard with ticks, the
    /// overview, comparison tables, FAQ, a search typed in Chinese, the language switch, help,
    /// the safety rules, and a German card. Home is entered from its bottom ("G"), so the
    /// resume entries that appear once checklists exist do not change where the keys lead.
    static let script: [String] = [
        // Home > China
        "j", "j", "k", "k", "G", "k", "k", "k", "k", "enter",
        // the cards, then the first card's methods
        "j", "k", "enter", "j", "j", "k", "k", "enter",
        // the safety rules shown before a first wizard; Enter continues
        "j", "j", "k", "enter",
        // the wizard: next, ticks, previous, done, overview, paging
        "enter", "space", "j", "space", "k", "space", "enter", "enter", "b", "b", "d",
        "o", "j", "j", "k", "enter", "pgdn", "pgup", "n", "space",
        // back to the methods: compare, FAQ list and an answer
        "esc", "c", "tab", "tab", "j", "esc", "f", "j", "j", "j", "enter", "j", "j", "k", "esc",
        "esc",
        "esc", "esc",
        // search typed in Chinese, moved through, erased
        "/", "社", "保", "卡", "down", "down", "up", "bksp", "bksp", "bksp", "esc",
        // English and back, help, safety rules
        "L", "j", "k", "L", "?", "j", "j", "esc", "s", "j", "j", "esc",
        // Home > Germany > first card > first method
        "G", "k", "k", "k", "enter", "enter", "enter", "enter", "enter", "space", "j", "space",
        "enter",
        "esc", "esc", "esc",
    ]

    static var keys: [Key] { script.flatMap { KeyScript.keys($0) } }

    struct Result {
        var perKey = Sample()
        /// Each key of the script over all passes, for finding the slow ones.
        var byPosition: [Sample] = []
        var keys = 0
        var runs = 0
        var endedHome = 0
        var firstKeyMs = 0.0

        func json() -> [String: Any] {
            [
                "perKeyMs": perKey.summary(unit: "ms"), "keysPerPass": keys, "passes": runs,
                "passesEndingOnHome": endedHome,
            ]
        }
    }

    /// Runs the script `passes` times at `size`, timing each key.
    static func run(pack: ContentPack, size: Size, passes: Int, trace: Bool = false) -> Result {
        var result = Result()
        let keys = self.keys
        result.keys = keys.count
        result.byPosition = Array(repeating: Sample(), count: keys.count)
        var state = AppState(pack: pack, language: .zh, size: size)
        var clock = Date(timeIntervalSince1970: 1_800_000_000)
        var last: CellGrid? = View.render(state)
        var sink = 0
        for pass in 0..<passes {
            // Each pass starts on home; checklists and the search indexes built so far stay,
            // as in one long session.
            state.stack = [.home(ListState())]
            state.overlay = nil
            state.language = .zh
            for (position, key) in keys.enumerated() {
                clock += 1
                let start = nowNanos()
                let effects = Update.key(key, to: &state, now: clock)
                let frame = View.render(state)
                let runs = GridDiff.runs(from: last, to: frame)
                let end = nowNanos()
                sink &+= runs.count &+ effects.count
                last = frame
                result.perKey.add(milliseconds(start, end))
                result.byPosition[position].add(milliseconds(start, end))
                if trace && pass == 0 {
                    print(
                        "  \(key) -> \(state.screen.context) (\(runs.count) runs, \(format(milliseconds(start, end), 3)) ms)"
                    )
                }
            }
            if state.stack.count == 1 { result.endedHome += 1 }
            result.runs += 1
        }
        if sink == 42 { print("") } // keeps the work from being optimised away
        return result
    }

    /// The slowest keys of the script by their median over the passes, with what led to them.
    static func slowest(_ result: Result, count: Int) -> [String] {
        let keys = self.keys
        return result.byPosition.indices.sorted {
            result.byPosition[$0].median > result.byPosition[$1].median
        }.prefix(count).map { n in
            let before = keys[max(0, n - 3)..<n].map { "\($0)" }.joined(separator: " ")
            return
                "key \(n) \(keys[n]) (after \(before)): median \(format(result.byPosition[n].median, 3)) ms"
        }
    }
}
