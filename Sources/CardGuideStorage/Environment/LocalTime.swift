import CardGuideCore

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

/// The time zone the person set (TZ, /etc/localtime): read from the environment and a file,
/// so it is storage's, and the core's exports are given the offset.
extension CivilTime {
    package static func local(_ date: Date) -> CivilTime {
        CivilTime(date, utcOffset: localOffset(date))
    }

    /// The local offset from UTC at `date`, in seconds, from the C library (TimeZone.current
    /// would link Foundation's time-zone database reader for this one number).
    package static func localOffset(_ date: Date) -> Int {
        var time = time_t(date.timeIntervalSince1970.rounded(.down))
        var fields = tm()
        guard localtime_r(&time, &fields) != nil else { return 0 }
        return Int(fields.tm_gmtoff)
    }
}
