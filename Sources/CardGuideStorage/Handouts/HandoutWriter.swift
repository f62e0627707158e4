import CardGuideCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Writes the visitor sheet of a method (`VisitorSheet`, the text `cardguide export --sheet`
/// prints) as a plain-text file, the one a print command is given. An earlier hand-out is
/// never overwritten: files are created exclusively, with a counter when the name is taken.
package struct HandoutWriter: Sendable {
    package let directory: String

    package init(directory: String) { self.directory = directory }

    package struct WriteError: Error, CustomStringConvertible {
        package var path: String
        package var reason: String
        /// The errno behind `reason` (0 when there is none), for a message in the visitor's
        /// language.
        package var code: Int32 = 0
        package var description: String { "\(path): \(reason)" }
    }

    /// The path written: `cardguide-<method>-<time>.txt`.
    package func write(sheet: String, methodID: String, now: Date = Date()) throws -> String {
        try create(
            "cardguide-\(Self.fileNamePart(methodID))-\(Self.stamp(now))", ext: "txt",
            contents: sheet)
    }

    private func create(_ base: String, ext: String, contents: String) throws -> String {
        let bytes = Array(contents.utf8)
        for attempt in 1...999 {
            let name = attempt == 1 ? "\(base).\(ext)" : "\(base)-\(attempt).\(ext)"
            let path = PathText.join(directory, name)
            let fd: Int32
            switch OwnedFile.openForWriting(path, .newOnly, permissions: 0o644) {
            case .success(let opened): fd = opened
            case .failure(let failure) where failure.code == EEXIST: continue
            case .failure(let failure):
                throw WriteError(path: path, reason: failure.reason, code: failure.code)
            }
            defer { close(fd) }
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes {
                    Glibc.write(fd, $0.baseAddress! + written, bytes.count - written)
                }
                if n < 0 {
                    if errno == EINTR { continue }
                    let code = errno
                    unlink(path)
                    throw WriteError(
                        path: path, reason: String(cString: strerror(code)),
                        code: code)
                }
                written += n
            }
            return path
        }
        throw WriteError(
            path: PathText.join(directory, base),
            reason: "too many hand-outs with this name", code: EEXIST)
    }

    /// The ID as a file name: anything but ASCII letters, digits, '-' and '_' becomes '_',
    /// so an ID can never climb out of the folder ("../") or hide the file (a leading '.').
    static func fileNamePart(_ id: String) -> String {
        let bytes = id.utf8.map { TextRules.isIDByte($0) ? $0 : UInt8(ascii: "_") }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// 20261203-154500, in local time: what the person sees on the clock when printing.
    static func stamp(_ date: Date) -> String { CivilTime.local(date).compactStamp }
}
