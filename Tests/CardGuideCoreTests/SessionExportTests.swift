import Foundation
import XCTest

@testable import CardGuideCore
@testable import CardGuideStorage

/// The export for the record: the content of each format and language, not just "non-empty".
final class SessionExportTests: XCTestCase {
    let pack = SamplePack.pack
    let utc: (Date) -> Int = { _ in 0 }

    func render(
        _ language: Language, _ format: ChecklistExport.Format, safety: Bool = false,
        checklists: [Checklist] = [SamplePack.onlineChecklist()]
    ) -> String {
        ChecklistExport.render(
            checklists, pack: pack, language: language, format: format, safety: safety,
            utcOffset: utc)
    }

    func testMarkdownInEnglish() {
        let out = render(.en, .markdown)
        let expected = """
            # CardGuide progress record

            Legend: steps [x] done, [~] in progress, [ ] not started; materials [x] ready, [ ] still missing.

            ---

            ## France > Carte Vitale > Apply online

            Progress: step 2 of 3 (1 done); 2 of 3 materials ready.
            Started 2025-01-01, last changed 2025-01-02.

            ### Steps

            - [x] 1. Open an ameli account
              - Bring:
                - [x] Passport (the original)
                - [ ] ID photo
              - Where: Online
              - How long: About 15 minutes
              - Sources: FR1
            - [~] 2. Send the application form (current step)
              - Bring:
                - [x] Bank details (RIB)
              - Where: Your département's CPAM office
              - Varies: Each CPAM asks for different papers.
              - Sources: FR1, FR2
            - [ ] 3. Wait for the card
              - How long: 2 to 4 weeks
              - Varies: The rules differ by place or office; check locally.
              - Sources: FR2 (no official source)

            ### Still missing

            - [ ] ID photo (step 1: Open an ameli account)

            ### Sources cited

            - [FR1] Assurance Maladie: asking for a carte Vitale (official)
              <https://www.ameli.fr/assure/droits-demarches/europe-international/protection-sociale-france/ne-etranger-demander-numero-securite-sociale>
            - [FR2] An unofficial site (low reliability, for reference only)
              <http://www.cpam-info.fr/>

            """
        XCTAssertEqual(out, expected)
    }

    /// A hand-out ends its checklist with the official contacts of the checklist's country.
    func testContactsOfTheCountryFollowTheChecklist() {
        var pack = SamplePack.pack
        let l = SamplePack.l
        pack.contacts = [
            Contact(
                id: "fr-3646", countryIDs: ["fr"], kind: .phone,
                name: l("医保局电话", "Assurance Maladie line"), value: l("36 46", "36 46"),
                purpose: l("问医保", "Health insurance questions"),
                hours: l("工作日", "Working days"), sources: ["FR1"]),
            Contact(
                id: "de-115", countryIDs: ["de"], kind: .phone,
                name: l("政府热线", "Public-service number"), value: l("115", "115"),
                purpose: l("行政问题", "Administration"), hours: nil, sources: ["FR1"]),
        ]
        let out = ChecklistExport.render(
            [SamplePack.onlineChecklist()], pack: pack, language: .en,
            format: .markdown, safety: false, utcOffset: utc)
        let expected =
            "### Official contacts: France\n\n- 36 46  Assurance Maladie line\n"
            + "  - Health insurance questions\n  - Hours: Working days\n  - Sources: FR1\n"
        XCTAssertTrue(out.contains(expected), out)
        XCTAssertFalse(out.contains("115"), "another country's contacts stay out")
    }

