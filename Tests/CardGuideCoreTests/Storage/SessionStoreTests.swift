import Foundation
import XCTest

@testable import CardGuideCore
@testable import CardGuideStorage

#if canImport(Glibc)
import Glibc
#endif

/// The session store against real files in a temporary folder. Tests run as root here, where
/// permission bits are not enforced, so failures are provoked by means that stop root too:
/// a path whose parent is a regular file, a file-size limit (RLIMIT_FSIZE), a directory where
/// the file should be.
final class SessionStoreTests: XCTestCase {
    let sample = SessionFile(
        language: .en, checklists: [SamplePack.onlineChecklist()], lastOpened: "online")

    // MARK: Fresh start, modes, round trip

    func testFreshOpenCreatesPrivateFolderAndSaveWritesPrivateFile() throws {
        let folder = TemporaryFolder()
        let path = folder.file("state/cardguide/session.json")
        let (store, notices) = SessionStore.open(path: path)
        XCTAssertEqual(notices, [])
        XCTAssertFalse(store.isReadOnly)
        XCTAssertEqual(store.file, SessionFile())
        XCTAssertEqual(mode(of: folder.file("state")), 0o700)
        XCTAssertEqual(mode(of: folder.file("state/cardguide")), 0o700)
        XCTAssertNil(store.save(sample))
        XCTAssertEqual(mode(of: path), 0o600)
        XCTAssertEqual(mode(of: path + ".lock"), 0o600)
        XCTAssertEqual(
            folder.names(in: folder.file("state/cardguide")),
            ["session.json", "session.json.lock"],
            "no temporary file is left behind")
        store.close()

        let (reopened, again) = SessionStore.open(path: path)
        XCTAssertEqual(again, [])
        XCTAssertEqual(reopened.file, sample)
    }

    func testAnExistingFolderKeepsItsMode() throws {
        let folder = TemporaryFolder()
        XCTAssertEqual(chmod(folder.path, 0o755), 0)
        let (store, _) = SessionStore.open(path: folder.file("session.json"))
        XCTAssertNil(store.save(sample))
        XCTAssertEqual(
            mode(of: folder.path), 0o755,
            "--session in a folder of the user's choice must not chmod it")
        XCTAssertEqual(mode(of: folder.file("session.json")), 0o600)
    }

    func testSaveReplacesTheFileAndTheLockRecordsThePID() throws {
        let folder = TemporaryFolder()
        let path = folder.file("session.json")
        let (store, _) = SessionStore.open(path: path)
        var file = sample
        for language in [Language.zh, .en, .zh] {
            file.language = language
            XCTAssertNil(store.save(file))
            XCTAssertEqual(SessionStore.read(path: path), .success(file))
        }
        let pid = String(getpid())
        XCTAssertEqual(
            String(decoding: bytes(at: path + ".lock") ?? [], as: UTF8.self),
            pid + String(repeating: " ", count: 10 - pid.count) + "\n")
    }

    func testALongerPidLeftByAnEarlierRunIsOverwrittenWhole() throws {
        let folder = TemporaryFolder()
        let path = folder.file("session.json")
        write("4194304999999\n", to: path + ".lock")
        let (store, _) = SessionStore.open(path: path)
        defer { store.close() }
        let lock = String(decoding: bytes(at: path + ".lock") ?? [], as: UTF8.self)
        XCTAssertEqual(
            lock.filter(\.isNumber), String(getpid()), "nothing of the earlier, longer text is left"
        )
    }

    func testStaleTemporaryFilesOfAKilledSaveAreRemovedOnOpen() throws {
        let folder = TemporaryFolder()
        let path = folder.file("session.json")
        write("{\"half\": ", to: folder.file(".session.json.tmp-999-3"))
        write("{}", to: folder.file(".other.json.tmp-1-1"))
        let (store, _) = SessionStore.open(path: path)
        XCTAssertFalse(store.isReadOnly)
        XCTAssertEqual(
            folder.names(), [".other.json.tmp-1-1", "session.json.lock"],
            "only this session's temporary files go")
    }

    // MARK: Corrupt and unreadable files

