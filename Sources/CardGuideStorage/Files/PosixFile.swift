#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file operations the program needs, with EINTR retried and errors returned
/// as strerror text. Foundation's file APIs hide fsync and O_EXCL, and durability depends on
/// exactly those; they also link much of Foundation into the program.
enum PosixFile {
    struct Failure: Error, Equatable {
        var code: Int32
        var operation: String
        /// Said instead of strerror's text when the system reported no error (a refusal of ours).
        var detail: String?
        var reason: String { "\(operation): \(detail ?? String(cString: strerror(code)))" }

        static func current(_ operation: String) -> Failure {
            Failure(code: errno, operation: operation)
        }
    }

    /// Every byte of `path`; `.success(nil)` when it does not exist. Only a regular file of at
    /// most `limit` bytes is read: a FIFO would block before the first frame, a link to
    /// /dev/zero would fill the memory. Opened non-blocking, so a FIFO cannot stall the open.
    static func readAll(_ path: String, limit: Int = Int.max) -> Result<[UInt8]?, Failure> {
        let fd = retrying { open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        // ENOTDIR: a parent is a regular file, so there is no session file either.
        if fd < 0 {
            return errno == ENOENT || errno == ENOTDIR ? .success(nil) : .failure(.current("open"))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.current("stat")) }
        return readAll(fd, info, limit: limit).map(Optional.some)
    }

    /// Every byte of the open file `fd`, whose fstat is `info`, on the terms of `readAll`.
    static func readAll(_ fd: Int32, _ info: stat, limit: Int) -> Result<[UInt8], Failure> {
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(Failure(code: EINVAL, operation: "read", detail: "not a regular file"))
        }
        let tooLarge = Failure(
            code: EFBIG, operation: "read",
            detail: "larger than \(limit >> 20) MiB")
        if Int(info.st_size) > limit { return .failure(tooLarge) }
        // One read of the size fstat gives, then on until end of file (the file may grow).
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var count = 0
        while true {
            if count > limit { return .failure(tooLarge) }
            if count == bytes.count { bytes += repeatElement(0, count: bytes.count) }
            let n = retrying {
                bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            }
            if n < 0 { return .failure(.current("read")) }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    /// The names in a folder, without `.` and `..`, in no particular order; nil when it
    /// cannot be read.
    static func names(in directory: String) -> [String]? {
        guard let folder = opendir(directory) else { return nil }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The working folder, or "." when it has been removed under us.
    static func currentDirectory() -> String {
        guard let path = getcwd(nil, 0) else { return "." }
        defer { free(path) }
        return String(cString: path)
    }

    /// Writes all of `bytes`: a short write (disk nearly full) is continued, not ignored.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Failure? {
        var offset = 0
        while offset < bytes.count {
            let n = retrying {
                bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            }
            if n < 0 { return .current("write") }
            offset += n
        }
        return nil
    }

    static func fsyncFile(_ fd: Int32) -> Failure? {
        retrying { fsync(fd) } == 0 ? nil : .current("fsync")
    }

    /// Makes a rename in `directory` durable. Some file systems cannot fsync a directory
    /// (EINVAL); the rename itself has happened then, so that is not a failure.
    static func fsyncDirectory(_ directory: String) -> Failure? {
        let fd = retrying { open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        if fd < 0 { return .current("open folder") }
        defer { close(fd) }
        if retrying({ fsync(fd) }) != 0, errno != EINVAL, errno != EROFS {
            return .current("fsync folder")
        }
        return nil
    }

    /// Creates `directory` and its missing parents, each new one with `mode`. Folders that
    /// already exist keep their mode: `--session /tmp/x.json` must not chmod /tmp.
    static func makeDirectories(_ directory: String, mode: mode_t) -> Failure? {
        var path = ""
        for component in directory.split(separator: "/", omittingEmptySubsequences: true) {
            path += "/" + component
            if mkdir(path, mode) == 0 {
                // mkdir applies the umask; a lax umask must not widen the folder either.
                _ = chmod(path, mode)
                continue
            }
            if errno == EEXIST {
                var info = stat()
                if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { continue }
                return Failure(code: ENOTDIR, operation: "create folder \(path)")
            }
            return .current("create folder \(path)")
        }
        return nil
    }

    /// An existing file opened only to hold a `flock` on it: read-only, not through a link,
    /// never blocking on a FIFO. -1 when it cannot be opened.
    static func openToLock(_ path: String) -> Int32 { openToRead(path) }

    /// An existing file for reading, not through a link, never blocking on a FIFO; -1 if not.
    static func openToRead(_ path: String) -> Int32 {
        retrying { open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
    }

    /// close, named apart so types with their own `close()` can call it.
    @discardableResult
    static func closeDescriptor(_ fd: Int32) -> Int32 { close(fd) }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func retrying<T: BinaryInteger>(_ call: () -> T) -> T {
        while true {
            let result = call()
            if result < 0 && errno == EINTR { continue }
            return result
        }
    }
}
