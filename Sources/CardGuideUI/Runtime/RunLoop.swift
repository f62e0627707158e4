import CardGuideCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The loop: event → keymap → action → update → effects → render → diff → backend.
/// An effect's outcome comes back as an action through update, as bubbletea's commands
/// return messages. It blocks on input (no timer is pending), so an idle CardGuide uses no CPU.
public final class RunLoop {
    /// Does an effect's I/O and says what came of it (nil: nothing to tell). It reads the
    /// state (the progress to save, the language), never changes it: `Update` does.
    public typealias EffectHandler = (Effect, AppState) -> Action?

    private let backend: TerminalBackend
    private let handle: EffectHandler
    private let clock: () -> Date
    public private(set) var state: AppState
    private var lastFrame: CellGrid?

    public init(
        backend: TerminalBackend, state: AppState, clock: @escaping () -> Date,
        handle: @escaping EffectHandler
    ) {
        self.backend = backend
        self.state = state
        self.clock = clock
        self.handle = handle
        self.state.size = backend.size
    }

    /// Runs until a quit effect or the end of input. Waits for a key with no timeout unless
    /// the demo or a kiosk countdown needs to wake up.
    public func run() {
        draw(full: true)
        // Input that is already waiting (a paste) is applied before the frame is drawn: after
        // a change the loop only takes what is there (timeout 0), and draws once none is.
        var changed = false
        var resized = false
        while true {
            let now = clock()
            let wake = Update.nextWake(state, now: now)
            let timeout = changed ? 0 : Self.milliseconds(until: wake, from: now)
            guard let event = backend.nextEvent(timeoutMilliseconds: timeout) else { return }
            if changed, case .tick = event {
                draw(full: resized)
                changed = false
                resized = false
                continue
            }
            if !apply(event) { return }
            if case .resize = event { resized = true }
            changed = true
        }
    }

    /// How long to wait for input: until `date` (rounded up), or forever when nil.
    private static func milliseconds(until date: Date?, from now: Date) -> Int? {
        date.map { max(0, Int(($0.timeIntervalSince(now) * 1000).rounded(.up))) }
    }

    /// Applies one event and draws; false when the app should stop.
    @discardableResult
    public func process(_ event: InputEvent) -> Bool {
        guard apply(event) else { return false }
        if case .resize = event { draw(full: true) } else { draw(full: false) }
        return true
    }

    private func apply(_ event: InputEvent) -> Bool {
        let now = clock()
        let effects: [Effect]
        switch event {
        case .key(let key): effects = Update.key(key, to: &state, now: now)
        case .mouse(let event): effects = Update.mouse(event, to: &state, now: now)
        case .resize(let size): effects = Update.apply(.resize(size), to: &state, now: now)
        case .tick: effects = Update.timer(&state, now: now)
        }
        return Self.perform(effects, on: &state, now: now, handle: handle) != nil
    }

    /// Runs effects in order, each outcome through `Update.apply`; the effects an outcome asks
    /// for run after those already waiting. Returns every effect run, or nil at `.quit`.
    @discardableResult
    public static func perform(
        _ effects: [Effect], on state: inout AppState, now: Date, handle: EffectHandler
    ) -> [Effect]? {
        var queue = effects
        var next = 0
        while next < queue.count {
            let effect = queue[next]
            next += 1
            if effect == .quit { return nil }
            if let outcome = handle(effect, state) {
                queue += Update.apply(outcome, to: &state, now: now)
            }
        }
        return queue
    }

    private func draw(full: Bool) {
        let frame = View.render(state)
        backend.present(
            GridDiff.runs(from: full ? nil : lastFrame, to: frame), fullRepaint: full,
            cursor: frame.cursor)
        lastFrame = frame
    }
}
