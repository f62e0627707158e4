import XCTest

@testable import CardGuideCore

/// Issue 12: the visitor sheet and the text helpers it prints with.
final class VisitorSheetTests: XCTestCase {
    private var pack: ContentPack { CoreFixture.shipped.pack! }

    private func sheet(
        _ methodID: String, _ language: Language = .en, bilingual: Bool = false,
        pack: ContentPack? = nil
    ) throws -> String {
        let pack = pack ?? self.pack
        let card = try XCTUnwrap(pack.cards.first { $0.method(methodID) != nil })
        return try XCTUnwrap(
            VisitorSheet.render(
                cardID: card.id, methodID: methodID, pack: pack, language: language,
                bilingual: bilingual))
    }

    func testEveryStepWithItsInstructionBoxesAndPlace() throws {
        let text = try sheet("de-egk-online")
        let method = try XCTUnwrap(pack.card("de-egk")?.method("de-egk-online"))
        for (n, step) in method.steps.enumerated() {
            XCTAssertTrue(
                text.contains("[ ] \(n + 1). \(step.title.en)"), "step \(n + 1) missing:\n\(text)")
            let lead = LeadSentences.of(step.body.en, count: 1)
            XCTAssertTrue(
                text.replacingOccurrences(of: "\n       ", with: " ").contains(lead),
                "no instruction: \(lead)")
            for material in step.bring {
                XCTAssertTrue(text.contains("[ ] " + material.name.en), material.name.en)
            }
            if let place = step.where {
                XCTAssertTrue(text.contains("Where: " + place.en), place.en)
            }
        }
        XCTAssertTrue(
            text.hasPrefix(
                "CardGuide: Health card (eGK) > Join online and get the card\nGermany\n"), text)
    }

    func testOnlyTheCardsCountrysSafetyRulesWithTheirNumbers() throws {
        let french = try sheet("fr-vitale-worker")
        XCTAssertTrue(french.contains("Safety rules (France)"))
        let own = pack.safetyRules(forCountry: "fr")
        XCTAssertFalse(own.isEmpty)
        for rule in own {
            XCTAssertTrue(french.contains("\n  \(rule.id)  \(rule.title.en)"), "\(rule.id) missing")
        }
        for rule in pack.safety where !rule.applies(toCountry: "fr") {
            XCTAssertFalse(french.contains("\n  \(rule.id)  "), "\(rule.id) is not France's")
        }
    }

    func testSourcesNumberedOfficialFirstAndCitedByNumber() throws {
        let text = try sheet("fr-vitale-replace")
        let list = try XCTUnwrap(text.components(separatedBy: "Sources (official first)\n").last)
        let entries = list.split(separator: "\n").filter { $0.hasPrefix("  [") }
        XCTAssertTrue(entries.first?.hasPrefix("  [1] https://") ?? false, "\(entries)")
        let servicePublic = "https://www.service-public.fr/particuliers/vosdroits/F11616?lang=en"
        XCTAssertTrue(entries.contains("  [2] " + servicePublic), "\(entries)")
        XCTAssertTrue(entries.last?.contains("(media)") ?? false, "\(entries)")
        // A kind never comes before a better one.
        let ranks = entries.map {
            $0.contains("(low confidence)") ? 2 : $0.contains("(media)") ? 1 : 0
        }
        XCTAssertEqual(ranks, ranks.sorted())
        XCTAssertTrue(text.contains("[1]\n") || text.contains(" [1]"), "no step cites [1]")
    }

    func testLinesFitThePageAndTypicalMethodsFitOnePage() throws {
        for methodID in [
            "cn-card-branch", "cn-ecard-wechat", "de-eid-app", "fr-vitale-replace",
            "fr-vitale-app-fi",
        ] {
            for language in Language.allCases {
                let lines = try sheet(methodID, language).split(
                    separator: "\n", omittingEmptySubsequences: false)
                XCTAssertLessThanOrEqual(
                    lines.count, 74, "\(methodID) \(language): \(lines.count) lines")
                for line in lines {
                    XCTAssertLessThanOrEqual(
                        DisplayWidth.of(String(line)), VisitorSheet.width, String(line))
                }
            }
        }
    }