    func testPlainTextInChineseIsWrappedAndHasNoMarkdown() {
        let out = render(.zh, .text)
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(
            Array(lines.prefix(3)),
            ["CardGuide 进度记录", "", "图例：步骤 [x] 已完成，[~] 进行中，[ ] 未开始；材料 [x] 已备好，[ ] 还缺。"])
        XCTAssertTrue(lines.contains("法国 > Carte Vitale 医保卡 > 网上申请"))
        XCTAssertTrue(lines.contains("进度：第 2 步，共 3 步（已完成 1 步）；材料已备好 2 / 3 件。"))
        XCTAssertTrue(lines.contains("[x] 1. 开通 ameli 账户"))
        XCTAssertTrue(lines.contains("    需要带："))
        XCTAssertTrue(lines.contains("        [x] 护照（原件）"))
        XCTAssertTrue(lines.contains("        [ ] 证件照"))
        XCTAssertTrue(lines.contains("[~] 2. 寄出申请表（当前步骤）"))
        XCTAssertTrue(lines.contains("    因地而异：各省 CPAM 要求不同。"))
        XCTAssertTrue(lines.contains("[ ] 证件照（第 1 步：开通 ameli 账户）"))
        XCTAssertTrue(lines.contains("[FR2] 非官方网站（可信度低，仅供参考）"))
        XCTAssertTrue(lines.contains("    http://www.cpam-info.fr/"))
        for line in lines {
            XCTAssertFalse(
                line.hasPrefix("#") || line.contains("**") || line.hasPrefix("- ")
                    || line.contains("<http"),
                "Markdown syntax in plain text: \(line)")
            let isURL = line.trimmingCharacters(in: .whitespaces).hasPrefix("http")
            XCTAssertTrue(isURL || DisplayWidth.of(line) <= 78, "wider than 78 columns: \(line)")
            XCTAssertFalse(line.hasSuffix(" "), "trailing space: [\(line)]")
        }
    }

