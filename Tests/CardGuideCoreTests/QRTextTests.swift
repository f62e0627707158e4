import XCTest

@testable import CardGuideCore

/// The text of a QR code: scheme and host in capitals (QR's compact alphanumeric mode),
/// the rest of the address untouched.
final class QRTextTests: XCTestCase {
    func testSchemeAndHostInCapitalsPathUntouched() {
        XCTAssertEqual(QRText.forAddress("https://www.ameli.fr/"), "HTTPS://WWW.AMELI.FR/")
        XCTAssertEqual(QRText.forAddress("https://www.ameli.fr"), "HTTPS://WWW.AMELI.FR")
        XCTAssertEqual(
            QRText.forAddress("https://service.berlin.de/dienstleistung/326802?a=B#x"),
            "HTTPS://SERVICE.BERLIN.DE/dienstleistung/326802?a=B#x")
        XCTAssertEqual(
            QRText.forAddress("http://localhost:8080/Path"), "HTTP://LOCALHOST:8080/Path")
    }

    func testAnythingUnusualIsLeftAsWritten() {
        XCTAssertEqual(QRText.forAddress("tel:3646"), "tel:3646")
        XCTAssertEqual(QRText.forAddress("https://bücher.de/"), "https://bücher.de/")
        XCTAssertEqual(QRText.forAddress("https://user@host.de/"), "https://user@host.de/")
        XCTAssertEqual(QRText.forAddress("https:///x"), "https:///x")
    }
}
