#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A moment as calendar fields at a given offset from UTC, for file names and exports.
/// Computed here rather than with Calendar or DateFormatter, which would link ICU into the
/// program (see `Lock`); the Gregorian arithmetic is Howard Hinnant's days-to-civil.
public struct CivilTime: Equatable, Sendable {
    public var year: Int, month: Int, day: Int
    public var hour: Int, minute: Int, second: Int

    public init(_ date: Date, utcOffset: Int = 0) {
        let seconds = Int((date.timeIntervalSince1970).rounded(.down)) + utcOffset
        let days = Self.floorDiv(seconds, 86_400)
        let time = seconds - days * 86_400
        (hour, minute, second) = (time / 3600, time % 3600 / 60, time % 60)
        let z = days + 719_468
        let era = Self.floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// In the time zone the person set (TZ, /etc/localtime).
    public static func local(_ date: Date) -> CivilTime {
        CivilTime(date, utcOffset: TimeZone.current.secondsFromGMT(for: date))
    }

    /// 2026-12-03
    public var isoDay: String { "\(Self.pad(year, 4))-\(Self.pad(month))-\(Self.pad(day))" }
    /// 20261203-154500
    public var compactStamp: String { "\(Self.pad(year, 4))\(Self.pad(month))\(Self.pad(day))-\(compactTime)" }
    /// 20261203T154500 (ISO 8601 basic format, without a zone)
    public var isoBasic: String { "\(Self.pad(year, 4))\(Self.pad(month))\(Self.pad(day))T\(compactTime)" }

    private var compactTime: String { "\(Self.pad(hour))\(Self.pad(minute))\(Self.pad(second))" }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
