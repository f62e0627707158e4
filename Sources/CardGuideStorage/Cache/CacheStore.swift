import CardGuideCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where cache files live and how they are read and replaced. The cache is an optimisation
/// only: every failure here (no home, a read-only or full disk, a damaged file) means
/// "no cache" and is not reported.
enum CacheStore {
    /// `$XDG_CACHE_HOME/cardguide`, else `$HOME/.cache/cardguide` (relative values are
    /// ignored, as the XDG spec says); nil when neither is set or `CARDGUIDE_NO_CACHE` is.
    static func folder(environment: (String) -> String?) -> String? {
        if let off = environment("CARDGUIDE_NO_CACHE"), !off.isEmpty, off != "0" { return nil }
        return XDGFolder.cache.folder(environment)
    }

    /// One file per content folder, named by a hash of its absolute path (the path itself is
    /// in the key, so two folders whose hashes collide only evict each other).
    static func file(in cacheFolder: String, for key: CacheKey) -> String {
        let name = "pack-" + Checksum64.hex(Checksum64.hash(Array(key.folder.utf8))) + ".bin"
        return PathText.join(cacheFolder, name)
    }

    /// The whole file, or nil (missing, unreadable, too short to be a cache, or open to
    /// forgery). Anyone who can write the file can also recompute its checksum, so it is
    /// read only when the folder and the file belong to this user and nobody else can write
    /// them, and neither is reached through a symbolic link.
    static func contents(of path: String) -> [UInt8]? {
        guard let folder = openPrivateFolder(PathText.folder(of: path)) else { return nil }
        defer { close(folder) }
        let fd = PosixFile.retrying {
            openat(folder, PathText.name(of: path), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, OwnedFile.isPrivate(info),
            case .success(let bytes) = PosixFile.readAll(fd, info, limit: Int.max),
            bytes.count >= CacheFile.headerSize
        else { return nil }
        return bytes
    }

    /// Replaces `path` atomically (a temporary file renamed over it), readable by its owner
    /// only, in a folder made 0700; not at all in a folder others could write (nobody would
    /// read it back). No fsync: a file torn by a power cut fails its checksum.
    @discardableResult
    static func replace(_ path: String, with bytes: [UInt8]) -> Bool {
        let directory = PathText.folder(of: path)
        guard PosixFile.makeDirectories(directory, mode: 0o700) == nil,
            let folder = openPrivateFolder(directory)
        else { return false }
        close(folder)
        let temporary = "\(path).\(getpid()).tmp"
        unlink(temporary) // left by a crashed process that had our pid
        let opened = OwnedFile.openForWriting(temporary, .newOnly)
        guard case .success(let fd) = opened else { return false }
        let written = PosixFile.writeAll(fd, bytes) == nil
        guard close(fd) == 0, written, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// The folder, opened without following a link, when it is private to this user.
    private static func openPrivateFolder(_ path: String) -> Int32? {
        let fd = PosixFile.retrying { open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, OwnedFile.isPrivate(info) else {
            close(fd)
            return nil
        }
        return fd
    }
}
