#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's environment variables and working folder, read from the C library:
/// ProcessInfo would link much of Foundation into the program for these two things.
package enum ProcessEnvironment {
    /// Every variable; the first wins when a name appears twice, as getenv does.
    package static func variables() -> [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "="), result[String(text[..<equals])] == nil {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return result
    }

    /// One variable, as getenv gives it (for a look-up that needs no whole dictionary).
    package static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    package static var currentDirectory: String { PosixFile.currentDirectory() }
}
