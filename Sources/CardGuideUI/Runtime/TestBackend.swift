/// An in-memory terminal for tests and benchmarks: events are queued, frames are applied to
/// a grid exactly as a terminal would apply the runs, and the bytes a real terminal would
/// receive are estimated by counting the runs' characters.
public final class TestBackend: TerminalBackend {
    public private(set) var size: Size
    public private(set) var screen: CellGrid
    public private(set) var frames = 0
    public private(set) var cellsWritten = 0
    public private(set) var cursor: Position?
    private var events: [InputEvent]
    public private(set) var isShutDown = false

    public init(size: Size, events: [InputEvent] = []) {
        self.size = size
        self.screen = CellGrid(size: size)
        self.events = events
    }

    public func queue(_ event: InputEvent) {
        if case .resize(let newSize) = event { size = newSize }
        events.append(event)
    }

    public func nextEvent(timeoutMilliseconds: Int?) -> InputEvent? {
        events.isEmpty ? nil : events.removeFirst()
    }

    public func present(_ runs: [GridRun], fullRepaint: Bool, cursor: Position?) {
        if fullRepaint || screen.size != size { screen = CellGrid(size: size) }
        for run in runs {
            var column = run.column
            for cell in run.cells {
                screen.set(cell, row: run.row, column: column)
                column += 1
                cellsWritten += 1
            }
        }
        self.cursor = cursor
        frames += 1
    }

    public func shutdown() { isShutDown = true }
}

extension CellGrid {
    /// Sets one cell as a terminal would receive it (no wide-character bookkeeping).
    mutating func set(_ cell: Cell, row: Int, column: Int) {
        guard row >= 0, row < size.height, column >= 0, column < size.width else { return }
        setRaw(cell, at: row * size.width + column)
    }
}
