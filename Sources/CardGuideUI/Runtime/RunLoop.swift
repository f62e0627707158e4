import CardGuideCore
import Foundation

/// The loop: event → keymap → action → update → effects → render → diff → backend.
/// It blocks on input (no timer is pending), so an idle CardGuide uses no CPU.
public final class RunLoop {
    public typealias EffectHandler = (Effect, inout AppState) -> Void

    private let backend: TerminalBackend
    private let handle: EffectHandler
    private let clock: () -> Date
    public private(set) var state: AppState
    private var lastFrame: CellGrid?

    public init(backend: TerminalBackend, state: AppState, clock: @escaping () -> Date = Date.init,
                handle: @escaping EffectHandler) {
        self.backend = backend
        self.state = state
        self.clock = clock
        self.handle = handle
        self.state.size = backend.size
    }

    /// Runs until a quit effect or the end of input.
    public func run() {
        draw(full: true)
        while let event = backend.nextEvent(timeoutMilliseconds: nil) {
            if !process(event) { return }
        }
    }

    /// Applies one event; false when the app should stop.
    @discardableResult
    public func process(_ event: InputEvent) -> Bool {
        let action: Action?
        switch event {
        case .key(let key): action = Keymap.action(for: key, in: state)
        case .resize(let size): action = .resize(size)
        case .tick: action = nil
        }
        guard let action else { return true }
        let effects = Update.apply(action, to: &state, now: clock())
        for effect in effects {
            if effect == .quit { return false }
            handle(effect, &state)
        }
        if case .resize = action { draw(full: true) } else { draw(full: false) }
        return true
    }

    private func draw(full: Bool) {
        let frame = View.render(state)
        backend.present(GridDiff.runs(from: full ? nil : lastFrame, to: frame), fullRepaint: full, cursor: frame.cursor)
        lastFrame = frame
    }
}