    func testBilingualShowsTheOtherLanguageBeneathEachText() throws {
        let text = try sheet("cn-card-branch", .zh, bilingual: true)
        let lines = text.split(separator: "\n").map(String.init)
        let title = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("[ ] 1. ") })
        XCTAssertEqual(
            lines[title + 1].trimmingCharacters(in: .whitespaces),
            pack.card("cn-card")?.method("cn-card-branch")?.steps[0].title.en)
        XCTAssertTrue(lines.contains("Safety rules (China)"))
        XCTAssertTrue(lines.contains("安全须知（中国）"))
        let rule = try XCTUnwrap(pack.safetyRules(forCountry: "cn").first)
        let hang = String(repeating: " ", count: 2 + rule.id.count + 2)
        let pair = "\n  \(rule.id)  \(rule.title.zh)\n\(hang)\(rule.title.en)\n"
        XCTAssertTrue(text.contains(pair), text)
        XCTAssertFalse(
            try sheet("cn-card-branch", .zh).contains(rule.title.en),
            "English without --bilingual")
    }

    /// The country's official contacts, one line each, in both languages when bilingual.
    func testContactsOneLineEach() throws {
        let contacts = [
            OfficialContact(
                name: Localized(zh: "医保热线", en: "Health insurance line"),
                value: Localized(zh: "36 46", en: "36 46"),
                hours: Localized(zh: "周一至周五", en: "Mon-Fri")),
            OfficialContact(
                name: Localized(zh: "医保网站", en: "Health insurance site"),
                value: Localized(zh: "www.ameli.fr", en: "www.ameli.fr"),
                address: "https://www.ameli.fr"),
        ]
        let card = try XCTUnwrap(pack.card("fr-vitale"))
        let text = try XCTUnwrap(
            VisitorSheet.render(
                cardID: card.id, methodID: "fr-vitale-replace", pack: pack,
                language: .zh, bilingual: true, contacts: contacts))
        XCTAssertTrue(
            text.contains("\n  - 医保热线：36 46（周一至周五）\n    Health insurance line: 36 46 (Mon-Fri)\n"),
            text)
        XCTAssertTrue(text.contains("\n  - 医保网站：www.ameli.fr\n"), text)
    }

    func testNoProgressEverOnTheSheet() throws {
        let text = try sheet("fr-vitale-worker", .zh)
        XCTAssertFalse(text.contains("[x]") || text.contains("[~]") || text.contains("当前"), text)
    }

    /// `cardguide export --sheet` prints the same sheet, needing no saved progress with --method.
    func testExportSheetCommand() throws {
        let session = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cg-sheet-\(getpid()).json"
        ).path
        guard
            let run = CoreFixture.run([
                "export", "--sheet", "--method", "de-eid-app", "--lang", "en",
                "--session", session,
            ])
        else { return }
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertEqual(run.out, try sheet("de-eid-app"))
        guard
            let bilingual = CoreFixture.run([
                "export", "--sheet", "--method", "de-eid-app", "--bilingual",
                "--session", session,
            ])
        else { return }
        XCTAssertEqual(bilingual.out, try sheet("de-eid-app", .zh, bilingual: true))
        guard
            let unknown = CoreFixture.run([
                "export", "--sheet", "--method", "nope", "--session", session,
            ])
        else { return }
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.err.contains("no method nope"), unknown.err)
    }

    // MARK: Helpers

    func testAddressesBreakAfterSlashesOnly() {
        let address =
            "https://www.bergische-krankenkasse.de/leistungen-service/leistungen/a-bis-z/"
            + "onlinezugangsgesetz/x"
        let lines = AddressWrap.lines(address, width: 40)
        XCTAssertEqual(lines.joined(), address)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 40 }, "\(lines)")
        XCTAssertTrue(lines.dropLast().allSatisfy { $0.hasSuffix("/") }, "\(lines)")
        XCTAssertEqual(AddressWrap.lines("https://a.fr/", width: 40), ["https://a.fr/"])
        // A part longer than the line is cut, nothing is lost.
        let long = "https://example.org/" + String(repeating: "a", count: 50)
        XCTAssertEqual(AddressWrap.lines(long, width: 20).joined(), long)
        XCTAssertEqual(
            AddressWrap.parts("https://a.b/c?d=e"), ["https://", "a.b/", "c?", "d=", "e"])
    }

    func testLeadSentences() {
        XCTAssertEqual(LeadSentences.of("One. Two. Three."), "One. Two.")
        XCTAssertEqual(LeadSentences.of("Costs 3.5 euros. Then go.", count: 1), "Costs 3.5 euros.")
        XCTAssertEqual(LeadSentences.of("第一句。第二句！第三句。"), "第一句。第二句！")
        XCTAssertEqual(LeadSentences.of("问一句：「开通了吗？」然后走。第三句。", count: 1), "问一句：「开通了吗？」")
        XCTAssertEqual(
            LeadSentences.of("Report it:\n- online;\n- by phone."), "Report it: online; by phone.")
        XCTAssertEqual(LeadSentences.of("请报失：\n- 网上；\n- 电话。"), "请报失：网上；电话。")
        XCTAssertEqual(LeadSentences.of("First paragraph.\nSecond paragraph."), "First paragraph.")
    }
}
