#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A moment as calendar fields at a given offset from UTC, for file names and exports.
/// The C library's `gmtime_r` and `timegm` do the calendar arithmetic; Calendar or
/// DateFormatter would link ICU into the program (about 50 MB of binary).
public struct CivilTime: Equatable, Sendable {
    public var year: Int, month: Int, day: Int
    public var hour: Int, minute: Int, second: Int

    public init(_ date: Date, utcOffset: Int = 0) {
        var time = time_t(Int(date.timeIntervalSince1970.rounded(.down)) + utcOffset)
        var fields = tm()
        gmtime_r(&time, &fields)
        (year, month, day) = (
            Int(fields.tm_year) + 1900, Int(fields.tm_mon) + 1, Int(fields.tm_mday)
        )
        (hour, minute, second) = (Int(fields.tm_hour), Int(fields.tm_min), Int(fields.tm_sec))
    }

    /// The moment these fields name at `utcOffset`.
    public func date(utcOffset: Int = 0) -> Date {
        var fields = tm()
        fields.tm_year = Int32(year - 1900)
        fields.tm_mon = Int32(month - 1)
        fields.tm_mday = Int32(day)
        (fields.tm_hour, fields.tm_min, fields.tm_sec) = (Int32(hour), Int32(minute), Int32(second))
        return Date(timeIntervalSince1970: Double(Int(timegm(&fields)) - utcOffset))
    }

    /// 2026-12-03T15:45:00Z: how the session file writes a moment (whole seconds, UTC).
    public static func isoInstant(_ date: Date) -> String {
        let t = CivilTime(date)
        return "\(t.isoDay)T\(pad(t.hour)):\(pad(t.minute)):\(pad(t.second))Z"
    }

    /// Reads `YYYY-MM-DDTHH:MM:SS`, optionally with a fraction of a second (dropped), then
    /// `Z` or an offset `+HH:MM` / `-HH:MM`; nil for anything else or an impossible date.
    public static func parseInstant(_ text: String) -> Date? {
        let b = Array(text.utf8)
        func digits(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= b.count else { return nil }
            var value = 0
            for byte in b[at..<at + count] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard b.count >= 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A,
            b[16] == 0x3A,
            let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
            let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
            (1...12).contains(month), (1...days(inMonth: month, of: year)).contains(day),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var i = 19
        if b[i] == 0x2E {
            i += 1
            let start = i
            while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
            guard i > start, i < b.count else { return nil }
        }
        let offset: Int
        if b[i] == 0x5A, i + 1 == b.count {
            offset = 0
        } else if b[i] == 0x2B || b[i] == 0x2D, i + 6 == b.count, b[i + 3] == 0x3A,
            let h = digits(i + 1, 2), let m = digits(i + 4, 2), h < 24, m < 60
        {
            offset = (b[i] == 0x2D ? -1 : 1) * (h * 3600 + m * 60)
        } else {
            return nil
        }
        return CivilTime(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second
        )
        .date(utcOffset: offset)
    }

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (
            year, month, day, hour, minute, second
        )
    }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// 2026-12-03
    public var isoDay: String { "\(Self.pad(year, 4))-\(Self.pad(month))-\(Self.pad(day))" }
    /// 20261203-154500
    public var compactStamp: String {
        "\(Self.pad(year, 4))\(Self.pad(month))\(Self.pad(day))-\(compactTime)"
    }
    /// 20261203T154500 (ISO 8601 basic format, without a zone)
    public var isoBasic: String {
        "\(Self.pad(year, 4))\(Self.pad(month))\(Self.pad(day))T\(compactTime)"
    }

    private var compactTime: String { "\(Self.pad(hour))\(Self.pad(minute))\(Self.pad(second))" }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
