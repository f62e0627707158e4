import CardGuideUI
import CursesBackend
import Foundation

/// What the probe scenarios draw and read.
struct Probe {
    let terminal: CursesTerminal
    let directory: String

    /// Shows `lines` from the top (full repaint) and returns the grid.
    @discardableResult
    func show(_ lines: [String], previous: CellGrid? = nil, roles: [Role] = []) -> CellGrid {
        var grid = CellGrid(size: terminal.size)
        for (row, line) in lines.enumerated() {
            grid.write(line, row: row, column: 0, role: row < roles.count ? roles[row] : .normal)
        }
        terminal.present(
            GridDiff.runs(from: previous, to: grid), fullRepaint: previous == nil, cursor: nil)
        return grid
    }

    func record(_ name: String, _ text: String) {
        try? text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }

    static func describe(_ event: InputEvent?) -> String {
        switch event {
        case nil: return "end"
        case .tick: return "tick"
        case .resize(let size): return "resize:\(size.width)x\(size.height)"
        case .key(.char(let c)): return "char:\(c)"
        case .key(.ctrl(let c)): return "ctrl:\(c)"
        case .key(let key): return key.label
        case .mouse(let event): return "mouse:\(event.kind):\(event.row),\(event.column)"
        }
    }

    /// Every event is listed on screen and in the file `events`, until `q`.
    func keys() {
        var events: [String] = []
        show(["PROBE keys READY"])
        while true {
            let event = terminal.nextEvent(timeoutMilliseconds: nil)
            events.append(Self.describe(event))
            record("events", events.joined(separator: "\n"))
            show(["PROBE keys READY", "EVENTS \(events.count) \(events.last!) ."])
            if event == nil || event == .key(.char("q")) { return }
        }
    }

    /// Mixed-width text, then a diff that puts narrow over wide and wide over narrow.
    /// The expected rows go to `expected-1` and `expected-2`.
    func draw() {
        let size = terminal.size
        var first = CellGrid(size: size)
        let lines1 = [
            "STAGE 1",
            "社会保障卡（实体卡）激活 — 到银行网点",
            "ＡＢＣ全角，半角ABC；e\u{301}té Krankenkasse",
            "中a文b字c",
            "emoji 🙂 ok ✅ done",
            "tab\there",
        ]
        for (row, line) in lines1.enumerated() { first.write(line, row: row, column: 0) }
        first.write("SEL", row: 7, column: 2, role: .selected)
        first.write("Z", row: size.height - 1, column: size.width - 1)
        first.write("中", row: size.height - 1, column: size.width - 3)
        record("expected-1", first.text) // before the screen shows it: the test reads it then
        terminal.present(GridDiff.runs(from: nil, to: first), fullRepaint: true, cursor: nil)
        _ = terminal.nextEvent(timeoutMilliseconds: nil)

        var second = first
        second.write("STAGE 2", row: 0, column: 0)
        second.write("abcdefgh", row: 3, column: 1) // narrow over wide
        second.write("宽字", row: 1, column: 2) // wide over wide
        second.write("错位", row: 2, column: 3) // wide over the right half of wide
        second.write("窄", row: 5, column: 1) // wide over narrow
        second.write("x", row: 4, column: 7) // narrow over the emoji's right half
        record("expected-2", second.text)
        terminal.present(GridDiff.runs(from: first, to: second), fullRepaint: false, cursor: nil)
        _ = terminal.nextEvent(timeoutMilliseconds: nil)
    }

    /// Redraws at every resize with the size in the first row and corners marked. After each
    /// frame it is busy for a moment before reading again, so a resize that comes in between
    /// (a classic lost-resize race) is part of the test.
    func resize() {
        func frame() {
            let size = terminal.size
            var grid = CellGrid(size: size)
            grid.write("SIZE \(size.width)x\(size.height)", row: 0, column: 0)
            grid.write("#", row: size.height - 1, column: 0)
            grid.write("#", row: size.height - 1, column: size.width - 1)
            grid.write("终", row: size.height - 1, column: size.width - 3)
            terminal.present(GridDiff.runs(from: nil, to: grid), fullRepaint: true, cursor: nil)
            usleep(150_000)
        }
        frame()
        while let event = terminal.nextEvent(timeoutMilliseconds: nil) {
            if case .resize(let size) = event {
                record("last-resize", "\(size.width)x\(size.height)")
                frame()
            }
            if event == .key(.char("q")) { return }
        }
    }

    /// A timeout gives `.tick` after about the time asked for.
    func tick() {
        show(["PROBE tick READY"])
        let start = Date()
        let event = terminal.nextEvent(timeoutMilliseconds: 150)
        let elapsed = Int(Date().timeIntervalSince(start) * 1000)
        record("tick", "\(Self.describe(event)) \(elapsed)")
        show(["PROBE tick DONE"])
        while let event = terminal.nextEvent(timeoutMilliseconds: nil), event != .key(.char("q")) {}
    }

    /// Plain mode: the real cursor is shown where `present` parks it, hidden for nil.
    func plainCursor() {
        var grid = CellGrid(size: terminal.size)
        grid.write("PLAIN cursor at 3,5", row: 0, column: 0)
        terminal.present(
            GridDiff.runs(from: nil, to: grid), fullRepaint: true,
            cursor: Position(row: 3, column: 5))
        _ = terminal.nextEvent(timeoutMilliseconds: nil)
        var next = grid
        next.write("PLAIN cursor hidden", row: 0, column: 0)
        terminal.present(GridDiff.runs(from: grid, to: next), fullRepaint: false, cursor: nil)
        while let event = terminal.nextEvent(timeoutMilliseconds: nil), event != .key(.char("q")) {}
    }

    /// A Swift runtime trap (SIGILL) while the screen is up.
    func crash() {
        show(["PROBE crash READY"])
        _ = terminal.nextEvent(timeoutMilliseconds: nil)
        fatalError("probe crash on purpose")
    }

    /// Waits for keys until `q` (signals are sent from outside).
    func wait() {
        show(["PROBE wait READY"])
        while let event = terminal.nextEvent(timeoutMilliseconds: nil), event != .key(.char("q")) {}
    }
}
