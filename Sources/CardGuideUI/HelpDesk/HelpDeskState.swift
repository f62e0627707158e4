import CardGuideCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What kiosk and demo mode add to the app state.
public struct HelpDeskState: Equatable, Sendable {
    /// Kiosk mode: `q` does not quit, idling resets for the next visitor.
    public var kiosk: IdleClock?
    /// Seconds between demo keys, when `--demo` was given.
    public var demoStepSeconds: TimeInterval?
    /// The demo while it plays.
    public var demo: DemoPlayer?
    /// Letters typed after Ctrl-X: the staff's way out of kiosk mode ("exit" + Enter).
    var staffEntry: String?
    /// Seconds left before a kiosk reset, while the countdown shows.
    public var countdown: Int?
    /// The language a kiosk returns to for the next visitor.
    public var defaultLanguage: Language = .zh

    public init(kioskIdleSeconds: TimeInterval? = nil, demoStepSeconds: TimeInterval? = nil, now: Date = Date()) {
        kiosk = kioskIdleSeconds.map { IdleClock(idle: $0, lastInput: now) }
        self.demoStepSeconds = demoStepSeconds
    }

    public var isKiosk: Bool { kiosk != nil }

    /// The staff sequence that leaves kiosk mode; documented in the README only.
    public static let staffExitWord = "exit"
}
