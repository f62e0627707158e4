import Foundation
import XCTest

@testable import CardGuideCore
@testable import CardGuideStorage

/// `cardguide validate` and `cardguide list`, run as the built binary.
final class CLITests: XCTestCase {
    private let deny = "the source articles' advertising must never be shown"

    // MARK: validate

    func testValidateAcceptsTheShippedPack() throws {
        guard let run = CoreFixture.run(["validate"]) else { return }
        XCTAssertEqual(
            run.status, 0, "cardguide validate on the shipped pack:\n\(run.out)\(run.err)")
        let last = try XCTUnwrap(run.out.split(separator: "\n").last)
        XCTAssertTrue(last.hasPrefix("ok: 3 countries, "), String(last))
        for line in run.out.split(separator: "\n").dropLast() {
            XCTAssertTrue(
                line.contains(": warning: "), "only warnings may precede the ok line: \(line)")
        }
        XCTAssertEqual(run.err, "")
    }

    func testValidateAcceptsTheMiniPack() {
        let folder = CoreFixture.Folder()
        folder.write(MiniPack.bytes(MiniPack.files))
        guard let run = CoreFixture.run(["validate", "--content", folder.path]) else { return }
        XCTAssertEqual(run.status, 0, run.out)
        XCTAssertEqual(
            run.out, "ok: 1 countries, 1 cards, 2 methods, 3 steps, 1 FAQ entries, 2 sources\n")
    }

