import CardGuideCore
import XCTest

@testable import CardGuideUI

/// Issue 12: the QR code screen's layout, drawing and the addresses it offers.
final class CodeScreenTests: XCTestCase {
    /// A fixed pseudo-random code of `size` modules with the three finder patterns' corners
    /// dark, so that drawings are reproducible.
    static func matrix(_ size: Int) -> QRMatrix {
        var seed: UInt32 = 12
        let modules = (0..<(size * size)).map { _ -> Bool in
            seed = seed &* 1_103_515_245 &+ 12345
            return (seed >> 16) & 1 == 1
        }
        return QRMatrix(size: size, modules: modules)!
    }

    func testLayoutFitsTheSmallestCodeAt40x12WithTheTextBeside() throws {
        let layout = try XCTUnwrap(CodeLayout(modules: 21, screen: Size(width: 40, height: 12)))
        XCTAssertEqual(layout.columns, 29, "4 light modules left and right")
        XCTAssertEqual(layout.rows, 12)
        XCTAssertEqual(layout.quietTop, 1)
        XCTAssertEqual(layout.left, 0)
        XCTAssertEqual(layout.text.left, 30)
        XCTAssertEqual(layout.text.width, 10)
        XCTAssertNil(
            CodeLayout(modules: 25, screen: Size(width: 40, height: 12)),
            "a 25-module code cannot fit 12 rows")
        XCTAssertEqual(CodeLayout.minimumScreen(modules: 25), Size(width: 33, height: 14))
    }

    func testLayoutKeepsTheFullQuietZoneWhereTheRowsAllow() throws {
        let layout = try XCTUnwrap(CodeLayout(modules: 33, screen: Size(width: 80, height: 24)))
        XCTAssertEqual(layout.quietTop, 4)
        XCTAssertEqual(layout.rows, 21)
        XCTAssertEqual(
            2 * layout.rows - layout.quietTop - 33, 5, "4 light modules below, and half a row")
        // Too narrow for the text beside it: the code is centred and the text goes below.
        let narrow = try XCTUnwrap(CodeLayout(modules: 33, screen: Size(width: 45, height: 30)))
        XCTAssertEqual(narrow.left, 2)
        XCTAssertEqual(narrow.text.top, narrow.top + narrow.rows)
    }

    /// The drawn half blocks give back every module of the code, and every cell of the code
    /// and its quiet zone has the code's role (explicit black on white in the backend).
    func testTheDrawingHoldsEveryModule() throws {
        for (size, width, height) in [(21, 40, 12), (33, 80, 24), (41, 80, 24)] {
            var driver = try Driver(.zh, width, height)
            let matrix = Self.matrix(size)
            driver.state.overlay = .code(
                CodeOverlay(addresses: ["https://www.ameli.fr/"], status: .ready(matrix)))
            let grid = driver.grid
            let layout = try XCTUnwrap(
                CodeLayout(modules: size, screen: Size(width: width, height: height)))
            for row in 0..<layout.rows {
                for column in 0..<layout.columns {
                    let cell = grid[layout.top + row, layout.left + column]
                    XCTAssertEqual(cell.role, .code)
                    let module = 2 * row - layout.quietTop
                    let x = column - CodeLayout.quiet
                    let top = ["\u{2580}", "\u{2588}"].contains(cell.text)
                    let bottom = ["\u{2584}", "\u{2588}"].contains(cell.text)
                    XCTAssertEqual(
                        top, matrix.isDark(row: module, column: x),
                        "\(size): row \(row) column \(column)")
                    XCTAssertEqual(
                        bottom, matrix.isDark(row: module + 1, column: x),
                        "\(size): row \(row) column \(column)")
                }
            }
            XCTAssertTrue(
                Snapshot.invariantFailures(grid, size: Size(width: width, height: height)).isEmpty)
        }
    }

    func testCodeScreenSnapshots() throws {
        let pack = try FixturePack.pack()
        var small = try Driver(.zh, 40, 12, pack: pack)
        small.state.overlay = .code(
            CodeOverlay(
                addresses: ["https://www.ameli.fr/", "https://www.service-public.fr/"],
                status: .ready(Self.matrix(21))))
        Snapshot.assert(small.state, named: "code-ready_zh_40x12")
        for (width, height) in [(40, 12), (80, 24)] {
            var english = try Driver(.en, width, height, pack: pack)
            english.state.overlay = small.state.overlay
            Snapshot.assert(english.state, named: "code-ready_en_\(width)x\(height)")
        }
        var wide = try Driver(.zh, 80, 24, pack: pack)
        wide.state.overlay = small.state.overlay
        Snapshot.assert(wide.state, named: "code-ready_zh_80x24")
        var missing = try Driver(.en, 80, 24, pack: pack)
        missing.state.overlay = .code(
            CodeOverlay(addresses: ["https://www.ameli.fr/"], status: .unavailable))
        Snapshot.assert(missing.state, named: "code-unavailable_en_80x24")
        var tooSmall = try Driver(.en, 40, 12, pack: pack)
        tooSmall.state.overlay = .code(
            CodeOverlay(addresses: ["https://www.ameli.fr/"], status: .ready(Self.matrix(33))))
        Snapshot.assert(tooSmall.state, named: "code-too-small_en_40x12")
    }

