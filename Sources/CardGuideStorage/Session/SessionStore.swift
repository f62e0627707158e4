import CardGuideCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The session file on disk: opened once at start, saved after every change.
///
/// Guarantees, and how:
/// - A save is all or nothing: a temporary file in the same folder is written, fsynced and
///   renamed over the old one, then the folder is fsynced. A crash or power cut leaves the
///   old file or the new one. A failed save removes its temporary file and keeps the old
///   file; the next save simply tries again.
/// - Saves are synchronous, so once `save` returns the change is on disk: SIGTERM, SIGHUP or
///   SIGKILL right after loses nothing.
/// - One writer per file: an exclusive `flock` on `<file>.lock`, which records the holder's
///   PID, and on the session file itself (a hard link has another name but the same file; a
///   symbolic link is resolved first). flock rather than fcntl locks: fcntl locks vanish when
///   *any* descriptor of the file is closed in the process and never conflict within one
///   process, flock has neither trap. The lock dies with its process, so a crash never
///   leaves a stale lock.
/// - Nothing readable is ever destroyed: a corrupt file is renamed aside and kept, a file
///   from a newer version or held by another process opens read-only. Only a regular file is
///   ever read or moved: a folder, FIFO or device under the name is left alone.
/// - Nothing else is written through it: the lock and temporary files are opened with
///   `OwnedFile` (no symbolic link followed, only a regular file of this user).
package final class SessionStore {
    package let path: String
    /// True when this store never writes: the file is newer than this build, in use by
    /// another process, or unreadable and could not be moved aside.
    package private(set) var isReadOnly: Bool
    /// The progress as last read or successfully saved.
    package private(set) var file: SessionFile

    private var lockDescriptor: Int32 = -1
    /// The session file as last read or saved, locked: see the type's comment.
    private var fileDescriptor: Int32 = -1
    private var directory: String { PathText.folder(of: path) }
    private var lockPath: String { path + ".lock" }
    private var tempPrefix: String { "." + PathText.name(of: path) + ".tmp-" }
    private var saveCount = 0

    private init(path: String) {
        self.path = path
        self.isReadOnly = false
        self.file = SessionFile()
    }

    deinit { close() }

    /// Releases the lock. The store becomes read-only: saving after `close` would write
    /// without the lock.
    package func close() {
        if lockDescriptor >= 0 {
            PosixFile.closeDescriptor(lockDescriptor)
            lockDescriptor = -1
        }
        if fileDescriptor >= 0 {
            PosixFile.closeDescriptor(fileDescriptor)
            fileDescriptor = -1
        }
        isReadOnly = true
    }

    // MARK: Opening

    /// Opens (creating its folder with mode 0700 when needed) and reads the session at
    /// `path`. Never fails: problems become notices, and at worst the app starts fresh.
    /// A name that is not a regular file (a folder, FIFO or device) is not touched at all: the
    /// store is read-only and empty, with a `.notRegularFile` notice.
    package static func open(path rawPath: String, now: Date = Date()) -> (
        SessionStore, [SessionNotice]
    ) {
        let store = SessionStore(path: resolved(absolute(rawPath)))
        if !isRegularFileOrMissing(store.path) {
            store.isReadOnly = true
            return (store, [.notRegularFile(path: store.path)])
        }
        var notices: [SessionNotice] = []
        // A folder that cannot be created is not fatal: the app works from memory and every
        // save retries (and reports) the creation.
        if let failure = PosixFile.makeDirectories(store.directory, mode: 0o700) {
            notices.append(.saveFailed(path: store.path, reason: failure.reason))
        } else {
            if let loose = OwnedFile.looseness(ofFolder: store.directory) {
                notices.append(.looseFolder(path: store.directory, reason: loose))
            }
            if let notice = store.yield(to: store.acquireLock()) { notices.append(notice) }
        }
        if store.lockDescriptor >= 0 { store.removeStaleTemporaryFiles() }
        notices += store.load(now: now)
        return (store, notices)
    }

    /// Reads a session without locking or changing anything (for `cardguide export` and
    /// the profile list): a file being saved by another process is still read whole,
    /// because saves replace it by rename.
    package static func read(path rawPath: String) -> Result<SessionFile?, ReadError> {
        let path = absolute(rawPath)
        switch PosixFile.readAll(path, limit: maximumBytes) {
        case .failure(let failure):
            return .failure(ReadError(path: path, reason: failure.reason))
        case .success(nil):
            return .success(nil)
        case .success(let bytes?):
            switch SessionDecoding.decode(bytes) {
            case .current(let file), .migrated(let file, _), .newer(let file?, _):
                return .success(file)
            case .newer(nil, let version):
                return .failure(
                    ReadError(
                        path: path, reason: "written by a newer CardGuide (format \(version))"))
            case .corrupt(let reason):
                return .failure(ReadError(path: path, reason: reason))
            }
        }
    }

    package struct ReadError: Error, Equatable, CustomStringConvertible, Sendable {
        package var path: String
        package var reason: String
        package var description: String { "\(path): \(reason)" }
    }

    /// A session file is a few kilobytes; a larger one is damage (or /dev/zero), not progress.
    package static let maximumBytes = 16 << 20

    private func load(now: Date) -> [SessionNotice] {
        let outcome: SessionDecoding.Outcome
        switch PosixFile.readAll(path, limit: Self.maximumBytes) {
        case .success(nil):
            return []
        case .success(let bytes?):
            outcome = SessionDecoding.decode(bytes)
        case .failure(let failure):
            outcome = .corrupt(reason: failure.reason)
        }
        switch outcome {
        case .current(let file):
            self.file = file
            return []
        case .migrated(let file, let from):
            self.file = file
            return [.migrated(path: path, from: from, to: SessionFile.currentSchemaVersion)]
        case .newer(let file, let version):
            self.file = file ?? SessionFile()
            isReadOnly = true
            return [
                .newerVersion(
                    path: path, found: version, supported: SessionFile.currentSchemaVersion)
            ]
        case .corrupt(let reason):
            // Another process owns the file: moving it would pull it from under that
            // process, so leave it and stay read-only.
            if isReadOnly { return [.unreadableKept(path: path, reason: reason)] }
            switch quarantine(now: now) {
            case .success(let movedTo):
                return [.movedAside(path: path, movedTo: movedTo, reason: reason)]
            case .failure(let failure):
                isReadOnly = true
                return [.unreadableKept(path: path, reason: "\(reason); \(failure.reason)")]
            }
        }
    }

    /// Renames the unreadable file to `<name>.corrupt-<UTC time>` (with `-2`, `-3`… when
    /// that exists: an earlier quarantined file is never replaced).
    private func quarantine(now: Date) -> Result<String, PosixFile.Failure> {
        // Checked at open, and again here: only a regular file is ever renamed.
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(
                PosixFile.Failure(
                    code: EINVAL, operation: "move aside",
                    detail: "not a regular file"))
        }
        let stamp = Self.timestamp(now)
        var target = "\(path).corrupt-\(stamp)"
        var n = 2
        while PosixFile.exists(target) {
            target = "\(path).corrupt-\(stamp)-\(n)"
            n += 1
        }
        guard rename(path, target) == 0 else { return .failure(.current("move aside")) }
        _ = PosixFile.fsyncDirectory(directory)
        return .success(target)
    }

    /// 20261203T154500Z: UTC, so that names sort in time order wherever they are read.
    static func timestamp(_ date: Date) -> String { CivilTime(date).isoBasic + "Z" }

    // MARK: Locking

    /// `refused`: a lock file planted by someone else (a link, another user's file). Writing
    /// without the lock could mean two writers, so the store turns read-only instead.
    private enum LockResult {
        case acquired
        case heldBy(Int32?)
        case refused(String)
        case unavailable
    }

    /// Read-only, with the notice that says why, when the lock belongs to someone else.
    private func yield(to lock: LockResult) -> SessionNotice? {
        switch lock {
        case .heldBy(let pid):
            isReadOnly = true
            return .inUse(path: path, pid: pid)
        case .refused(let reason):
            isReadOnly = true
            return .lockRefused(path: lockPath, reason: reason)
        case .acquired, .unavailable:
            return nil
        }
    }

    private func acquireLock() -> LockResult {
        // No lock file (read-only folder, or a name planted by someone else): saving will
        // fail and say so; nothing to guard.
        let fd: Int32
        switch OwnedFile.openForWriting(lockPath, .openOrCreate, access: O_RDWR) {
        case .success(let opened): fd = opened
        case .failure(let failure) where failure.detail != nil: return .refused(failure.reason)
        case .failure: return .unavailable
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let conflict = errno == EWOULDBLOCK
            let pid = Self.readPID(fd)
            PosixFile.closeDescriptor(fd)
            return conflict ? .heldBy(pid) : .unavailable
        }
        // The same file under another name (a hard link) has another lock file.
        if case .heldBy = lockSessionFile() {
            PosixFile.closeDescriptor(fd)
            return .heldBy(nil)
        }
        // Recorded so that a second CardGuide can say who holds the file.
        // Padded to a fixed width so that it overwrites any earlier pid in place: truncating
        // first cost half a millisecond of every start on some file systems, so it is left
        // for a lock file that holds something longer.
        let digits = String(getpid())
        let text = Array(
            (digits + String(repeating: " ", count: max(0, 10 - digits.count)) + "\n").utf8)
        var info = stat()
        if fstat(fd, &info) != 0 || info.st_size > text.count { _ = ftruncate(fd, 0) }
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        lockDescriptor = fd
        return .acquired
    }

    /// Locks the session file itself, when there is one.
    private func lockSessionFile() -> LockResult {
        let fd = PosixFile.openToLock(path)
        guard fd >= 0 else { return .unavailable }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let conflict = errno == EWOULDBLOCK
            PosixFile.closeDescriptor(fd)
            return conflict ? .heldBy(nil) : .unavailable
        }
        fileDescriptor = fd
        return .acquired
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return Int32(
            String(decoding: buffer[0..<n].filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self))
    }

    /// Temporary files of saves that were killed half-way. Only the lock holder may remove
    /// them: they belong to this session file, and nobody else writes it.
    private func removeStaleTemporaryFiles() {
        let names = PosixFile.names(in: directory) ?? []
        for name in names where name.hasPrefix(tempPrefix) {
            unlink(directory + "/" + name)
        }
    }

    // MARK: Saving

    /// Saves `file` atomically and durably. Returns nil when it is on disk, or a notice: the
    /// old file is then untouched, and the next call tries again from scratch.
    @discardableResult
    package func save(_ file: SessionFile) -> SessionNotice? {
        if isReadOnly { return .notSavedReadOnly(path: path) }
        var file = file
        file.schemaVersion = SessionFile.currentSchemaVersion
        if let failure = PosixFile.makeDirectories(directory, mode: 0o700) {
            return .saveFailed(path: path, reason: failure.reason)
        }
        // The lock could not be taken at start (folder missing or read-only): take it now,
        // and if another CardGuide got there first, yield to it.
        if lockDescriptor < 0, let notice = yield(to: acquireLock()) { return notice }
        if let failure = writeAtomically(SessionCoding.encode(file)) {
            return .saveFailed(path: path, reason: failure.reason)
        }
        self.file = file
        return nil
    }

    private func writeAtomically(_ bytes: [UInt8]) -> PosixFile.Failure? {
        saveCount += 1
        let temp = "\(directory)/\(tempPrefix)\(getpid())-\(saveCount)"
        let fd: Int32
        switch OwnedFile.openForWriting(temp, .newOnly, operation: "create temporary file") {
        case .success(let opened): fd = opened
        case .failure(let failure): return failure
        }
        // A write error, EFBIG (file size limit) included, fails the save; SIGXFSZ is ignored.
        var failure = PosixFile.writeAll(fd, bytes) ?? PosixFile.fsyncFile(fd)
        // close can report a deferred write error (NFS, quotas).
        if PosixFile.closeDescriptor(fd) != 0, failure == nil { failure = .current("close") }
        if failure == nil, rename(temp, path) != 0 { failure = .current("rename") }
        if let failure {
            unlink(temp)
            return failure
        }
        // The lock moves to the new file. Nobody can take it in between: another name of
        // the old file (a hard link) still names the old file, and this name is ours.
        if fileDescriptor >= 0 { PosixFile.closeDescriptor(fileDescriptor) }
        fileDescriptor = -1
        _ = lockSessionFile()
        return PosixFile.fsyncDirectory(directory)
    }

    private static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return PosixFile.currentDirectory() + "/" + path
    }

    /// The file a symbolic link points to, so that both names lock (and save) the same file.
    /// Not in a folder others can write: a link planted there must not lead a save, or the
    /// moving aside of a damaged file, to another file.
    private static func resolved(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK,
            OwnedFile.looseness(ofFolder: PathText.folder(of: path)) == nil,
            let real = realpath(path, nil)
        else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// True when `path` names a regular file (through links) or nothing at all.
    private static func isRegularFileOrMissing(_ path: String) -> Bool {
        var info = stat()
        if stat(path, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFREG }
        return errno == ENOENT || errno == ENOTDIR
    }
}