    func testValidateNamesFileAndPathOfEachBrokenPackAndFails() {
        var duplicate = MiniPack.files
        duplicate["more.json"] = MiniPack.extraCardFile(
            cardID: "fr-vitale",
            methods: """
                [ { "id": "fr-extra-m", "name": { "zh": "方法", "en": "Method" }, "summary": { "zh": "摘要", "en": "Summary" },
                    "suits": { "zh": "所有人", "en": "Everyone" },
                    "steps": [ { "id": "fr-extra-s", "title": { "zh": "步骤", "en": "Step" }, "body": { "zh": "正文", "en": "Body" }, "sources": ["FR1"] } ] } ]
                """)
        let cases: [(String, [String: String], [String])] = [
            (
                "missing translation",
                MiniPack.card(
                    replacing: #""answer": { "zh": "大约两周。", "en": "About two weeks." }"#,
                    with: #""answer": { "zh": "大约两周。" }"#),
                ["fr.json: cards[0].faq[0].answer.en: missing"]
            ),
            (
                "duplicate ID", duplicate,
                [
                    "more.json: cards[0].id: duplicate card id 'fr-vitale' (first defined in fr.json at cards[0].id)"
                ]
            ),
            (
                "dangling source",
                MiniPack.card(
                    replacing: #""sources": ["FR1", "FR2"]"#, with: #""sources": ["FR1", "FR9"]"#),
                ["fr.json: cards[0].methods[0].steps[1].sources[1]: unknown source 'FR9'"]
            ),
            (
                "malformed JSON",
                MiniPack.card(replacing: #""country": "fr","#, with: #""country" "fr","#),
                [
                    "fr.json: not valid JSON: line 3, column 13: expected ':' after a key",
                    "shared.json: safety[0].sources[0]: unknown source 'FR1'",
                    "shared.json: countries[0].id: warning: country 'fr' has no cards yet: its menu will be empty",
                ]
            ),
            (
                "t.me link in a text",
                MiniPack.card(
                    replacing: "Any fee request is a scam.",
                    with: "Any fee request is a scam. Ask t.me/esim1088 instead."),
                [
                    "fr.json: cards[0].cautions[0].body.en: address on the deny list ('t.me/'): \(deny)"
                ]
            ),
            (
                "t.me link as a source",
                MiniPack.card(
                    replacing: "https://www.service-public.fr/", with: "https://t.me/esim1088"),
                ["fr.json: sources[1].url: address on the deny list ('t.me/'): \(deny)"]
            ),
            (
                "web link in a text",
                MiniPack.card(
                    replacing: "Log in and order the card.",
                    with: "Log in at https://www.ameli.fr and order the card."),
                [
                    "fr.json: cards[0].methods[1].steps[0].body.en: link outside the source table: put the address in a source and cite its ID"
                ]
            ),
        ]
        for (name, files, expected) in cases {
            let folder = CoreFixture.Folder()
            folder.write(MiniPack.bytes(files))
            guard let run = CoreFixture.run(["validate", "--content", folder.path]) else { return }
            XCTAssertEqual(run.status, 1, name)
            let errors = expected.filter { !$0.contains(": warning: ") }.count
            XCTAssertEqual(
                run.out,
                (expected + ["\(errors) problem(s) in \(folder.path)"]).map { $0 + "\n" }.joined(),
                name)
            XCTAssertEqual(run.err, "", name)
        }
    }

    func testValidateReportsEveryProblemInOneRun() {
        var card = MiniPack.card
        card = MiniPack.replacing(
            #""answer": { "zh": "大约两周。", "en": "About two weeks." }"#,
            with: #""answer": { "zh": "大约两周。" }"#, in: card)
        card = MiniPack.replacing(
            #""sources": ["FR1", "FR2"]"#, with: #""sources": ["FR1", "FR9"]"#, in: card)
        card = MiniPack.replacing(
            "https://www.service-public.fr/", with: "https://t.me/esim1088", in: card)
        card = MiniPack.replacing(
            #""id": "fr-vitale-online-order""#, with: #""id": "fr-vitale-post-form""#, in: card)
        card = MiniPack.replacing(
            "The French health card", with: "The French health card — free", in: card)
        let folder = CoreFixture.Folder()
        folder.write(MiniPack.bytes(["shared.json": MiniPack.shared, "fr.json": card]))
        guard let run = CoreFixture.run(["validate", "--content", folder.path]) else { return }
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(
            run.out.split(separator: "\n").map(String.init),
            [
                "fr.json: sources[1].url: address on the deny list ('t.me/'): \(deny)",
                "fr.json: cards[0].summary.en: character '—' (U+2014) is one column wide in some terminals and two in others: use ASCII or full-width CJK punctuation",
                "fr.json: cards[0].faq[0].answer.en: missing",
                "fr.json: cards[0].methods[1].steps[0].id: duplicate step id 'fr-vitale-post-form' (first defined in fr.json at cards[0].methods[0].steps[0].id)",
                "fr.json: cards[0].methods[0].steps[1].sources[1]: unknown source 'FR9'",
                "5 problem(s) in \(folder.path)",
            ])
    }

    func testValidatePassesWithWarningsOnly() {
        let folder = CoreFixture.Folder()
        folder.write(
            MiniPack.bytes(
                MiniPack.card(
                    replacing: #""url": "https://www.service-public.fr/" }"#,
                    with:
                        #""url": "https://www.service-public.fr/" }, { "id": "FR3", "kind": "low", "title": { "zh": "没人引用", "en": "Nobody cites it" }, "url": "http://example.org/" }"#
                )))
        guard let run = CoreFixture.run(["validate", "--content", folder.path]) else { return }
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(
            run.out,
            """
            fr.json: sources[2].id: warning: source 'FR3' is never cited
            ok: 1 countries, 1 cards, 2 methods, 3 steps, 1 FAQ entries, 3 sources, 1 warning(s)

            """)
    }

    func testValidateOfAMissingFolderFails() {
        let missing = NSTemporaryDirectory() + "cardguide-no-such-folder-\(UUID().uuidString)"
        guard let run = CoreFixture.run(["validate", "--content", missing]) else { return }
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(
            run.out, "\(missing): cannot read the content folder\n1 problem(s) in \(missing)\n")
    }

    // MARK: list

    func testListShowsEveryCardAndMethodInBothLanguages() throws {
        let pack = try XCTUnwrap(ContentLoader.load(directory: CoreFixture.bundledContent).pack)
        var outputs: [Language: String] = [:]
        for language in Language.allCases {
            guard let run = CoreFixture.run(["list", "--lang", language.rawValue]) else { return }
            XCTAssertEqual(run.status, 0, run.err)
            XCTAssertEqual(run.err, "")
            outputs[language] = run.out
            for country in pack.countries {
                XCTAssertTrue(
                    run.out.contains("\(country.name[language]) [\(country.id)]\n"),
                    "\(language): country \(country.id)")
            }
            for card in pack.cards {
                XCTAssertTrue(
                    run.out.contains("  \(card.name[language]) [\(card.id)]: "),
                    "\(language): card \(card.id)")
                for method in card.methods {
                    XCTAssertTrue(
                        run.out.contains("    - \(method.name[language]) [\(method.id)]: "),
                        "\(language): method \(method.id)")
                }
            }
            let methods = pack.cards.flatMap(\.methods).count
            // One line of official contacts per country that has them.
            let contactLines = pack.countries.filter { country in
                !pack.contacts(forCountry: country.id).isEmpty
            }.count
            let lines = pack.countries.count + pack.cards.count + methods + contactLines
            XCTAssertEqual(run.out.split(separator: "\n").count, lines)
            let chinaLine =
                language == .zh
                ? "  官方联系方式：12333; 12393" : "  Official contacts: 12333; 12393"
            XCTAssertTrue(run.out.contains(chinaLine))
        }
        XCTAssertNotEqual(outputs[.zh], outputs[.en])
        guard let plain = CoreFixture.run(["list"]) else { return }
        XCTAssertEqual(plain.out, outputs[.zh], "Chinese is the default")
    }

    func testListOfTheMiniPack() {
        let folder = CoreFixture.Folder()
        folder.write(MiniPack.bytes(MiniPack.files))
        guard let zh = CoreFixture.run(["list", "--content", folder.path, "--lang", "zh"]),
            let en = CoreFixture.run(["list", "--content", folder.path, "--lang", "en"])
        else { return }
        XCTAssertEqual(
            zh.out,
            """
            法国 [fr]
              医保卡 [fr-vitale]: 2 种办理方式, 1 条常见问题
                - 邮寄申请 [fr-vitale-post]: 2 步
                - 网上申请 [fr-vitale-online]: 1 步

            """)
        XCTAssertEqual(
            en.out,
            """
            France [fr]
              Carte Vitale [fr-vitale]: 2 methods, 1 FAQ
                - Apply by post [fr-vitale-post]: 2 steps
                - Apply online [fr-vitale-online]: 1 step

            """)
    }

    func testListRejectsAnUnknownLanguage() {
        guard let run = CoreFixture.run(["list", "--lang", "xx"]) else { return }
        XCTAssertNotEqual(run.status, 0)
        XCTAssertEqual(run.out, "")
        XCTAssertTrue(run.err.contains("'xx'") && run.err.contains("--lang"), run.err)
    }

    func testListOfABrokenPackFailsWithTheProblemsOnStderr() {
        let folder = CoreFixture.Folder()
        folder.write(
            MiniPack.bytes(
                MiniPack.card(
                    replacing: #""sources": ["FR1", "FR2"]"#, with: #""sources": ["FR1", "FR9"]"#)))
        guard let run = CoreFixture.run(["list", "--content", folder.path]) else { return }
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.out, "")
        XCTAssertTrue(
            run.err.hasPrefix(
                "fr.json: cards[0].methods[0].steps[1].sources[1]: unknown source 'FR9'\n"), run.err
        )
        XCTAssertTrue(
            run.err.contains("run 'cardguide validate --content \(folder.path)'"), run.err)
    }

    // MARK: show, --help, --version

    /// Every step of a method as plain text: the line mode for screen readers and terminals
    /// that cannot move the cursor.
    func testShowPrintsEveryStepOfAMethod() throws {
        let folder = CoreFixture.Folder()
        folder.write(MiniPack.bytes(MiniPack.files))
        guard
            let run = CoreFixture.run([
                "show", "fr-vitale-post", "--lang", "en", "--content", folder.path,
            ])
        else { return }
        XCTAssertEqual(run.status, 0, run.err)
        for text in [
            "France > Carte Vitale > Apply by post", "1. Fill in the form", "Fill in form S1106.",
            "- Passport", "2. Wait", "- Photo (An ID photo)", "Varies: It differs by CPAM.",
            "Sources: FR1, FR2",
        ] {
            XCTAssertTrue(run.out.contains(text), "show lacks '\(text)':\n\(run.out)")
        }
        XCTAssertFalse(run.out.contains("[ ]"), "show prints no progress:\n\(run.out)")
        guard let zh = CoreFixture.run(["show", "fr-vitale-post", "--content", folder.path]) else {
            return
        }
        XCTAssertTrue(zh.out.contains("1. 填表") && zh.out.contains("照片（证件照）"), zh.out)
    }

    func testShowOfAnUnknownMethodListsTheMethods() {
        let folder = CoreFixture.Folder()
        folder.write(MiniPack.bytes(MiniPack.files))
        guard let run = CoreFixture.run(["show", "nope", "--content", folder.path]) else { return }
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.out, "")
        XCTAssertTrue(
            run.err.contains("no method 'nope'") && run.err.contains("fr-vitale-online"), run.err)
    }

    /// The guide is the default command: `--help` shows its options too; `--version` works.
    func testHelpShowsTheGuidesOptionsAndVersionWorks() {
        guard let help = CoreFixture.run(["--help"]), let version = CoreFixture.run(["--version"])
        else { return }
        XCTAssertEqual(help.status, 0)
        for text in [
            "SUBCOMMANDS:", "show", "USAGE: cardguide run", "--lang", "--kiosk", "--no-mouse",
            "--plain",
        ] {
            XCTAssertTrue(help.out.contains(text), "--help lacks '\(text)':\n\(help.out)")
        }
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.out.hasPrefix("cardguide "), version.out)
    }
}

/// Issue 13, point 7: a save past the file size limit (`ulimit -f`) killed the program with
/// SIGXFSZ. It is a failed save now: reported, exit status 1, the old file intact.
final class FileSizeLimitTests: XCTestCase {
    func testASaveOverTheFileSizeLimitFailsCleanly() throws {
        let binary = try XCTUnwrap(CoreFixture.binary("cardguide-save-loop"))
        let folder = TemporaryFolder()
        let path = folder.file("session.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let script = "ulimit -f 0; exec \"$0\" --session \"$1\" --count 3"
        process.arguments = ["-c", script, binary, path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        let text = String(decoding: data, as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(
            process.terminationReason, .exit,
            "killed by signal \(process.terminationStatus)")
        XCTAssertEqual(process.terminationStatus, 1, text)
        XCTAssertTrue(text.contains("File too large"), text)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(names.filter { $0.contains("tmp") }, [])
    }
}

/// Issue 13, point 5: `export` of a FIFO blocked forever, of a link to /dev/zero grew without
/// end. Both are refused at once with a clear message.
final class ExportNonFileTests: XCTestCase {
    func testExportRefusesAFIFOAndADevice() throws {
        let folder = TemporaryFolder()
        let fifo = folder.file("fifo.json")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let zero = folder.file("zero.json")
        try FileManager.default.createSymbolicLink(atPath: zero, withDestinationPath: "/dev/zero")
        for path in [fifo, zero] {
            let run = CoreFixture.run(["export", "--session", path], timeout: 20)
            guard let result = run else { continue }
            XCTAssertEqual(result.status, 1, result.err)
            XCTAssertTrue(result.err.contains("read: not a regular file"), result.err)
            XCTAssertEqual(result.out, "")
        }
    }
}
