#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a cache file must have been made from, taken with stat only (no file is read): the
/// running program, the content folder, and each `*.json` file's name, size, times, inode and
/// device. Any difference is a miss, so an edit, a new or removed file, a `git checkout` or a
/// rebuilt binary (a new format, or a forgotten version bump) all rebuild the cache.
struct CacheKey: Equatable {
    /// The key as stored in the cache header, compared byte for byte.
    var bytes: [UInt8]
    /// The absolute content folder: names the cache file.
    var folder: String
    /// The newest mtime or ctime of the files, nanoseconds since 1970: see `isRacy`.
    var newestChange: Int64
    /// The files' total size: a hint for the encoder's buffer.
    var totalSize: Int

    /// A second edit within the file system's timestamp tick (and of the same size) would keep
    /// the key while changing the bytes: git's "racy clean" problem. A cache made from files
    /// changed this recently is not written; the next start, after the window, writes it.
    static let racyWindowNanos: Int64 = 2_000_000_000

    func isRacy(now: Int64) -> Bool { newestChange > now - Self.racyWindowNanos }

    /// nil when the folder cannot be keyed (unreadable, a `.json` that is not a regular file): the loader then runs uncached and reports what it finds.
    init?(directory: String) {
        guard let folder = Self.absolutePath(directory),
            let names = ContentLoader.contentFileNames(in: folder),
            let program = Self.status(Self.executablePath)
        else { return nil }
        var writer = CacheWriter(capacity: 256 + 96 * names.count)
        writer.u64(UInt64(program.st_size))
        writer.u64(UInt64(bitPattern: Self.nanos(program.modified)))
        writer.inlineString(folder)
        writer.count(names.count)
        newestChange = Int64.min
        totalSize = 0
        for name in names {
            guard let info = Self.status(folder + "/" + name), (info.st_mode & S_IFMT) == S_IFREG
            else { return nil }
            let modified = Self.nanos(info.modified)
            let changed = Self.nanos(info.changed)
            writer.inlineString(name)
            writer.u64(UInt64(info.st_size))
            writer.u64(UInt64(bitPattern: modified))
            writer.u64(UInt64(bitPattern: changed))
            writer.u64(UInt64(info.st_ino))
            writer.u64(UInt64(info.st_dev))
            newestChange = max(newestChange, modified, changed)
            totalSize += Int(info.st_size)
        }
        bytes = writer.bytes
        self.folder = folder
    }

    private static func absolutePath(_ directory: String) -> String? {
        guard let resolved = realpath(directory, nil) else { return nil }
        defer { free(resolved) }
        return String(
            validating: UnsafeBufferPointer(start: resolved, count: strlen(resolved)).lazy.map {
                UInt8(bitPattern: $0)
            },
            as: UTF8.self)
    }

    #if os(Linux)
    private static let executablePath = "/proc/self/exe"
    #else
    private static let executablePath = CommandLine.arguments[0]
    #endif

    private static func status(_ path: String) -> stat? {
        var info = stat()
        return stat(path, &info) == 0 ? info : nil
    }

    private static func nanos(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// The wall clock in nanoseconds since 1970, as file times are.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return nanos(time)
    }
}

extension stat {
    #if canImport(Darwin)
    fileprivate var modified: timespec { st_mtimespec }
    fileprivate var changed: timespec { st_ctimespec }
    #else
    fileprivate var modified: timespec { st_mtim }
    fileprivate var changed: timespec { st_ctim }
    #endif
}