    func testCorruptJSONIsMovedAsideKeptByteForByteAndTheAppStartsFresh() throws {
        let folder = TemporaryFolder()
        let path = folder.file("session.json")
        // Cut short.
        let corrupt =
            "{\"schemaVersion\": 1, \"language\": \"zh\", \"checklists\": [{\"card\": \"vitale\""
        write(corrupt, to: path)
        let now = Date(timeIntervalSince1970: 1_735_732_800) // 2025-01-01T12:00:00Z
        let (store, notices) = SessionStore.open(path: path, now: now)
        let aside = path + ".corrupt-20250101T120000Z"
        XCTAssertEqual(
            notices,
            [
                .movedAside(
                    path: path, movedTo: aside,
                    reason: "not valid JSON: line 1, column 72: unexpected end of file in an object"
                )
            ])
        XCTAssertEqual(bytes(at: aside), Array(corrupt.utf8), "kept with its exact bytes")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        XCTAssertFalse(store.isReadOnly)
        XCTAssertEqual(store.file, SessionFile(), "fresh start")
        XCTAssertTrue(notices[0].message(.en).contains(aside), "the notice says where the file is")
        XCTAssertTrue(notices[0].message(.zh).contains(aside))
        XCTAssertTrue(notices[0].message(.zh).contains("不会删除"))

        XCTAssertNil(store.save(sample))
        XCTAssertEqual(
            bytes(at: aside), Array(corrupt.utf8), "a later save leaves the quarantined file alone")
    }

    func testASecondCorruptionInTheSameSecondDoesNotReplaceTheFirst() throws {
        let folder = TemporaryFolder()
        let path = folder.file("session.json")
        let now = Date(timeIntervalSince1970: 1_735_732_800)
        write("first", to: path)
        SessionStore.open(path: path, now: now).0.close()
        write("second", to: path)
        let (_, notices) = SessionStore.open(path: path, now: now)
        XCTAssertEqual(bytes(at: path + ".corrupt-20250101T120000Z"), Array("first".utf8))
        XCTAssertEqual(bytes(at: path + ".corrupt-20250101T120000Z-2"), Array("second".utf8))
        guard case .movedAside(_, let movedTo, _)? = notices.first else {
            return XCTFail("\(notices)")
        }
        XCTAssertEqual(movedTo, path + ".corrupt-20250101T120000Z-2")
    }

    func testValidJSONOfTheWrongShapeIsCorruptToo() throws {
        let folder = TemporaryFolder()
        let path = folder.file("session.json")
        write("{\"schemaVersion\": 1, \"language\": \"zh\", \"checklists\": {}}", to: path)
        let (store, notices) = SessionStore.open(path: path)
        guard case .movedAside(_, let movedTo, let reason)? = notices.first else {
            return XCTFail("\(notices)")
        }
        XCTAssertEqual(reason, "checklists: expected an array, found an object")
        XCTAssertTrue(FileManager.default.fileExists(atPath: movedTo))
        XCTAssertFalse(store.isReadOnly)
    }

    /// Issue 13, point 4: a folder where the file should be is never renamed (as root,
    /// `--session /etc` renamed /etc): nothing is read, moved, locked or written.
    func testAFolderInPlaceOfTheFileIsLeftAlone() throws {
        let folder = TemporaryFolder()
        let path = folder.file("session.json")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        write("mine", to: path + "/keep.txt")
        let (store, notices) = SessionStore.open(path: path, now: Date(timeIntervalSince1970: 0))
        XCTAssertEqual(notices, [.notRegularFile(path: path)])
        XCTAssertTrue(store.isReadOnly)
        XCTAssertEqual(bytes(at: path + "/keep.txt"), Array("mine".utf8))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(names, ["session.json"])
        XCTAssertEqual(store.save(sample), .notSavedReadOnly(path: path))
        XCTAssertEqual(
            SessionStore.read(path: path).map { _ in "read" },
            .failure(.init(path: path, reason: "read: not a regular file")))
    }

    // MARK: Versions

    func testANewerFileOpensReadOnlyAndIsNeverOverwritten() throws {
        let folder = TemporaryFolder()
        let path = folder.file("session.json")
        let newer =
            "{\"schemaVersion\": 2, \"language\": \"en\", \"checklists\": [], \"future\": {\"x\": 1}}\n"
        write(newer, to: path)
        let (store, notices) = SessionStore.open(path: path)
        XCTAssertEqual(notices, [.newerVersion(path: path, found: 2, supported: 1)])
        XCTAssertTrue(store.isReadOnly)
        XCTAssertEqual(store.file.language, .en, "shown as far as this build understands it")
        XCTAssertEqual(store.save(sample), .notSavedReadOnly(path: path))
        XCTAssertEqual(bytes(at: path), Array(newer.utf8), "bytes unchanged after a save attempt")
        XCTAssertEqual(folder.names(), ["session.json", "session.json.lock"])
        XCTAssertTrue(notices[0].message(.en).contains("newer CardGuide"))
        XCTAssertTrue(notices[0].message(.zh).contains("不会覆盖"))
    }

