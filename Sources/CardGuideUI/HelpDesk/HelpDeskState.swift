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
    /// Letters typed after Ctrl-X: the staff's way out of kiosk mode (the word + Enter).
    var staffEntry: String?
    /// The word staff type after Ctrl-X to leave a kiosk, set by the desk (`--staff-exit` or
    /// a private file), never shown or published. nil: the kiosk cannot be left from the
    /// keyboard, only by a signal from outside.
    public var staffExitWord: String?
    /// Seconds left before a kiosk reset, while the countdown shows.
    public var countdown: Int?
    /// The language a kiosk returns to for the next visitor.
    public var defaultLanguage: Language = .zh
    /// Whether a kiosk shows both languages to the next visitor (`--bilingual`).
    public var defaultBilingual = false

    /// `kiosk` starts idling from the moment it is given (the program's start).
    public init(
        kiosk: IdleClock? = nil, demoStepSeconds: TimeInterval? = nil,
        staffExitWord: String? = nil
    ) {
        self.kiosk = kiosk
        self.demoStepSeconds = demoStepSeconds
        self.staffExitWord = staffExitWord
    }

    /// Longer entries are cut: a held key must not grow the entry without end.
    static let maximumStaffEntry = 64

    public var isKiosk: Bool { kiosk != nil }
}
