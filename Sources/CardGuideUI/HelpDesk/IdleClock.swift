#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Kiosk idling: after `idle` seconds without a key a countdown of `countdown` seconds is
/// shown, then the kiosk resets for the next visitor. Pure: it is given the time.
public struct IdleClock: Equatable, Sendable {
    public enum Phase: Equatable, Sendable {
        case active
        case countdown(secondsLeft: Int)
        case expired
    }

    public var idle: TimeInterval
    public var countdown: TimeInterval
    public var lastInput: Date

    public init(idle: TimeInterval, countdown: TimeInterval = 15, lastInput: Date) {
        self.idle = idle
        self.countdown = countdown
        self.lastInput = lastInput
    }

    public func phase(at now: Date) -> Phase {
        let elapsed = now.timeIntervalSince(lastInput)
        if elapsed < idle { return .active }
        if elapsed < idle + countdown {
            return .countdown(secondsLeft: Int((idle + countdown - elapsed).rounded(.up)))
        }
        return .expired
    }

    /// When the loop must wake up next: at the start of the countdown, then every second
    /// of it (to redraw the seconds), then at the reset.
    public func nextWake(after now: Date) -> Date {
        let elapsed = now.timeIntervalSince(lastInput)
        if elapsed < idle { return lastInput.addingTimeInterval(idle) }
        let end = idle + countdown
        if elapsed >= end { return now }
        let left = end - elapsed
        let fraction = left - left.rounded(.down)
        return now.addingTimeInterval(fraction > 0.001 ? fraction : 1)
    }
}