    func testANewerFileOfUnknownShapeStillOpensReadOnly() throws {
        let folder = TemporaryFolder()
        let path = folder.file("session.json")
        let newer = "{\"schemaVersion\": 9, \"people\": [\"not ours to read\"]}"
        write(newer, to: path)
        let (store, notices) = SessionStore.open(path: path)
        XCTAssertEqual(notices, [.newerVersion(path: path, found: 9, supported: 1)])
        XCTAssertTrue(store.isReadOnly)
        XCTAssertEqual(store.file, SessionFile())
        XCTAssertNotNil(store.save(sample))
        XCTAssertEqual(bytes(at: path), Array(newer.utf8))
    }

    func testAnOlderFileIsMigratedAndSavedInTheCurrentFormat() throws {
        let folder = TemporaryFolder()
        let path = folder.file("session.json")
        let checklist = String(
            decoding: SessionCoding.encode(SamplePack.onlineChecklist()), as: UTF8.self)
        write("{\"checklists\": [\(checklist)]}", to: path)
        let (store, notices) = SessionStore.open(path: path)
        XCTAssertEqual(notices, [.migrated(path: path, from: 0, to: 1)])
        XCTAssertFalse(store.isReadOnly)
        XCTAssertEqual(store.file.checklists, [SamplePack.onlineChecklist()])
        XCTAssertEqual(store.file.language, .zh)
        XCTAssertNil(store.save(store.file))
        let root = try JSONParser.parse(bytes(at: path)!)
        XCTAssertEqual(root["schemaVersion"], .number(1))
    }

    // MARK: Saving fails

    func testAFolderThatCannotBeCreatedLeavesTheAppWorkingAndSavingRetries() throws {
        // The session's parent is a regular file: mkdir fails with ENOTDIR, root or not.
        let folder = TemporaryFolder()
        let blocker = folder.file("state")
        write("not a folder", to: blocker)
        let path = blocker + "/cardguide/session.json"
        let (store, notices) = SessionStore.open(path: path)
        XCTAssertEqual(
            notices, [.saveFailed(path: path, reason: "create folder \(blocker): Not a directory")])
        XCTAssertFalse(store.isReadOnly, "the app keeps working and keeps trying")
        XCTAssertEqual(
            store.save(sample),
            .saveFailed(path: path, reason: "create folder \(blocker): Not a directory"))
        XCTAssertTrue(notices[0].message(.en).contains("retried on your next change"))
        XCTAssertTrue(notices[0].message(.zh).contains("下次改动时会再试"))

        // The person frees the path; the next change saves.
        XCTAssertEqual(unlink(blocker), 0)
        XCTAssertNil(store.save(sample))
        XCTAssertEqual(SessionStore.read(path: path), .success(sample))
        XCTAssertEqual(mode(of: blocker), 0o700)
    }

    func testADiskFullSaveKeepsTheOldFileAndLeavesNoTemporaryFile() throws {
        let folder = TemporaryFolder()
        let path = folder.file("session.json")
        let (store, _) = SessionStore.open(path: path)
        let old = SessionFile(language: .zh)
        XCTAssertNil(store.save(old))
        let oldBytes = bytes(at: path)!

        // RLIMIT_FSIZE makes writes past the limit fail with EFBIG, for root too: the same
        // path through the code as ENOSPC (a write failing half-way).
        let notice = withFileSizeLimit(UInt(oldBytes.count)) { store.save(sample) }
        XCTAssertEqual(notice, .saveFailed(path: path, reason: "write: File too large"))
        XCTAssertEqual(bytes(at: path), oldBytes, "the old file stays intact")
        XCTAssertEqual(
            folder.names(), ["session.json", "session.json.lock"], "the temporary file is removed")
        XCTAssertEqual(store.file, old)

        XCTAssertNil(store.save(sample), "retried on the next change")
        XCTAssertEqual(SessionStore.read(path: path), .success(sample))
    }

