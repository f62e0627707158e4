#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How every file the program writes is opened (session, its temporary files and lock, the
/// crash log, the content cache, hand-outs), so that a neighbour cannot aim a write at
/// another file: a symbolic link planted under the name is never followed (O_NOFOLLOW; with
/// O_EXCL any existing name fails), an existing file is used only when it is a regular file
/// of this user, and nothing is truncated before that is checked. O_NONBLOCK keeps a FIFO
/// planted under the name from stalling the open; it changes nothing for a regular file.
package enum OwnedFile {
    package enum Creation: Sendable {
        /// The name must not exist yet (O_EXCL): temporary files and hand-outs.
        case newOnly
        /// An existing regular file of this user is reused: the lock and the log.
        case openOrCreate
    }

    /// A descriptor open for writing (`access` O_WRONLY or O_RDWR, plus e.g. O_APPEND); a
    /// failure is reported as `operation`.
    static func openForWriting(
        _ path: String, _ creation: Creation, access: Int32 = O_WRONLY,
        permissions: mode_t = 0o600,
        operation: String = "open"
    ) -> Result<Int32, PosixFile.Failure> {
        var flags = access | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC
        if creation == .newOnly { flags |= O_EXCL }
        let fd = PosixFile.retrying { open(path, flags, permissions) }
        if fd < 0 {
            // ELOOP is how O_NOFOLLOW says "a symbolic link".
            let link = errno == ELOOP
            return .failure(link ? refusal(operation, "a symbolic link") : .current(operation))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let failure = PosixFile.Failure.current(operation)
            close(fd)
            return .failure(failure)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == geteuid() else {
            close(fd)
            return .failure(refusal(operation, "not a regular file of this user"))
        }
        return .success(fd)
    }

    private static func refusal(_ operation: String, _ what: String) -> PosixFile.Failure {
        PosixFile.Failure(code: EPERM, operation: operation, detail: "refused: \(what)")
    }

    /// The log: appended to, and started afresh once it is larger than `restartAbove`
    /// bytes. A descriptor, or -1 when the name is not a regular file of this user.
    package static func openLog(_ path: String, restartAbove: Int) -> Int32 {
        let opened = openForWriting(path, .openOrCreate, access: O_WRONLY | O_APPEND)
        guard case .success(let fd) = opened else { return -1 }
        var info = stat()
        if fstat(fd, &info) == 0, Int(info.st_size) > restartAbove { _ = ftruncate(fd, 0) }
        return fd
    }

    /// `mkdir -p` with mode 0700 for each folder it creates; true when `path` is a folder.
    package static func makePrivateDirectories(_ path: String) -> Bool {
        PosixFile.makeDirectories(path, mode: 0o700) == nil
    }

    /// Why the existing folder `path` lets others change what is in it, or nil: writable by
    /// group or others (without the sticky bit, which keeps them from renaming our files), or
    /// owned by another user than this one or root.
    package static func looseness(ofFolder path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let mode = info.st_mode & 0o7777
        if info.st_uid != geteuid() && info.st_uid != 0 { return "owned by user \(info.st_uid)" }
        if mode & 0o022 != 0 && mode & S_ISVTX == 0 {
            return "writable by other users (mode \(String(mode, radix: 8)))"
        }
        return nil
    }

    /// True when the file or folder of `info` belongs to this user and nobody else can write
    /// it: only then may what is in it be trusted (the content cache).
    static func isPrivate(_ info: stat) -> Bool {
        info.st_uid == geteuid() && info.st_mode & 0o022 == 0
    }
}
