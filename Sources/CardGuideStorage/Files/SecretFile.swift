#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A short secret kept in a file that only its owner can read (the kiosk's staff word): a
/// secret in a file others can read, or change, is no secret, so such a file is refused.
package enum SecretFile {
    package enum Problem: Error, Equatable, CustomStringConvertible, Sendable {
        case missing(String)
        case refused(String, reason: String)

        package var description: String {
            switch self {
            case .missing(let path): return "\(path) does not exist"
            case .refused(let path, let reason): return "\(path): \(reason)"
            }
        }
    }

    /// The first line of the file, without surrounding spaces.
    package static func read(_ path: String) -> Result<String, Problem> {
        let fd = PosixFile.openToRead(path)
        if fd < 0 {
            if errno == ENOENT { return .failure(.missing(path)) }
            if errno == ELOOP { return .failure(.refused(path, reason: "a symbolic link")) }
            return .failure(.refused(path, reason: PosixFile.Failure.current("open").reason))
        }
        defer { close(fd) }
        var info = stat()
        let regular = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        guard regular && info.st_uid == geteuid() else {
            return .failure(.refused(path, reason: "not a regular file of this user"))
        }
        guard info.st_mode & 0o077 == 0 else {
            let mode = String(info.st_mode & 0o777, radix: 8)
            let reason = "others may read it (mode \(mode)): chmod 600 \(path)"
            return .failure(.refused(path, reason: reason))
        }
        switch PosixFile.readAll(fd, info, limit: 4096) {
        case .failure(let failure):
            return .failure(.refused(path, reason: failure.reason))
        case .success(let bytes):
            let text = String(decoding: bytes, as: UTF8.self)
            let line = text.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
            return .success(line.trimmingCharacters(in: [" ", "\t", "\r"]))
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop(while: set.contains).reversed().drop(while: set.contains).reversed())
    }
}
