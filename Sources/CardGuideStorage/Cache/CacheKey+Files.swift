import CardGuideCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The cache key of a content folder, taken with stat only (no file is read).
extension CacheKey {
    /// nil when the folder cannot be keyed (unreadable, a `.json` that is not a regular
    /// file): the loader then runs uncached and reports what it finds.
    init?(directory: String) {
        guard let folder = Self.absolutePath(directory),
            let names = ContentLoader.contentFileNames(in: folder),
            let program = Self.status(Self.executablePath)
        else { return nil }
        var files: [(name: String, stamp: Stamp)] = []
        files.reserveCapacity(names.count)
        for name in names {
            guard let info = Self.status(folder + "/" + name), (info.st_mode & S_IFMT) == S_IFREG
            else { return nil }
            files.append((name, Self.stamp(info)))
        }
        self.init(program: Self.stamp(program), folder: folder, files: files)
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

    private static func stamp(_ info: stat) -> Stamp {
        Stamp(
            size: Int(info.st_size), modified: nanos(info.modified), changed: nanos(info.changed),
            inode: UInt64(info.st_ino), device: UInt64(info.st_dev))
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