    private func withFileSizeLimit<T>(_ limit: UInt, _ body: () -> T) -> T {
        let resource = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
        var saved = rlimit()
        XCTAssertEqual(getrlimit(resource, &saved), 0)
        // Without this the kernel kills the process (SIGXFSZ) instead of failing the write.
        let previous = signal(SIGXFSZ, SIG_IGN)
        var limited = saved
        limited.rlim_cur = rlim_t(limit)
        XCTAssertEqual(setrlimit(resource, &limited), 0)
        let result = body()
        XCTAssertEqual(setrlimit(resource, &saved), 0)
        signal(SIGXFSZ, previous)
        return result
    }

    // MARK: Two CardGuides on one file

    func testASecondStoreOnTheSameFileIsReadOnlyAndNamesTheHolder() throws {
        let folder = TemporaryFolder()
        let path = folder.file("session.json")
        let (first, _) = SessionStore.open(path: path)
        XCTAssertNil(first.save(sample))
        let before = bytes(at: path)

        let (second, notices) = SessionStore.open(path: path)
        XCTAssertEqual(notices, [.inUse(path: path, pid: getpid())])
        XCTAssertTrue(second.isReadOnly)
        XCTAssertEqual(second.file, sample, "it still shows the progress")
        XCTAssertEqual(second.save(SessionFile()), .notSavedReadOnly(path: path))
        XCTAssertEqual(bytes(at: path), before)
        XCTAssertTrue(notices[0].message(.en).contains("in use by process \(getpid())"))
        XCTAssertTrue(notices[0].message(.zh).contains("进程 \(getpid())"))

        first.close()
        let (third, after) = SessionStore.open(path: path)
        XCTAssertEqual(after, [], "the lock is free once the first closes")
        XCTAssertFalse(third.isReadOnly)
    }

    func testACorruptFileHeldByAnotherStoreIsNotMoved() throws {
        let folder = TemporaryFolder()
        let path = folder.file("session.json")
        let (first, _) = SessionStore.open(path: path)
        write("garbage", to: path)
        let (second, notices) = SessionStore.open(path: path)
        XCTAssertEqual(notices.first, .inUse(path: path, pid: getpid()))
        XCTAssertEqual(
            notices.dropFirst().first,
            .unreadableKept(
                path: path, reason: "not valid JSON: line 1, column 1: unexpected character 'g'"))
        XCTAssertTrue(second.isReadOnly)
        XCTAssertEqual(bytes(at: path), Array("garbage".utf8))
        XCTAssertEqual(folder.names(), ["session.json", "session.json.lock"])
        first.close()
    }

    func testALockHeldByAnotherProcessIsReportedWithItsPID() throws {
        let folder = TemporaryFolder()
        let path = folder.file("session.json")
        guard let binary = CoreFixture.binary("cardguide-save-loop") else {
            return XCTFail(
                "cardguide-save-loop was not found beside the test bundle; build it in the same scratch path"
            )
        }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: binary)
        child.arguments = ["--session", path, "--count", "1000000"]
        let output = Pipe()
        child.standardOutput = output
        try child.run()
        defer {
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
        }
        // The first counter printed means the child holds the lock and has saved.
        XCTAssertFalse(output.fileHandleForReading.availableData.isEmpty)

        let (store, notices) = SessionStore.open(path: path)
        XCTAssertEqual(notices, [.inUse(path: path, pid: child.processIdentifier)])
        XCTAssertTrue(store.isReadOnly)
        XCTAssertEqual(store.save(sample), .notSavedReadOnly(path: path))
        XCTAssertNotEqual(store.file.checklists, [], "shows the other process's progress")
    }

    // MARK: Many changes

    /// One save per change, as in the app (the benchmark times these saves): after 200 in a
    /// row the file holds the last state, and no temporary file is left beside it.
    func testManySavesInARowLeaveTheLastState() throws {
        let folder = TemporaryFolder()
        let (store, _) = SessionStore.open(path: folder.file("session.json"))
        var file = sample
        var checklist = SamplePack.onlineChecklist()
        for n in 0..<200 {
            checklist.toggle(
                material: n % 2 == 0 ? "photo" : "passport", in: SamplePack.online,
                now: SamplePack.day2.addingTimeInterval(TimeInterval(n)))
            file.upsert(checklist)
            XCTAssertNil(store.save(file))
        }
        XCTAssertEqual(
            folder.names().filter { $0.contains(".tmp-") }, [], "no temporary file left behind")
        XCTAssertEqual(SessionStore.read(path: folder.file("session.json")), .success(file))
    }
}
