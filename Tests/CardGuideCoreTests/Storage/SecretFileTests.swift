import Foundation
import XCTest

@testable import CardGuideStorage

#if canImport(Glibc)
import Glibc
#endif

final class SecretFileTests: XCTestCase {
    /// The kiosk's staff word is read only from a file private to its owner.
    func testASecretFileMustBePrivateToItsOwner() throws {
        let folder = TemporaryFolder()
        let path = folder.file("staff-exit")
        try "  tea4two \nsecond line\n".write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertEqual(chmod(path, 0o600), 0)
        XCTAssertEqual(SecretFile.read(path), .success("tea4two"))
        XCTAssertEqual(chmod(path, 0o640), 0)
        XCTAssertEqual(
            SecretFile.read(path),
            .failure(.refused(path, reason: "others may read it (mode 640): chmod 600 \(path)")))
        XCTAssertEqual(chmod(path, 0o600), 0)
        XCTAssertEqual(chown(path, 65534, 65534), 0)
        XCTAssertEqual(
            SecretFile.read(path),
            .failure(.refused(path, reason: "not a regular file of this user")))
        let link = folder.file("link")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        XCTAssertEqual(SecretFile.read(link), .failure(.refused(link, reason: "a symbolic link")))
        XCTAssertEqual(
            SecretFile.read(folder.file("none")), .failure(.missing(folder.file("none"))))
    }
}
