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
        if let xdg = environment("XDG_CACHE_HOME"), xdg.hasPrefix("/") { return PathText.join(xdg, "cardguide") }
        if let home = environment("HOME"), home.hasPrefix("/") { return PathText.join(home, ".cache/cardguide") }
        return nil
    }

    static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

    /// One file per content folder, named by a hash of its absolute path (the path itself is
    /// in the key, so two folders whose hashes collide only evict each other).
    static func file(in cacheFolder: String, for key: CacheKey) -> String {
        let hex = String(Checksum64.hash(Array(key.folder.utf8)), radix: 16)
        return PathText.join(cacheFolder, "pack-" + String(repeating: "0", count: 16 - hex.count) + hex + ".bin")
    }

    /// The whole file, or nil (missing, unreadable, or too short to be a cache).
    static func contents(of path: String) -> [UInt8]? {
        guard case let .success(bytes?) = PosixFile.readAll(path), bytes.count >= CacheFile.headerSize else { return nil }
        return bytes
    }

    /// Replaces `path` atomically (a temporary file renamed over it), readable by its owner
    /// only, in a folder made 0700. No fsync: a file torn by a power cut fails its checksum.
    @discardableResult
    static func replace(_ path: String, with bytes: [UInt8]) -> Bool {
        guard PosixFile.makeDirectories(PosixFile.directoryOf(path), mode: 0o700) == nil else { return false }
        let temporary = "\(path).\(getpid()).tmp"
        unlink(temporary)  // left by a crashed process that had our pid
        let fd = PosixFile.createExclusive(temporary)
        guard fd >= 0 else { return false }
        let written = PosixFile.writeAll(fd, bytes) == nil
        guard close(fd) == 0, written, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
