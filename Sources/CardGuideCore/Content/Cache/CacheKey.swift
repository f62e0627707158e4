/// What a cache file must have been made from: the running program, the content folder, and
/// each `*.json` file's name, size, times, inode and device, as stat gives them (storage takes
/// them; this only encodes them). Any difference is a miss, so an edit, a new or removed file,
/// a `git checkout` or a rebuilt binary (a new format, or a forgotten version bump) all
/// rebuild the cache.
package struct CacheKey: Equatable {
    /// What stat says of one file (or of the program); times in nanoseconds since 1970.
    package struct Stamp: Equatable {
        package var size: Int
        package var modified: Int64
        package var changed: Int64
        package var inode: UInt64
        package var device: UInt64

        package init(size: Int, modified: Int64, changed: Int64, inode: UInt64, device: UInt64) {
            (self.size, self.modified, self.changed) = (size, modified, changed)
            (self.inode, self.device) = (inode, device)
        }
    }

    /// The key as stored in the cache header, compared byte for byte.
    package var bytes: [UInt8]
    /// The absolute content folder: names the cache file.
    package var folder: String
    /// The newest mtime or ctime of the files, nanoseconds since 1970: see `isRacy`.
    package var newestChange: Int64
    /// The files' total size: a hint for the encoder's buffer.
    package var totalSize: Int

    /// A second edit within the file system's timestamp tick (and of the same size) would keep
    /// the key while changing the bytes: git's "racy clean" problem. A cache made from files
    /// changed this recently is not written; the next start, after the window, writes it.
    static let racyWindowNanos: Int64 = 2_000_000_000

    package func isRacy(now: Int64) -> Bool { newestChange > now - Self.racyWindowNanos }

    /// The key of the absolute `folder` holding `files` (in the order they are read), made by
    /// `program`.
    package init(program: Stamp, folder: String, files: [(name: String, stamp: Stamp)]) {
        var writer = CacheWriter(capacity: 256 + 96 * files.count)
        writer.u64(UInt64(program.size))
        writer.u64(UInt64(bitPattern: program.modified))
        writer.inlineString(folder)
        writer.count(files.count)
        newestChange = Int64.min
        totalSize = 0
        for (name, stamp) in files {
            writer.inlineString(name)
            writer.u64(UInt64(stamp.size))
            writer.u64(UInt64(bitPattern: stamp.modified))
            writer.u64(UInt64(bitPattern: stamp.changed))
            writer.u64(stamp.inode)
            writer.u64(stamp.device)
            newestChange = max(newestChange, stamp.modified, stamp.changed)
            totalSize += stamp.size
        }
        bytes = writer.bytes
        self.folder = folder
    }
}