    /// The address is what a visitor copies: whatever the screen, language and status, it is
    /// drawn whole (its accent cells read back as the address) even when the keys and the
    /// instructions must give way.
    func testTheAddressIsNeverCut() throws {
        let pack = try FixturePack.pack()
        let address = "https://www.ameli.fr/"
        let statuses: [CodeOverlay.Status] = [.ready(Self.matrix(21)), .unavailable, .tooLong]
        for language in [Language.zh, .en] {
            for (width, height) in [(40, 12), (80, 24)] {
                for (n, status) in statuses.enumerated() {
                    var driver = try Driver(language, width, height, pack: pack)
                    driver.state.overlay = .code(
                        CodeOverlay(addresses: [address, "https://b.example/"], status: status))
                    let grid = driver.grid
                    let accent = (0..<height).flatMap { row in
                        (0..<width).map { grid[row, $0] }.filter { $0.role == .accent }
                    }
                    XCTAssertEqual(
                        accent.map(\.text).joined(), address,
                        "\(language) \(width)x\(height) status \(n)\n\(driver.screenText)")
                }
            }
        }
    }

    /// Half blocks need UTF-8: with ASCII borders the screen says so and shows the address.
    func testNoCodeInASCII() throws {
        var driver = try Driver(.en, 80, 24, display: DisplayOptions(ascii: true))
        let code = CodeOverlay(
            addresses: ["https://www.ameli.fr/"],
            status: .ready(Self.matrix(21)))
        driver.state.overlay = .code(code)
        let text = driver.screenText
        XCTAssertTrue(text.contains("not UTF-8"), text)
        XCTAssertTrue(text.contains("https://www.ameli.fr/"), text)
        XCTAssertFalse(["\u{2588}", "\u{2580}", "\u{2584}"].contains { text.contains($0) })
    }

    /// Only official sources get a code: a step citing only low-confidence pages offers none.
    func testOnlyOfficialAddressesAreOffered() throws {
        var driver = try Driver(.en)
        driver.openChinaCardMethod(0)
        XCTAssertEqual(driver.press("Q"), [], "a code for a step without official sources")
        XCTAssertNil(driver.state.overlay)
        XCTAssertEqual(driver.state.notice?.text, Strings(.en).noOfficialAddress)

        var french = try Driver(.en)
        french.press("home", "down", "down", "enter", "enter", "enter", "enter")
        let effects = french.press("Q")
        guard case .code(let code)? = french.state.overlay else { return XCTFail("no code screen") }
        // The step's official sources, then France's web contacts an official source confirms.
        let pack = french.state.pack
        let contacts = OfficialContacts.forCountry("fr", in: pack).compactMap(\.address)
        XCTAssertTrue(code.addresses.contains("https://www.ameli.fr"), "\(code.addresses)")
        let kinds = code.addresses.filter { !contacts.contains($0) }.map { address in
            pack.sources.first { $0.url == address }?.kind
        }
        // The step cites a media page too (FR16): it is not offered.
        XCTAssertGreaterThan(kinds.count, 1)
        XCTAssertTrue(kinds.allSatisfy { $0 == .official }, "\(kinds)")
        XCTAssertEqual(effects, [.encodeCode(address: code.addresses[0])])
        XCTAssertEqual(french.press("tab"), [.encodeCode(address: code.addresses[1])])
        french.state.showCode(.unavailable, for: code.addresses[0]) // late: ignored
        guard case .code(let next)? = french.state.overlay else { return XCTFail() }
        XCTAssertEqual(next.status, .pending)
        french.press("esc")
        XCTAssertNil(french.state.overlay)
        XCTAssertEqual(french.context, .wizard)
    }

    /// `L` works on the code screen as everywhere: its words change language, the code and
    /// its address stay, the key is in its list, and the switch is saved.
    func testLSwitchesTheCodeScreensLanguage() throws {
        var driver = try Driver(.en)
        driver.press("home", "down", "down", "enter", "enter", "enter", "enter", "Q")
        guard case .code(var code)? = driver.state.overlay else { return XCTFail("no code") }
        code.status = .ready(Self.matrix(21))
        driver.state.overlay = .code(code)
        XCTAssertTrue(driver.screenText.contains("L 中文"), driver.screenText)
        XCTAssertEqual(driver.press("L"), [.saveSession])
        XCTAssertEqual(driver.state.language, .zh)
        XCTAssertEqual(driver.state.overlay, .code(code), "the same code, not made again")
        XCTAssertNil(driver.state.notice, driver.state.notice?.text ?? "")
        XCTAssertTrue(driver.screenText.contains("L English"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("关闭二维码"), driver.screenText)
        driver.press("L")
        XCTAssertEqual(driver.state.language, .en)
        XCTAssertTrue(driver.screenText.contains("Close the code"), driver.screenText)
    }

    /// The safety rules, an FAQ answer and a card's cautions offer their official sources too.
    func testPagesThatCiteSourcesOfferTheirOfficialAddresses() throws {
        let scripts: [(String, [String])] = [
            ("safety", ["s"]), ("faq answer", ["down", "enter", "enter", "f", "enter"]),
            ("cautions", ["down", "enter", "enter", "w"]),
        ]
        for (name, keys) in scripts {
            var driver = try Driver(.en)
            for key in keys { driver.press(key) }
            driver.press("Q")
            guard case .code(let code)? = driver.state.overlay else {
                XCTFail("\(name): no code screen (\(driver.state.notice?.text ?? "no notice"))")
                continue
            }
            let pack = driver.state.pack
            for address in code.addresses {
                XCTAssertTrue(
                    pack.sources.contains { $0.url == address && $0.kind == .official },
                    "\(name): \(address) is not an official source")
            }
        }
    }
}
