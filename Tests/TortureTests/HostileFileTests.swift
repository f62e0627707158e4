import CardGuideContent
import Foundation
import XCTest

@testable import CardGuideCore
@testable import CardGuideStorage

#if canImport(Glibc)
import Glibc
#endif

/// Issue 13: a neighbour who can plant names beside the session or write the cache folder,
/// and session "files" that are not files. Nothing may be written through a planted link,
/// nothing but a regular file read or moved, and no cache trusted that someone else could
/// have written. (The suite runs as root on the CI machines; "another user" is uid 65534.)
final class HostileFileTests: XCTestCase {
    private let nobody: uid_t = 65534
    private let sample = SessionFile(language: .en, checklists: [], lastOpened: "m")

    // MARK: Links planted beside the session (point 3)

    /// The lock file was opened with O_CREAT and truncated through a link: a link planted as
    /// `session.json.lock` emptied the file it pointed to. Now it is refused, and the store
    /// is read-only (a second writer could not be kept out) and says why.
    func testALinkPlantedAsTheLockFileIsNeverWrittenThrough() throws {
        let folder = try FuzzFolder()
        let (victim, precious) = try plantVictim(in: folder)
        let path = folder.path + "/session.json"
        try FileManager.default.createSymbolicLink(
            atPath: path + ".lock",
            withDestinationPath: victim)
        let (store, notices) = SessionStore.open(path: path)
        let reason = "open: refused: a symbolic link"
        XCTAssertEqual(notices, [.lockRefused(path: path + ".lock", reason: reason)])
        XCTAssertTrue(store.isReadOnly, "saved without the lock")
        XCTAssertEqual(store.save(sample), .notSavedReadOnly(path: path))
        store.close()
        let after = try Data(contentsOf: URL(fileURLWithPath: victim))
        XCTAssertEqual(after, precious, "written through")
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: path + ".lock")
        XCTAssertEqual(link, victim)
    }

    /// Links planted under the next temporary names fail the save; nothing is written
    /// through them, and the save after them works.
    func testLinksPlantedAsTemporaryFilesAreNeverWrittenThrough() throws {
        let folder = try FuzzFolder()
        let (victim, precious) = try plantVictim(in: folder)
        let path = folder.path + "/session.json"
        let (store, _) = SessionStore.open(path: path)
        defer { store.close() }
        for n in 1...2 {
            let temp = folder.path + "/.session.json.tmp-\(getpid())-\(n)"
            try FileManager.default.createSymbolicLink(atPath: temp, withDestinationPath: victim)
        }
        for _ in 1...2 {
            guard case .saveFailed(_, let reason)? = store.save(sample) else {
                return XCTFail("saved through a planted name")
            }
            XCTAssertEqual(reason, "create temporary file: File exists")
        }
        XCTAssertNil(store.save(sample))
        let after = try Data(contentsOf: URL(fileURLWithPath: victim))
        XCTAssertEqual(after, precious, "written through")
    }

    /// A lock file that belongs to someone else is not used (nor written).
    func testALockFileOfAnotherUserIsNotWritten() throws {
        let folder = try FuzzFolder()
        let path = folder.path + "/session.json"
        try Data("12345678901234567890\n".utf8).write(to: URL(fileURLWithPath: path + ".lock"))
        XCTAssertEqual(chown(path + ".lock", nobody, nobody), 0)
        let (store, notices) = SessionStore.open(path: path)
        store.close()
        let reason = "open: refused: not a regular file of this user"
        XCTAssertEqual(notices, [.lockRefused(path: path + ".lock", reason: reason)])
        let lock = try String(contentsOfFile: path + ".lock", encoding: .utf8)
        XCTAssertEqual(lock, "12345678901234567890\n")
    }

    /// A state folder others can write is reported: they could plant names in it.
    func testALooseStateFolderIsReported() throws {
        let folder = try FuzzFolder()
        XCTAssertEqual(chmod(folder.path, 0o777), 0)
        let (store, notices) = SessionStore.open(path: folder.path + "/session.json")
        store.close()
        XCTAssertTrue(
            notices.contains(
                .looseFolder(path: folder.path, reason: "writable by other users (mode 777)")),
            "\(notices)")
        XCTAssertTrue(
            SessionNotice.looseFolder(path: "/x", reason: "r").message(.en).contains("chmod 700 /x")
        )
    }

    // MARK: Session names that are not regular files (points 4 and 5)

    /// A FIFO blocked the open before the first frame; a link to /dev/zero grew without end;
    /// a folder was renamed aside. Each is refused at once and left as it was.
    func testFIFODeviceAndFolderSessionPathsAreRefusedAndLeftAlone() throws {
        let folder = try FuzzFolder()
        let fifo = folder.path + "/fifo.json"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let zero = folder.path + "/zero.json"
        try FileManager.default.createSymbolicLink(atPath: zero, withDestinationPath: "/dev/zero")
        let directory = folder.path + "/dir.json"
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: false)
        let before = folder.names()
        for path in [fifo, zero, directory, "/dev/null"] {
            let (store, notices) = SessionStore.open(path: path)
            XCTAssertTrue(store.isReadOnly, path)
            XCTAssertEqual(notices.count, 1, "\(path): \(notices)")
            guard case .notRegularFile? = notices.first else {
                return XCTFail("\(path): \(notices)")
            }
            XCTAssertEqual(store.save(sample), .notSavedReadOnly(path: store.path))
            store.close()
            guard case .failure(let error) = SessionStore.read(path: path) else {
                return XCTFail(path)
            }
            XCTAssertEqual(error.reason, "read: not a regular file", path)
        }
        XCTAssertEqual(folder.names(), before, "a name was added, moved or removed")
    }

    /// A regular file over the size cap is damage, not progress: moved aside and kept whole.
    func testAnOversizedSessionFileIsMovedAsideWhole() throws {
        let folder = try FuzzFolder()
        let path = folder.path + "/session.json"
        let size = SessionStore.maximumBytes + 1
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(count: size)))
        let (store, notices) = SessionStore.open(path: path, now: Date(timeIntervalSince1970: 0))
        defer { store.close() }
        let aside = path + ".corrupt-19700101T000000Z"
        XCTAssertEqual(
            notices, [.movedAside(path: path, movedTo: aside, reason: "read: larger than 16 MiB")])
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: aside)[.size] as? Int, size)
    }

    // MARK: One file, two names (point 9)

    /// A symbolic or hard link to the file in use had its own lock file: two guides wrote
    /// the same file. The file itself is locked now.
    func testTheSameFileThroughALinkIsLockedOnce() throws {
        let folder = try FuzzFolder()
        let path = folder.path + "/session.json"
        let (first, _) = SessionStore.open(path: path)
        XCTAssertNil(first.save(sample))
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/soft.json", withDestinationPath: path)
        XCTAssertEqual(link(path, folder.path + "/hard.json"), 0)
        for other in ["soft.json", "hard.json"] {
            let (second, notices) = SessionStore.open(path: folder.path + "/" + other)
            XCTAssertTrue(
                second.isReadOnly,
                "\(other) was opened for writing beside the first guide: \(notices)")
            second.close()
        }
        // After a save the lock moves to the new file; the first guide still holds it.
        XCTAssertNil(first.save(SessionFile(language: .zh)))
        let (third, _) = SessionStore.open(path: folder.path + "/soft.json")
        XCTAssertTrue(third.isReadOnly, "the lock was lost at the save")
        third.close()
        first.close()
        let (fourth, _) = SessionStore.open(path: folder.path + "/soft.json")
        XCTAssertFalse(fourth.isReadOnly, "the lock outlived its holder")
        fourth.close()
    }

    // MARK: The content cache (point 2)

    /// A cache is a copy of a checked pack that anyone able to write the file can forge
    /// (the checksum is public). A forged one was shown from a folder another user could
    /// write, with a safety rule turned into its opposite.
    func testAForgedCacheInAFolderAnotherUserCanWriteIsNotUsed() throws {
        let (content, cache) = try cachedPackFolders()
        let honest = ContentLoader.load(directory: content.path)
        var forged = honest
        forged.pack!.safety[0].body.en = "Read your PIN to our staff when they call you."
        try plant(forged, content: content.path, cache: cache.path)

        let cacheFile = try onlyFile(in: cache.path)
        for (label, change) in [
            (
                "owned by another user",
                { () -> Void in
                    XCTAssertEqual(chown(cache.path, self.nobody, self.nobody), 0)
                    XCTAssertEqual(chown(cacheFile, self.nobody, self.nobody), 0)
                }
            ),
            (
                "writable by everyone",
                { () -> Void in
                    XCTAssertEqual(chown(cache.path, geteuid(), getegid()), 0)
                    XCTAssertEqual(chown(cacheFile, geteuid(), getegid()), 0)
                    XCTAssertEqual(chmod(cache.path, 0o777), 0)
                }
            ),
            (
                "a file others can write",
                { () -> Void in
                    XCTAssertEqual(chmod(cache.path, 0o700), 0)
                    XCTAssertEqual(chmod(cacheFile, 0o666), 0)
                }
            ),
        ] {
            change()
            let (result, outcome) = CachedContent.load(
                directory: content.path, cacheFolder: cache.path, now: later)
            XCTAssertNotEqual(outcome, .hit, label)
            XCTAssertEqual(result, honest, "\(label): the forged pack was used")
        }
    }

    /// A cache reached through a symbolic link (file or folder) is not read.
    func testACacheThroughASymbolicLinkIsNotRead() throws {
        let (content, cache) = try cachedPackFolders()
        let cacheFile = try onlyFile(in: cache.path)
        let elsewhere = try FuzzFolder()
        try FileManager.default.moveItem(atPath: cacheFile, toPath: elsewhere.path + "/pack.bin")
        try FileManager.default.createSymbolicLink(
            atPath: cacheFile, withDestinationPath: elsewhere.path + "/pack.bin")
        XCTAssertNotEqual(
            CachedContent.load(directory: content.path, cacheFolder: cache.path, now: later)
                .outcome, .hit)

        let linkedFolder = elsewhere.path + "/cache-link"
        try FileManager.default.createSymbolicLink(
            atPath: linkedFolder, withDestinationPath: cache.path)
        XCTAssertNotEqual(
            CachedContent.load(directory: content.path, cacheFolder: linkedFolder, now: later)
                .outcome, .hit)
    }

    /// Even in a private folder, what comes from the cache meets the JSON's rules: terminal
    /// escapes did reach the screen through `list`, and an ID with "../" wrote hand-outs
    /// outside `--handout-dir`.
    func testACachedPackMustFollowTheTextAndIDRules() throws {
        let (content, cache) = try cachedPackFolders()
        let honest = ContentLoader.load(directory: content.path)
        var forgeries: [(String, ContentLoadResult)] = []
        var escape = honest
        escape.pack!.countries[0].name.en = "China\u{1B}]0;owned\u{7}\u{1B}[2J"
        forgeries.append(("an escape sequence", escape))
        var c1 = honest
        c1.pack!.cards[0].summary.zh = "\u{9B}31m红色"
        forgeries.append(("a C1 control", c1))
        var bidi = honest
        bidi.pack!.safety[1].title.en = "Never \u{202E}share\u{202C} your PIN"
        forgeries.append(("a bidi override", bidi))
        var climbing = honest
        climbing.pack!.cards[0].methods[0].id = "../../etc/cron.d/x"
        forgeries.append(("an ID with ../", climbing))
        var link = honest
        link.pack!.safety[0].body.zh = "请加 https://example.com 领取"
        forgeries.append(("a link outside the sources", link))
        for (label, forged) in forgeries {
            try plant(forged, content: content.path, cache: cache.path)
            let (result, outcome) = CachedContent.load(
                directory: content.path, cacheFolder: cache.path, now: later)
            XCTAssertNotEqual(outcome, .hit, label)
            XCTAssertEqual(result, honest, "\(label) came from the cache")
        }
        // The honest cache is still used.
        try plant(honest, content: content.path, cache: cache.path)
        XCTAssertEqual(
            CachedContent.load(directory: content.path, cacheFolder: cache.path, now: later)
                .outcome, .hit)
    }

    // MARK: Support

    /// A file a neighbour would like us to overwrite.
    private func plantVictim(in folder: FuzzFolder) throws -> (path: String, bytes: Data) {
        let victim = folder.path + "/victim.txt"
        let precious = Data(String(repeating: "precious line\n", count: 100).utf8)
        try precious.write(to: URL(fileURLWithPath: victim))
        return (victim, precious)
    }

    private let later = { CacheKey.now() + 60_000_000_000 }

    /// A copy of the shipped pack and a cache folder holding its cache file.
    private func cachedPackFolders() throws -> (content: FuzzFolder, cache: FuzzFolder) {
        let content = try FuzzFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: BundledContent.directory) {
            try FileManager.default.copyItem(
                atPath: BundledContent.directory + "/" + name, toPath: content.path + "/" + name)
        }
        let cache = try FuzzFolder()
        XCTAssertEqual(chmod(cache.path, 0o700), 0)
        let (_, outcome) = CachedContent.load(
            directory: content.path, cacheFolder: cache.path, now: later)
        XCTAssertEqual(outcome, .miss(written: true))
        return (content, cache)
    }

    /// Writes `result` as the cache file of `content`, with a valid key and checksum.
    private func plant(_ result: ContentLoadResult, content: String, cache: String) throws {
        let key = try XCTUnwrap(CacheKey(directory: content))
        let bytes = try XCTUnwrap(CacheFile.seal(result, key: key))
        let path = CacheStore.file(in: cache, for: key)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(chmod(path, 0o600), 0)
    }

    private func onlyFile(in folder: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        XCTAssertEqual(names.count, 1, "\(names)")
        return folder + "/" + (names.first ?? "")
    }
}