    func testPlainTextWrapsLongLinesUnderTheirText() {
        var pack = self.pack
        pack.cards[0].methods[0].steps[1].variesNote = Localized(
            zh: String(repeating: "各省医保局的要求各不相同，", count: 8),
            en: String(repeating: "Each office asks for different papers. ", count: 6))
        let en = ChecklistExport.render(
            [SamplePack.onlineChecklist()], pack: pack, language: .en, format: .text,
            safety: false, utcOffset: utc)
        let enLines = en.split(separator: "\n").map(String.init)
        let start = enLines.firstIndex { $0.hasPrefix("    Varies: Each office") }!
        XCTAssertTrue(
            enLines[start + 1].hasPrefix("        ") && !enLines[start + 1].hasPrefix("         "),
            "continuation lines hang four columns in: \(enLines[start + 1])")
        XCTAssertTrue(
            enLines[start + 1].contains("Each office")
                || enLines[start + 1].contains("different papers"))
        let zh = ChecklistExport.render(
            [SamplePack.onlineChecklist()], pack: pack, language: .zh, format: .text,
            safety: false, utcOffset: utc)
        for line in (en + zh).split(separator: "\n") where !line.contains("http") {
            XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), 78, String(line))
        }
        let zhLines = zh.split(separator: "\n").map(String.init)
        let zhStart = zhLines.firstIndex { $0.hasPrefix("    因地而异：各省") }!
        XCTAssertTrue(
            zhLines[zhStart + 1].hasPrefix("        ")
                && !zhLines[zhStart + 1].hasPrefix("         ")
                && zhLines[zhStart + 1].contains("各"),
            "CJK continuation: \(zhLines[zhStart + 1])")
        XCTAssertGreaterThan(
            DisplayWidth.of(zhLines[zhStart]), 70, "CJK lines are filled, not cut early")
    }

    func testMarkdownInChineseAndTheLegendOfBoxes() {
        let out = render(.zh, .markdown)
        XCTAssertTrue(out.hasPrefix("# CardGuide 进度记录\n"))
        XCTAssertTrue(out.contains("## 法国 > Carte Vitale 医保卡 > 网上申请\n"))
        XCTAssertTrue(out.contains("- [~] 2. 寄出申请表（当前步骤）\n"))
        XCTAssertTrue(out.contains("  - 所需时间：约 15 分钟\n"))
        XCTAssertTrue(out.contains("### 还缺的材料\n\n- [ ] 证件照（第 1 步：开通 ameli 账户）\n"))
        XCTAssertTrue(out.contains("开始于 2025-01-01，最近更改 2025-01-02。"))
        XCTAssertFalse(out.contains("安全须知"), "no safety rules unless asked")
        XCTAssertEqual(ChecklistExport.box(.done), "[x]")
        XCTAssertEqual(ChecklistExport.box(.inProgress), "[~]")
        XCTAssertEqual(ChecklistExport.box(.notStarted), "[ ]")
    }

    func testSafetyRulesWhenAsked() {
        let md = render(.en, .markdown, safety: true)
        XCTAssertTrue(
            md.contains(
                "## Safety rules\n\n### Keep your PINs to yourself\n\nNever give them to anyone:\n- PINs\n- SMS codes\n\n- [FR2] An unofficial site"
            ), md)
        let text = render(.zh, .text, safety: true)
        XCTAssertTrue(text.contains("安全须知\n\n密码只留给自己\n\n谁来要都不给：\n- PIN 码\n- 短信验证码\n"), text)
        // Without a checklist, every rule, after the title and the legend.
        let rulesOnly = ChecklistExport.render(
            [], pack: pack, language: .en, format: .text, safety: true, utcOffset: utc)
        XCTAssertTrue(
            rulesOnly.hasSuffix(
                "\n\nSafety rules\n\nKeep your PINs to yourself\n\nNever give them to anyone:\n- PINs\n- SMS codes\n\n[FR2] An unofficial site (low reliability, for reference only)\n    http://www.cpam-info.fr/\n"
            ), rulesOnly)
    }

    func testEverythingReadyAndSeveralChecklists() {
        var done = SamplePack.onlineChecklist()
        done.ticked = ["passport", "photo", "rib"]
        let post = Checklist(
            countryID: "fr", cardID: "vitale", method: SamplePack.post, now: SamplePack.day1,
            contentFingerprint: "x")
        let out = render(.en, .text, checklists: [done, post])
        XCTAssertTrue(out.contains("Still missing\n\nNothing: every material is ready.\n"), out)
        XCTAssertTrue(
            out.contains(
                "France > Carte Vitale > Apply by post\n\nProgress: step 1 of 1 (0 done); 0 of 1 materials ready."
            ))
        XCTAssertEqual(
            out.components(separatedBy: String(repeating: "=", count: 78)).count, 3,
            "one rule before each checklist")
        XCTAssertLessThan(
            out.range(of: "Apply online")!.lowerBound, out.range(of: "Apply by post")!.lowerBound,
            "given order kept")
    }

    func testNoChecklistsAndGoneContent() {
        XCTAssertTrue(render(.en, .text, checklists: []).contains("No checklist started yet."))
        var gone = SamplePack.onlineChecklist()
        gone.cardID = "old"
        XCTAssertTrue(
            render(.zh, .markdown, checklists: [gone]).contains("这份清单对应的内容已不在指南中（卡 old，方式 online）。")
        )
    }

    // MARK: The command

    func testExportCommandReadsTheSessionOrSaysThereIsNone() throws {
        let folder = TemporaryFolder()
        let path = folder.file("session.json")
        let content = try writeFixturePack(in: folder)
        guard let missing = CoreFixture.run(["export", "--content", content, "--session", path])
        else {
            return XCTFail("the cardguide executable was not found beside the test bundle")
        }
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.err.contains("no progress saved yet at \(path)"), missing.err)

        let (store, _) = SessionStore.open(path: path)
        var checklist = SamplePack.onlineChecklist()
        checklist.ticked.insert("gone-material") // content changed since: reported on stderr
        XCTAssertNil(store.save(SessionFile(language: .en, checklists: [checklist])))
        let before = bytes(at: path)

        let text = try XCTUnwrap(
            CoreFixture.run(["export", "--content", content, "--session", path, "--format", "text"])
        )
        XCTAssertEqual(text.status, 0, text.err)
        XCTAssertEqual(
            text.out,
            render(.en, .text).replacingOccurrences(of: "2025-01-02", with: day(SamplePack.day2))
                .replacingOccurrences(of: "2025-01-01", with: day(SamplePack.day1)))
        XCTAssertTrue(text.err.contains("1 ticked material(s) (gone-material)"), text.err)
        let zh = try XCTUnwrap(
            CoreFixture.run([
                "export", "--content", content, "--session", path, "--lang", "zh", "--safety",
            ]))
        XCTAssertTrue(zh.out.contains("## 法国 > Carte Vitale 医保卡 > 网上申请\n"), zh.out)
        XCTAssertTrue(zh.out.contains("## 安全须知"), zh.out)
        XCTAssertEqual(
            bytes(at: path), before, "export reads only, even while the guide holds the lock")

        let both = try XCTUnwrap(
            CoreFixture.run(["export", "--content", content, "--session", path, "--profile", "x"]))
        XCTAssertNotEqual(both.status, 0)
        XCTAssertTrue(both.err.contains("--profile"), both.err)
        store.close()
    }

    /// The export command formats dates in the local time zone.
    private func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    /// `SamplePack` as content files, so the command test does not depend on the shipped pack.
    private func writeFixturePack(in folder: TemporaryFolder) throws -> String {
        let dir = folder.file("content")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        func l(_ text: Localized) -> String {
            String(
                decoding: JSONWriter.pretty(
                    .object([("en", .string(text.en)), ("zh", .string(text.zh))])), as: UTF8.self)
        }
        func material(_ m: Material) -> String {
            "{\"id\": \"\(m.id)\", \"name\": \(l(m.name))"
                + (m.note.map { ", \"note\": \(l($0))" } ?? "") + "}"
        }
        func step(_ s: Step) -> String {
            var fields = [
                "\"id\": \"\(s.id)\"", "\"title\": \(l(s.title))", "\"body\": \(l(s.body))",
                "\"bring\": [\(s.bring.map(material).joined(separator: ", "))]",
                "\"sources\": [\((s.sources.isEmpty ? ["FR1"] : s.sources).map { "\"\($0)\"" }.joined(separator: ", "))]",
                "\"varies\": \(s.varies)",
            ]
            if let w = s.where { fields.append("\"where\": \(l(w))") }
            if let d = s.duration { fields.append("\"duration\": \(l(d))") }
            if let v = s.variesNote { fields.append("\"variesNote\": \(l(v))") }
            return "{" + fields.joined(separator: ", ") + "}"
        }
        func method(_ m: Method) -> String {
            "{\"id\": \"\(m.id)\", \"name\": \(l(m.name)), \"summary\": \(l(m.name)), \"suits\": \(l(m.name)), "
                + "\"steps\": [\(m.steps.map(step).joined(separator: ", "))]}"
        }
        let pack = SamplePack.pack
        let card = SamplePack.card
        let sources = pack.sources.map {
            "{\"id\": \"\($0.id)\", \"kind\": \"\($0.kind.rawValue)\", \"title\": \(l($0.title)), \"url\": \"\($0.url)\"}"
        }
        let safety = pack.safety.map {
            "{\"id\": \"\($0.id)\", \"title\": \(l($0.title)), \"body\": \(l($0.body)), \"sources\": [\"FR2\"]}"
        }
        write(
            "{\"schemaVersion\": 1, \"countries\": [{\"id\": \"fr\", \"name\": \(l(pack.countries[0].name)), \"summary\": \(l(pack.countries[0].name))}], "
                + "\"safety\": [\(safety.joined(separator: ", "))]}", to: dir + "/shared.json")
        write(
            "{\"schemaVersion\": 1, \"country\": \"fr\", \"sources\": [\(sources.joined(separator: ", "))], \"cards\": [{"
                + "\"id\": \"vitale\", \"name\": \(l(card.name)), \"summary\": \(l(card.name)), \"issuer\": \(l(card.name)), "
                + "\"activation\": \(l(card.name)), \"methods\": [\(card.methods.map(method).joined(separator: ", "))], "
                + "\"cautions\": [], \"faq\": [], \"comparisons\": []}]}", to: dir + "/fr.json")
        let check = try XCTUnwrap(CoreFixture.run(["validate", "--content", dir]))
        XCTAssertEqual(check.status, 0, "fixture pack invalid: \(check.out)")
        return dir
    }
}
