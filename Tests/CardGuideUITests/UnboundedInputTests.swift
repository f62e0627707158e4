import CardGuideCore
import XCTest

@testable import CardGuideUI

/// Issue 13, point 6: input without end. A 200 KB paste into the search kept the CPU busy for
/// minutes (each key re-ran a longer and longer query); holding `p` wrote thousands of files.
final class UnboundedInputTests: XCTestCase {
    /// Past the limit a key changes nothing but a notice, however long the paste.
    func testTheSearchQueryStopsAtItsLimit() throws {
        var driver = try Driver(.en)
        driver.press("/")
        driver.type("pin ")
        let limit = SearchState.maximumQueryLength
        driver.type(String(repeating: "x", count: limit - 4))
        let full = try XCTUnwrap(driver.search)
        XCTAssertEqual(full.query.count, limit)
        XCTAssertNil(driver.state.notice)
        driver.type(String(repeating: "pin card ", count: 2_000))
        XCTAssertEqual(driver.search, full, "a key past the limit changed the search")
        XCTAssertEqual(driver.state.notice?.text, "Search text is limited to \(limit) characters.")
        // Backspace still edits it.
        driver.press("bksp")
        XCTAssertEqual(driver.search?.query.count, limit - 1)
    }

    /// `p` again with nothing changed writes nothing: it says where the hand-out already is.
    /// A tick (or another language) makes the next `p` write again.
    func testPrintingTheSameChecklistTwiceWritesOneHandout() throws {
        var driver = try Driver(.en)
        driver.openChinaCardMethod(1)
        driver.press("d", "enter") // a checklist to print: done starts it (and its safety box)
        let method = try XCTUnwrap(driver.wizard?.methodID)
        XCTAssertEqual(driver.press("p"), [try driver.handout(method)])
        // The executable wrote the sheet.
        let written = "/desk/cardguide-\(method)-1.txt"
        driver.receive(.handoutWritten(methodID: method, .written(path: written, printing: nil)))
        for _ in 0..<1_000 { XCTAssertEqual(driver.press("p"), []) }
        XCTAssertEqual(
            driver.state.notice?.text,
            "Nothing changed since this hand-out, so no new one: \(written)")
        driver.press("L")
        XCTAssertEqual(
            driver.press("p"), [try driver.handout(method)],
            "another language is another hand-out")
        driver.press("L")
        XCTAssertEqual(driver.press("p"), [])
        driver.press("n")
        XCTAssertEqual(
            driver.press("p"), [try driver.handout(method)],
            "a changed checklist is another hand-out")
    }
}
