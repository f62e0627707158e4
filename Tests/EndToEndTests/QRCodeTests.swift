import CardGuideCore
import Foundation
import XCTest

/// Issue 12: `Q` shows a step's official addresses as QR codes, read back from the real
/// screen by zbarimg (see `ScreenPixels`) on a dark and a light terminal theme, in colour and
/// with --mono, at 80x24 and 40x12; without libqrencode it shows the address instead.
final class QRCodeTests: XCTestCase {
    /// Step 1 of the French worker's method cites three official sources (FR7, FR8, FR9),
    /// offered before France's web contacts.
    static let stepAddresses = [
        "https://rochecolombe.fr/vie-pratique/demarches-administratives/?xml=F34308",
        "https://www.complementaire-sante-solidaire.gouv.fr/resider-en-france-stable-regulier.php"
            + "?mode_print=true&mode_print=true",
    ]

    func testCodesOnAStepAreReadByZbarAt80x24InColourAndMono() throws {
        for arguments in [[], ["--mono"]] {
            let app = try AppDriver(self, arguments, ready: ["选择国家"])
            try Flow.openFranceVitaleWorker(app)
            try app.press("Q", expect: ["官方网址 1/", "Esc 关闭二维码", "\u{2588}"])
            try assertScreenCode(app, Self.stepAddresses[0], "\(arguments)")
            // The next address is longer (a 41-module code): its quiet zone narrows above and
            // below to fit 24 rows, and it still reads.
            try app.press("Tab", expect: ["官方网址 2/"])
            try assertScreenCode(app, Self.stepAddresses[1], "\(arguments) second")
            try app.press("Escape", expect: ["步骤 1/10"], absent: ["官方网址"])
            try app.press("q", expect: ["APP-EXIT="])
            app.assertExit(code: 0)
        }
    }

    /// A short official address (a pack where FR7 is https://www.ameli.fr/) fits 40x12 as a
    /// 21-module code; a long one says plainly that the window is too small, with the address.
    func testShortAddressFits40x12AndALongOneSaysTheWindowIsTooSmall() throws {
        let content = try DeskFixture.content(self, file: "fr.json") { pack in
            guard var sources = pack["sources"] as? [[String: Any]] else { return }
            for index in sources.indices where sources[index]["id"] as? String == "FR7" {
                sources[index]["url"] = "https://www.ameli.fr/"
            }
            pack["sources"] = sources
        }
        for arguments in [["--content", content], ["--content", content, "--mono"]] {
            let app = try AppDriver(self, arguments, ready: ["选择国家"])
            try Flow.openFranceVitaleWorker(app)
            try app.tmux.resize(width: 40, height: 12)
            app.settled()
            try app.press("Q", expect: ["\u{2588}", "Esc"])
            try assertScreenCode(app, "https://www.ameli.fr/", "40x12 \(arguments)")
            try app.press("Tab", expect: ["窗口太小"])
            let text = app.joinedText()
            XCTAssertTrue(text.contains("需要"), text)
            XCTAssertTrue(
                text.contains("complementaire-sante-solidaire.gouv.fr/"),
                "the address is not shown: \(text)")
            XCTAssertFalse(text.contains("\u{2588}"), "a code that does not fit was drawn")
            try app.press("Escape", expect: [], absent: ["窗口太小"])
            try app.press("q", expect: ["APP-EXIT="])
            app.assertExit(code: 0)
        }
    }

    /// The contacts screen's web addresses (issue 10's pack): France's health-insurance site is
    /// short enough for the smallest code, read at 40x12 straight from the shipped pack.
    func testTheContactsScreenShowsItsWebAddressAsACodeAt40x12() throws {
        let app = try AppDriver(self, [], width: 40, height: 12, ready: ["选择国家"])
        try app.press("Down", "Down", "Enter", expect: ["医保卡 carte Vitale"])
        try app.press("t", expect: ["36 46"])
        try app.press("Q", expect: ["\u{2588}", "Esc"])
        try assertScreenCode(app, "https://www.ameli.fr", "contacts 40x12")
        try app.press("Escape", expect: ["36 46"])
        try app.press("q", expect: ["APP-EXIT="])
        app.assertExit(code: 0)
    }

    /// Without libqrencode (the loader told to act as if it were missing), `Q` shows the
    /// address and how to get codes, and no code.
    func testWithoutLibqrencodeTheAddressAndHowToEnableCodesShow() throws {
        let app = try AppDriver(
            self, ["--lang", "en"], ready: ["Choose a country"],
            environment: ["CARDGUIDE_NO_QRENCODE": "1"])
        try app.press("Down", "Down", "Enter", expect: ["Choose a card"])
        try app.press("Enter", expect: ["Choose how to do it"])
        try app.press("Enter", expect: ["Step 1 of 10"])
        try app.press("Q", expect: ["Official address 1 of ", "apt-get install libqrencode4"])
        let text = app.joinedText()
        XCTAssertTrue(text.contains(Self.stepAddresses[0]), text)
        XCTAssertFalse(
            text.contains("\u{2588}") || text.contains("\u{2580}"), "a code without the library")
        XCTAssertNil(
            try ScreenPixels.decode(
                ScreenPixels(styledRows: app.styledRows(), columns: 80, theme: .dark)
                    .pgm(theme: .dark)), "something readable without the library")
        try app.press("Escape", expect: ["Step 1 of 10"])
        try app.press("q", expect: ["APP-EXIT="])
        app.assertExit(code: 0)
    }

    /// The screen's code, read on a dark and on a light theme, is the address: scheme and host
    /// in capitals (QRText), the rest exactly as written.
    private func assertScreenCode(
        _ app: AppDriver, _ address: String, _ context: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let styled = app.styledRows()
        for theme in ScreenPixels.Theme.allCases {
            let pixels = ScreenPixels(styledRows: styled, columns: app.tmux.width, theme: theme)
            let decoded = try ScreenPixels.decode(pixels.pgm(theme: theme), file: file, line: line)
            XCTAssertEqual(
                decoded, QRText.forAddress(address),
                "\(context), \(theme) theme\n\(app.tmux.diagnostics())",
                file: file, line: line)
            XCTAssertEqual(decoded?.lowercased(), address.lowercased(), file: file, line: line)
        }
    }
}
