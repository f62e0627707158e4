import XCTest

@testable import CardGuideCore
@testable import CardGuideStorage

/// One test per validation rule, each with the exact lines `cardguide validate` prints.
/// Every pack is loaded twice, from memory (`load(files:)`) and from a temporary folder
/// (`load(directory:)`), and both must report the same lines.
final class ContentValidationTests: XCTestCase {
    private let deny = "the source articles' advertising must never be shown"
    private let linkRule =
        "link outside the source table: put the address in a source and cite its ID"

    // MARK: The valid pack

    func testTheValidPackHasNoIssue() throws {
        let result = try XCTUnwrap(assertIssues(MiniPack.files, []))
        XCTAssertTrue(result.isValid)
        let pack = try XCTUnwrap(result.pack)
        XCTAssertEqual(pack.countries.map(\.id), ["fr"])
        XCTAssertEqual(pack.sources.map(\.id), ["FR1", "FR2"])
        XCTAssertEqual(pack.sources.map(\.kind), [.official, .media])
        XCTAssertEqual(pack.safety.map(\.sources), [["FR1"]])
        let card = try XCTUnwrap(pack.card("fr-vitale"))
        XCTAssertEqual(card.countryID, "fr")
        XCTAssertEqual(card.name, Localized(zh: "医保卡", en: "Carte Vitale"))
        XCTAssertEqual(card.methods.map(\.id), ["fr-vitale-post", "fr-vitale-online"])
        let post = try XCTUnwrap(card.method("fr-vitale-post"))
        XCTAssertEqual(post.steps.map(\.id), ["fr-vitale-post-form", "fr-vitale-post-wait"])
        XCTAssertEqual(post.materials.map(\.id), ["passport", "photo"])
        XCTAssertEqual(post.materials[1].note, Localized(zh: "证件照", en: "An ID photo"))
        XCTAssertNil(post.materials[0].note)
        XCTAssertEqual(post.steps.map(\.varies), [false, true])
        XCTAssertEqual(post.steps[1].variesNote?.en, "It differs by CPAM.")
        XCTAssertEqual(post.steps[1].sources, ["FR1", "FR2"])
        XCTAssertEqual(card.cautions.map(\.kind), [.fraud])
        XCTAssertEqual(card.faq.first?.keywords(.zh), ["多久"])
        XCTAssertEqual(card.faq.first?.keywords(.en), ["how long"])
        XCTAssertEqual(card.comparisons.first?.methods, ["fr-vitale-post", "fr-vitale-online"])
        XCTAssertEqual(card.comparisons.first?.rows.first?.cells.count, 2)
    }

    func testFingerprintFollowsTheBytes() throws {
        let a = try XCTUnwrap(load(MiniPack.files).pack?.fingerprint)
        XCTAssertEqual(a, load(MiniPack.files).pack?.fingerprint)
        XCTAssertEqual(a.count, 16)
        XCTAssertTrue(a.allSatisfy(\.isHexDigit), a)
        let changed = MiniPack.card(replacing: "About two weeks.", with: "About 2 weeks.")
        XCTAssertNotEqual(a, load(changed).pack?.fingerprint)
    }

    // MARK: Texts

    func testMissingTranslation() {
        assertIssues(
            MiniPack.card(
                replacing: #""answer": { "zh": "大约两周。", "en": "About two weeks." }"#,
                with: #""answer": { "zh": "大约两周。" }"#),
            ["fr.json: cards[0].faq[0].answer.en: missing"])
        assertIssues(
            MiniPack.card(
                replacing: #""title": { "zh": "等待", "en": "Wait" }"#,
                with: #""title": { "en": "Wait" }"#),
            ["fr.json: cards[0].methods[0].steps[1].title.zh: missing"])
    }

    func testMissingLocalizedField() {
        // Only the missing field is reported: the comparison still knows the incomplete method.
        assertIssues(
            MiniPack.card(
                replacing: #""suits": { "zh": "有账户的人", "en": "People with an account" },"#, with: ""
            ),
            ["fr.json: cards[0].methods[1].suits: missing"])
    }

    func testEmptyText() {
        assertIssues(
            MiniPack.card(replacing: #""en": "Any fee request is a scam.""#, with: #""en": "  ""#),
            ["fr.json: cards[0].cautions[0].body.en: empty"])
        assertIssues(
            MiniPack.card(replacing: #""zh": "填表""#, with: #""zh": """#),
            ["fr.json: cards[0].methods[0].steps[0].title.zh: empty"])
    }

    func testLinkInText() {
        assertIssues(
            MiniPack.card(
                replacing: "Fill in form S1106.",
                with: "Fill in form S1106 from https://www.ameli.fr/s1106."),
            ["fr.json: cards[0].methods[0].steps[0].body.en: \(linkRule)"])
        assertIssues(
            MiniPack.card(replacing: "登录账户后订卡。", with: "登录 www.ameli.fr 后订卡。"),
            ["fr.json: cards[0].methods[1].steps[0].body.zh: \(linkRule)"])
    }

    func testDenyListInText() {
        assertIssues(
            MiniPack.card(
                replacing: "About two weeks.", with: "About two weeks. Faster: t.me/esim1088"),
            ["fr.json: cards[0].faq[0].answer.en: address on the deny list ('t.me/'): \(deny)"])
        assertIssues(
            MiniPack.card(replacing: "大约两周。", with: "大约两周。找 T.ME 上的代办更快。"),
            ["fr.json: cards[0].faq[0].answer.zh: address on the deny list ('t.me'): \(deny)"])
        // Chinese text runs straight into the address: a CJK character is not part of a host name.
        assertIssues(
            MiniPack.card(replacing: "大约两周。", with: "大约两周。想快点请加t.me/seller咨询。"),
            ["fr.json: cards[0].faq[0].answer.zh: address on the deny list ('t.me/'): \(deny)"])
        assertIssues(
            MiniPack.card(
                replacing: #""en": ["how long"]"#, with: #""en": ["how long", "esim1088"]"#),
            [
                "fr.json: cards[0].faq[0].keywords.en[1]: address on the deny list ('esim1088'): \(deny)"
            ])
    }

    func testDenyListInSourceURL() {
        assertIssues(
            MiniPack.card(
                replacing: "https://www.service-public.fr/", with: "https://t.me/esim1088"),
            ["fr.json: sources[1].url: address on the deny list ('t.me/'): \(deny)"])
        assertIssues(
            MiniPack.card(
                replacing: "https://www.service-public.fr/", with: "https://telegram.me/s/seller"),
            ["fr.json: sources[1].url: address on the deny list ('telegram.me'): \(deny)"])
    }

    func testDenyListDoesNotCatchOtherHosts() {
        // Hosts that merely end in "t.me" are not Telegram's t.me.
        assertIssues(
            MiniPack.card(
                replacing: "https://www.service-public.fr/",
                with: "https://www.parlament.me/health/"), [])
        assertIssues(
            MiniPack.card(
                replacing: "Log in and order the card.", with: "Log in at.me and order the card."),
            [])
        // …but a later real t.me address in the same text is still caught.
        assertIssues(
            MiniPack.card(
                replacing: "https://www.service-public.fr/",
                with: "https://www.parlament.me/?via=t.me/seller"),
            ["fr.json: sources[1].url: address on the deny list ('t.me/'): \(deny)"])
    }

    func testAmbiguousPunctuation() {
        assertIssues(
            MiniPack.card(
                replacing: "The French health card", with: "The French health card — free"),
            [
                "fr.json: cards[0].summary.en: character '—' (U+2014) is one column wide in some terminals and two in others: use ASCII or full-width CJK punctuation"
            ])
        assertIssues(
            MiniPack.card(replacing: "等卡寄到。", with: "等卡寄到…"),
            [
                "fr.json: cards[0].methods[0].steps[1].body.zh: character '…' (U+2026) is one column wide in some terminals and two in others: use ASCII or full-width CJK punctuation"
            ])
        assertIssues(
            MiniPack.card(replacing: #""zh": ["多久"]"#, with: #""zh": ["“多久”"]"#),
            [
                "fr.json: cards[0].faq[0].keywords.zh[0]: character '“' (U+201C) is one column wide in some terminals and two in others: use ASCII or full-width CJK punctuation"
            ])
    }

    func testControlCharacterInText() {
        assertIssues(
            MiniPack.card(replacing: "Wait for the card.", with: #"Wait\tfor the card."#),
            [Self.controlIssue("U+0009")])
    }

    private static func controlIssue(_ hex: String) -> String {
        "fr.json: cards[0].methods[0].steps[1].body.en: control character \(hex) in text: "
            + "control, bidi and zero-width characters can change what a terminal shows"
    }

    /// Issue 13, point 8: what C0 rules out can also come as DEL, a C1 control (U+009B is a
    /// CSI), a bidi override or isolate that reverses the text, or a zero-width character.
    func testDELC1BidiAndZeroWidthCharactersAreRejected() {
        for scalar in [
            "\u{7F}", "\u{85}", "\u{9B}", "\u{202E}", "\u{2066}", "\u{200F}", "\u{200B}",
            "\u{FEFF}", "\u{2060}", "\u{061C}",
        ] {
            let escaped = scalar.unicodeScalars.map { String(format: "\\u%04X", $0.value) }.joined()
            let hex = TextRules.hex(scalar.unicodeScalars.first!)
            let pack = MiniPack.card(
                replacing: "Wait for the card.",
                with: "Wait \(escaped)for the card.")
            assertIssues(pack, [Self.controlIssue(hex)])
        }
    }

    // MARK: IDs and references

    func testDuplicateIDsAcrossTwoFiles() {
        let more = """
            {
              "schemaVersion": 1,
              "country": "fr",
              "sources": [ { "id": "FR1", "kind": "low", "title": { "zh": "另一个", "en": "Another" }, "url": "https://example.org/" } ],
              "cards": [
                { "id": "fr-vitale", "name": { "zh": "卡", "en": "Card" }, "summary": { "zh": "摘要", "en": "Summary" },
                  "issuer": { "zh": "CPAM", "en": "CPAM" }, "activation": { "zh": "无", "en": "None" },
                  "methods": [ { "id": "fr-vitale-app", "name": { "zh": "应用", "en": "App" }, "summary": { "zh": "摘要", "en": "Summary" },
                    "suits": { "zh": "所有人", "en": "Everyone" },
                    "steps": [ { "id": "fr-vitale-post-form", "title": { "zh": "下载", "en": "Install" }, "body": { "zh": "下载应用。", "en": "Install the app." },
                      "sources": ["FR1"] } ] } ] }
              ]
            }
            """
        var files = MiniPack.files
        files["more.json"] = more
        assertIssues(
            files,
            [
                "more.json: sources[0].id: duplicate source id 'FR1' (first defined in fr.json at sources[0].id)",
                "more.json: cards[0].id: duplicate card id 'fr-vitale' (first defined in fr.json at cards[0].id)",
                "more.json: cards[0].methods[0].steps[0].id: duplicate step id 'fr-vitale-post-form' (first defined in fr.json at cards[0].methods[0].steps[0].id)",
            ])
    }

    func testDuplicateIDInOneFile() {
        assertIssues(
            MiniPack.card(
                replacing: #""id": "fr-vitale-online-order""#, with: #""id": "fr-vitale-post-form""#
            ),
            [
                "fr.json: cards[0].methods[1].steps[0].id: duplicate step id 'fr-vitale-post-form' (first defined in fr.json at cards[0].methods[0].steps[0].id)"
            ])
        assertIssues(
            MiniPack.card(
                replacing: #""id": "fr-vitale-online","#, with: #""id": "fr-vitale-post","#),
            [
                "fr.json: cards[0].comparisons[0].methods[1]: 'fr-vitale-online' is not a method of this card",
                "fr.json: cards[0].methods[1].id: duplicate method id 'fr-vitale-post' (first defined in fr.json at cards[0].methods[0].id)",
            ])
    }

    func testIDsOfDifferentKindsMayBeEqual() {
        // A FAQ may share its ID with a caution: the kinds are separate namespaces.
        assertIssues(
            MiniPack.card(
                replacing: #""id": "fr-vitale-faq-time""#, with: #""id": "fr-vitale-c-fee""#), [])
    }

    func testDuplicateMaterialInOneMethod() {
        assertIssues(
            MiniPack.card(
                replacing: #""bring": [ { "id": "photo""#, with: #""bring": [ { "id": "passport""#),
            [
                "fr.json: cards[0].methods[0].steps[1].bring[0].id: duplicate material id 'passport' in this method (first at cards[0].methods[0].steps[0].bring[0].id)"
            ])
    }

    func testSameMaterialInTwoMethodsIsFine() {
        assertIssues(
            MiniPack.card(
                replacing: #""sources": ["FR2"] } ]"#,
                with:
                    #""bring": [ { "id": "passport", "name": { "zh": "护照", "en": "Passport" } } ], "sources": ["FR2"] } ]"#
            ), [])
    }

    func testDanglingSource() {
        assertIssues(
            MiniPack.card(
                replacing: #""sources": ["FR1", "FR2"]"#, with: #""sources": ["FR1", "FR9"]"#),
            ["fr.json: cards[0].methods[0].steps[1].sources[1]: unknown source 'FR9'"])
        var files = MiniPack.files
        files["shared.json"] = MiniPack.replacing(
            #""sources": ["FR1"]"#, with: #""sources": ["DE1"]"#, in: MiniPack.shared)
        assertIssues(files, ["shared.json: safety[0].sources[0]: unknown source 'DE1'"])
    }

    func testUncitedSourceIsAWarningOnly() throws {
        let result = try XCTUnwrap(
            assertIssues(
                MiniPack.card(
                    replacing: #""url": "https://www.service-public.fr/" }"#,
                    with:
                        #""url": "https://www.service-public.fr/" }, { "id": "FR3", "kind": "low", "title": { "zh": "没人引用", "en": "Nobody cites it" }, "url": "http://example.org/" }"#
                ),
                ["fr.json: sources[2].id: warning: source 'FR3' is never cited"]))
        XCTAssertTrue(result.isValid)
        XCTAssertEqual(result.errors, [])
    }

    func testUnknownCountry() throws {
        let result = try XCTUnwrap(
            assertIssues(
                MiniPack.card(replacing: #""country": "fr","#, with: #""country": "xx","#),
                [
                    "fr.json: country: unknown country 'xx'",
                    "shared.json: countries[0].id: warning: country 'fr' has no cards yet: its menu will be empty",
                ]))
        XCTAssertFalse(result.isValid)
        XCTAssertEqual(result.errors.count, 1)
    }

    func testSafetyRuleNamesItsCountries() throws {
        let tagged = MiniPack.replacing(
            #""sources": ["FR1"] }"#, with: #""sources": ["FR1"], "countries": ["fr"] }"#,
            in: MiniPack.shared)
        let pack = try XCTUnwrap(
            assertIssues(["shared.json": tagged, "fr.json": MiniPack.card], [])?.pack)
        XCTAssertEqual(pack.safety.first?.countries, ["fr"])
        XCTAssertEqual(pack.safetyRules(forCountry: "fr").map(\.id), ["S1"])
        XCTAssertEqual(pack.safetyRules(forCountry: "de").map(\.id), [])
        let untagged = try XCTUnwrap(assertIssues(MiniPack.files, [])?.pack)
        XCTAssertEqual(
            untagged.safetyRules(forCountry: "de").map(\.id), ["S1"],
            "a rule without countries is for all")
    }

    func testSafetyRuleWithUnknownCountry() {
        let tagged = MiniPack.replacing(
            #""sources": ["FR1"] }"#, with: #""sources": ["FR1"], "countries": ["xx"] }"#,
            in: MiniPack.shared)
        assertIssues(
            ["shared.json": tagged, "fr.json": MiniPack.card],
            [
                "shared.json: safety[0].countries[0]: unknown country 'xx'"
            ])
    }

    func testCardFileWithoutCountry() {
        assertIssues(
            MiniPack.card(replacing: #""country": "fr","#, with: ""),
            [
                "fr.json: country: missing: a file with cards names the country they belong to",
                "shared.json: countries[0].id: warning: country 'fr' has no cards yet: its menu will be empty",
            ])
    }

    func testPackWithoutCountries() {
        assertIssues(
            ["fr.json": MiniPack.card],
            [
                "fr.json: country: unknown country 'fr'",
                "fr.json: the pack defines no country",
            ])
    }

    func testBadID() {
        assertIssues(
            MiniPack.card(replacing: #""id": "fr-vitale-c-fee""#, with: #""id": "fr vitale/fee""#),
            ["fr.json: cards[0].cautions[0].id: IDs use only ASCII letters, digits, '-' and '_'"])
        assertIssues(
            MiniPack.card(replacing: #""id": "fr-vitale-c-fee""#, with: #""id": "费用""#),
            ["fr.json: cards[0].cautions[0].id: IDs use only ASCII letters, digits, '-' and '_'"])
    }

    // MARK: Structure

    func testComparisonColumnNotAMethod() {
        assertIssues(
            MiniPack.card(
                replacing: #""methods": ["fr-vitale-post", "fr-vitale-online"]"#,
                with: #""methods": ["fr-vitale-post", "fr-vitale-app"]"#),
            [
                "fr.json: cards[0].comparisons[0].methods[1]: 'fr-vitale-app' is not a method of this card"
            ])
    }

    func testComparisonColumnOfAnotherCard() {
        var files = MiniPack.files
        files["more.json"] = MiniPack.extraCardFile(
            methods: """
                [ { "id": "fr-extra-m", "name": { "zh": "方法", "en": "Method" }, "summary": { "zh": "摘要", "en": "Summary" },
                    "suits": { "zh": "所有人", "en": "Everyone" },
                    "steps": [ { "id": "fr-extra-s", "title": { "zh": "步骤", "en": "Step" }, "body": { "zh": "正文", "en": "Body" }, "sources": ["FR1"] } ] } ]
                """)
        files["fr.json"] = MiniPack.replacing(
            #""methods": ["fr-vitale-post", "fr-vitale-online"]"#,
            with: #""methods": ["fr-vitale-post", "fr-extra-m"]"#, in: MiniPack.card)
        assertIssues(
            files,
            [
                "fr.json: cards[0].comparisons[0].methods[1]: 'fr-extra-m' is not a method of this card"
            ])
    }

    func testRowCellsCountMismatch() {
        assertIssues(
            MiniPack.card(
                replacing: #", { "zh": "有账户的人", "en": "Account holders" } ]"#, with: " ]"),
            ["fr.json: cards[0].comparisons[0].rows[0].cells: has 1 cells for 2 columns"])
        assertIssues(
            MiniPack.card(
                replacing: #"{ "zh": "有账户的人", "en": "Account holders" } ]"#,
                with:
                    #"{ "zh": "有账户的人", "en": "Account holders" }, { "zh": "多余", "en": "Extra" } ]"#),
            ["fr.json: cards[0].comparisons[0].rows[0].cells: has 3 cells for 2 columns"])
    }

    func testEmptyStepsList() {
        assertIssues(
            MiniPack.card(replacing: MiniPack.onlineSteps, with: "[]"),
            ["fr.json: cards[0].methods[1].steps: empty: at least one entry is needed"])
    }

    func testCardWithoutMethods() {
        var files = MiniPack.files
        files["more.json"] = MiniPack.extraCardFile(methods: "[]")
        assertIssues(files, ["more.json: cards[0].methods: empty: at least one entry is needed"])
        files["more.json"] = MiniPack.extraCardFile(methods: nil)
        assertIssues(files, ["more.json: cards[0].methods: missing"])
    }

    func testStepWithoutSources() {
        assertIssues(
            MiniPack.card(replacing: #""sources": ["FR1", "FR2"]"#, with: #""sources": []"#),
            ["fr.json: cards[0].methods[0].steps[1].sources: empty: at least one entry is needed"])
        assertIssues(
            MiniPack.card(replacing: #", "sources": ["FR2"] } ]"#, with: " } ]"),
            ["fr.json: cards[0].methods[1].steps[0].sources: missing"])
    }

    func testVariesNoteWithoutVaries() {
        assertIssues(
            MiniPack.card(replacing: #""varies": true,"#, with: ""),
            ["fr.json: cards[0].methods[0].steps[1].variesNote: given, but 'varies' is not true"])
    }

    func testUnknownField() {
        assertIssues(
            MiniPack.card(
                replacing: #""title": { "zh": "填表", "en": "Fill in the form" }"#,
                with: #""tilte": { "zh": "填表", "en": "Fill in the form" }"#),
            [
                "fr.json: cards[0].methods[0].steps[0].tilte: unknown field",
                "fr.json: cards[0].methods[0].steps[0].title: missing",
            ])
        assertIssues(
            MiniPack.card(
                replacing: #""answer": { "zh": "大约两周。", "en": "About two weeks." }"#,
                with:
                    #""answer": { "zh": "大约两周。", "en": "About two weeks.", "fr": "Deux semaines." }"#
            ),
            ["fr.json: cards[0].faq[0].answer.fr: unknown field"])
        assertIssues(
            MiniPack.card(replacing: #""country": "fr","#, with: #""country": "fr", "card": [],"#),
            ["fr.json: card: unknown field"])
    }

    func testFieldTwice() {
        assertIssues(
            MiniPack.card(
                replacing: #""activation": { "zh": "不需要激活", "en": "No activation needed" },"#,
                with:
                    #""activation": { "zh": "不需要激活", "en": "No activation needed" }, "activation": { "zh": "二", "en": "Two" },"#
            ),
            ["fr.json: cards[0].activation: field appears twice"])
    }

    func testWrongType() {
        assertIssues(
            MiniPack.card(
                replacing: #""bring": [ { "id": "passport""#,
                with: #""varies": 1, "bring": [ { "id": "passport""#),
            ["fr.json: cards[0].methods[0].steps[0].varies: expected true or false, found a number"]
        )
        assertIssues(
            MiniPack.card(
                replacing: #""answer": { "zh": "大约两周。", "en": "About two weeks." }"#,
                with: #""answer": "About two weeks.""#),
            ["fr.json: cards[0].faq[0].answer: expected an object, found a string"])
        assertIssues(
            MiniPack.card(
                replacing: #""en": "Order online" }"#, with: #""en": ["Order online"] }"#),
            ["fr.json: cards[0].methods[1].steps[0].title.en: expected a string, found an array"])
        assertIssues(
            MiniPack.card(replacing: #""sources": ["FR1", "FR2"]"#, with: #""sources": "FR1""#),
            ["fr.json: cards[0].methods[0].steps[1].sources: expected an array, found a string"])
        assertIssues(
            MiniPack.card(replacing: #""zh": ["多久"]"#, with: #""zh": [7]"#),
            ["fr.json: cards[0].faq[0].keywords.zh[0]: expected a string, found a number"])
        assertIssues(
            MiniPack.card(replacing: #""schemaVersion": 1,"#, with: #""schemaVersion": "1","#),
            ["fr.json: schemaVersion: expected a number, found a string"])
        assertIssues(
            MiniPack.card(replacing: #""kind": "fraud""#, with: #""kind": null"#),
            ["fr.json: cards[0].cautions[0].kind: expected a string, found null"])
    }

    func testBadEnumeratedValues() {
        assertIssues(
            MiniPack.card(replacing: #""kind": "media""#, with: #""kind": "blog""#),
            ["fr.json: sources[1].kind: 'blog' is not one of official, media, low"])
        assertIssues(
            MiniPack.card(replacing: #""kind": "fraud""#, with: #""kind": "danger""#),
            ["fr.json: cards[0].cautions[0].kind: 'danger' is not one of fraud, warning, info"])
        assertIssues(
            MiniPack.card(
                replacing: "https://www.service-public.fr/", with: "www.service-public.fr"),
            ["fr.json: sources[1].url: expected an http:// or https:// address"])
    }

    func testUnsupportedSchemaVersion() {
        assertIssues(
            MiniPack.card(replacing: #""schemaVersion": 1,"#, with: #""schemaVersion": 2,"#),
            ["fr.json: schemaVersion: version 2 is not supported (this program reads version 1)"])
        assertIssues(
            MiniPack.card(replacing: #""schemaVersion": 1,"#, with: #""schemaVersion": 1.5,"#),
            ["fr.json: schemaVersion: version 1.5 is not supported (this program reads version 1)"])
        // Out of Int's range: reported, not a crash.
        assertIssues(
            MiniPack.card(replacing: #""schemaVersion": 1,"#, with: #""schemaVersion": 1e300,"#),
            [
                "fr.json: schemaVersion: version 1e+300 is not supported (this program reads version 1)"
            ])
        assertIssues(
            MiniPack.card(replacing: #""schemaVersion": 1,"#, with: ""),
            ["fr.json: schemaVersion: missing"])
    }

    // MARK: Files

    func testMalformedJSONNamesFileLineAndColumn() {
        // Line 3 of fr.json is `  "country" "fr",`: the colon is missing before column 13.
        assertIssues(
            MiniPack.card(replacing: #""country": "fr","#, with: #""country" "fr","#),
            [
                "fr.json: not valid JSON: line 3, column 13: expected ':' after a key",
                // fr.json defined FR1 and the only card of 'fr': what depends on them is reported too.
                "shared.json: safety[0].sources[0]: unknown source 'FR1'",
                "shared.json: countries[0].id: warning: country 'fr' has no cards yet: its menu will be empty",
            ])
        var files = MiniPack.files
        files["shared.json"] = MiniPack.replacing(
            #""en": "Never tell anyone, even staff." },"#,
            with: #""en": "Never tell anyone, even staff." }"#, in: MiniPack.shared)
        assertIssues(
            files,
            [
                "shared.json: not valid JSON: line 8, column 75: expected ',' or '}' in an object",
                "fr.json: country: unknown country 'fr'",
                "fr.json: the pack defines no country",
            ])
    }

    func testFilesThatAreNotJSONAtAll() {
        var files = MiniPack.bytes(MiniPack.files)
        files["notes.json"] = Array("# Notes\nThis is not JSON.\n".utf8)
        files["image.json"] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        files["empty.json"] = []
        files["list.json"] = Array("[1, 2]".utf8)
        assertIssues(
            bytes: files,
            [
                "empty.json: not valid JSON: line 1, column 1: unexpected end of file",
                "image.json: not valid JSON: line 1, column 1: unexpected character byte 0x89",
                "notes.json: not valid JSON: line 1, column 1: unexpected character '#'",
                "list.json: expected an object, found an array",
            ])
    }

    func testInvalidUTF8InAContentFile() {
        var files = MiniPack.bytes(MiniPack.files)
        files["fr.json"] = Array(MiniPack.card.utf8).replacing(
            Array("法国的医保卡".utf8), with: [0xE6, 0xB3, 0x95, 0xFF])
        assertIssues(
            bytes: files,
            [
                "fr.json: not valid JSON: line 12, column 26: invalid UTF-8 in a string",
                "shared.json: safety[0].sources[0]: unknown source 'FR1'",
                "shared.json: countries[0].id: warning: country 'fr' has no cards yet: its menu will be empty",
            ])
    }

    func testByteOrderMarkInAContentFile() {
        var files = MiniPack.bytes(MiniPack.files)
        files["fr.json"] = [0xEF, 0xBB, 0xBF] + files["fr.json"]!
        assertIssues(bytes: files, [])
    }

    func testFolderProblems() throws {
        let missing = NSTemporaryDirectory() + "cardguide-no-such-folder-\(UUID().uuidString)"
        let result = ContentLoader.load(directory: missing)
        XCTAssertNil(result.pack)
        XCTAssertEqual(
            result.issues.map(\.description), ["\(missing): cannot read the content folder"])

        let folder = CoreFixture.Folder()
        folder.write("README.md", Array("not a content file".utf8))
        let empty = ContentLoader.load(directory: folder.path)
        XCTAssertNil(empty.pack)
        XCTAssertFalse(empty.isValid)
        XCTAssertEqual(
            empty.issues.map(\.description),
            ["\(folder.path): no .json content files in this folder"])

        // Files not ending in .json are ignored next to a valid pack.
        folder.write(MiniPack.bytes(MiniPack.files))
        folder.write("fr.json.orig", Array("{ broken".utf8))
        XCTAssertEqual(ContentLoader.load(directory: folder.path).issues, [])
    }

    // MARK: Everything in one run

    func testAllProblemsAreReportedInOneRun() throws {
        var card = MiniPack.card
        card = MiniPack.replacing(
            #""answer": { "zh": "大约两周。", "en": "About two weeks." }"#,
            with: #""answer": { "zh": "大约两周。" }"#, in: card)
        card = MiniPack.replacing(
            #""sources": ["FR1", "FR2"]"#, with: #""sources": ["FR1", "FR9"]"#, in: card)
        card = MiniPack.replacing(
            "Fill in form S1106.", with: "Fill in form S1106 from https://www.ameli.fr/s1106.",
            in: card)
        card = MiniPack.replacing(
            #""body": { "zh": "要收费的都是诈骗。""#, with: #""body": { "zh": "要收费的都是诈骗。", "bdy": 1"#,
            in: card)
        let shared = MiniPack.replacing(
            "Never tell anyone, even staff.", with: "Never tell anyone — even staff.",
            in: MiniPack.shared)
        let result = try XCTUnwrap(
            assertIssues(
                ["fr.json": card, "shared.json": shared],
                [
                    "fr.json: cards[0].methods[0].steps[0].body.en: \(linkRule)",
                    "fr.json: cards[0].cautions[0].body.bdy: unknown field",
                    "fr.json: cards[0].faq[0].answer.en: missing",
                    "shared.json: safety[0].body.en: character '—' (U+2014) is one column wide in some terminals and two in others: use ASCII or full-width CJK punctuation",
                    "fr.json: cards[0].methods[0].steps[1].sources[1]: unknown source 'FR9'",
                ]))
        XCTAssertEqual(result.errors.count, 5)
        XCTAssertNotNil(result.pack, "the rest of the pack is still read")
    }

    // MARK: Sources, official domains, glossary, contacts

    func testAnswerWithoutSource() {
        let answer = #""answer": { "zh": "大约两周。", "en": "About two weeks." },"#
        assertIssues(
            MiniPack.card(replacing: answer + #" "sources": ["FR2"],"#, with: answer),
            ["fr.json: cards[0].faq[0].sources: missing"])
    }

    /// A file of word rules beside the mini pack.
    private func withRules(
        _ rules: String,
        card: [String: String] = MiniPack.files
    ) -> [String: String] {
        card.merging(["rules.json": "{ \"schemaVersion\": 1, \(rules) }"]) { $1 }
    }

    private let offList =
        "is not on the pack's list of official domains: "
        + "label the source media or low, or add the domain of a government body, "
        + "insurer or bank to officialDomains"

    func testOfficialSourceMustBeOnAnOfficialDomain() {
        let ameli = #""officialDomains": ["ameli.fr"]"#
        assertIssues(withRules(ameli), [])
        assertIssues(
            withRules(#""officialDomains": ["gouv.fr"]"#),
            ["fr.json: sources[0].url: 'www.ameli.fr' \(offList)"])
        // A host that only ends in the same letters is not the domain.
        let lookalike = MiniPack.card(
            replacing: "https://www.ameli.fr/",
            with: "https://www.notameli.fr/")
        assertIssues(
            withRules(ameli, card: lookalike),
            ["fr.json: sources[0].url: 'www.notameli.fr' \(offList)"])
        // Media and low sources are not checked; a pack without the list is not checked.
        let media = MiniPack.card(replacing: "https://www.ameli.fr/", with: "https://example.org/")
        assertIssues(media, [])
        assertIssues(
            withRules(#""officialDomains": ["ameli.fr/assure"]"#),
            [
                "rules.json: officialDomains[0]: expected a domain name like 'gov.cn'",
                "fr.json: sources[0].url: 'www.ameli.fr' \(offList)",
            ])
    }

    private let kasseTerm =
        #""glossary": [ { "id": "kasse", "zh": "医保机构", "en": "Krankenkasse", "#
        + #""avoid": { "zh": ["医保公司"], "en": ["health company"] } } ]"#

    func testAvoidedGlossaryTerm() {
        assertIssues(withRules(kasseTerm), [])
        let step = "fr.json: cards[0].methods[0].steps[1].body"
        let broken = MiniPack.card(replacing: "等卡寄到。", with: "等医保公司寄卡。")
        assertIssues(
            withRules(kasseTerm, card: broken),
            ["\(step).zh: '医保公司' is avoided: the glossary's word is '医保机构' (kasse)"])
        let english = MiniPack.card(
            replacing: "Wait for the card.",
            with: "Wait for the Health Company.")
        assertIssues(
            withRules(kasseTerm, card: english),
            [
                "\(step).en: 'health company' is avoided: "
                    + "the glossary's word is 'Krankenkasse' (kasse)"
            ])
    }

    private let renshe =
        #""glossary": [ { "id": "renshe", "zh": "人社部门", "#
        + #""en": "human resources and social security", "explain": ["人社"] } ]"#

    func testEnglishNeverShowsABareChineseTerm() {
        let bare = MiniPack.card(replacing: "Wait for the card.", with: "Ask the 人社 office.")
        assertIssues(
            withRules(renshe, card: bare),
            [
                "fr.json: cards[0].methods[0].steps[1].body.en: "
                    + "'人社' without its English name: "
                    + "write 'human resources and social security (人社)' (renshe)"
            ])
        let glossed = MiniPack.card(
            replacing: "Wait for the card.",
            with: "Ask the human resources and social security (人社) "
                + "office.")
        assertIssues(withRules(renshe, card: glossed), [])
        // Chinese text may use the word alone.
        let chinese = MiniPack.card(replacing: "等卡寄到。", with: "问人社部门。")
        assertIssues(withRules(renshe, card: chinese), [])
    }

    private func contact(_ fields: String) -> [String: String] {
        let shared = MiniPack.replacing(
            #""safety": ["#,
            with: """
                "contacts": [ { "id": "fr-3646", "countries": ["fr"], "kind": "phone",
                  "name": { "zh": "医保局", "en": "Assurance Maladie" },
                  "value": { "zh": "36 46", "en": "36 46" },
                  "purpose": { "zh": "问医保", "en": "Health insurance questions" }\(fields) } ],
                "safety": [
                """, in: MiniPack.shared)
        return ["shared.json": shared, "fr.json": MiniPack.card]
    }

    private let cited = #", "sources": ["FR1"]"#

    func testContactsAreReadLikeSteps() throws {
        let hours = #", "hours": { "zh": "工作日", "en": "Working days" }"#
        let result = try XCTUnwrap(assertIssues(contact(hours + cited), []))
        let pack = try XCTUnwrap(result.pack)
        XCTAssertEqual(pack.contacts(forCountry: "fr").map(\.value.en), ["36 46"])
        XCTAssertEqual(pack.contacts(forCountry: "fr").first?.hours?.zh, "工作日")
        XCTAssertEqual(pack.contacts(forCountry: "de"), [])
        assertIssues(contact(""), ["shared.json: contacts[0].sources: missing"])
        assertIssues(
            contact(#", "sources": ["FR9"]"#),
            ["shared.json: contacts[0].sources[0]: unknown source 'FR9'"])
        let german = MiniPack.replacing(
            #""countries": ["fr"]"#, with: #""countries": ["de"]"#,
            in: contact(cited)["shared.json"]!)
        assertIssues(
            ["shared.json": german, "fr.json": MiniPack.card],
            ["shared.json: contacts[0].countries[0]: unknown country 'de'"])
    }

    func testWebContactIsAnAddressOnAnOfficialDomain() throws {
        var files = contact(cited)
        files["shared.json"] = MiniPack.replacing(
            #""kind": "phone""#, with: #""kind": "web""#,
            in: files["shared.json"]!)
        files["shared.json"] = MiniPack.replacing(
            #""value": { "zh": "36 46", "en": "36 46" }"#,
            with: #""value": { "zh": "www.ameli.fr", "#
                + #""en": "www.ameli.fr" }"#,
            in: files["shared.json"]!)
        assertIssues(withRules(#""officialDomains": ["ameli.fr"]"#, card: files), [])
        let others = #""officialDomains": ["gouv.fr", "ameli.fr.example"]"#
        assertIssues(
            withRules(others, card: files),
            [
                "fr.json: sources[0].url: 'www.ameli.fr' \(offList)",
                "shared.json: contacts[0].value.en: 'www.ameli.fr' \(offList)",
            ])
        // A phone contact is no place for a link.
        var phone = contact(cited)
        phone["shared.json"] = MiniPack.replacing(
            #""en": "36 46" }"#,
            with: #""en": "www.ameli.fr" }"#,
            in: phone["shared.json"]!)
        assertIssues(phone, ["shared.json: contacts[0].value.en: \(linkRule)"])
    }

    // MARK: Helpers

    private func load(_ files: [String: String]) -> ContentLoadResult {
        ContentLoader.load(
            files: files.sorted { $0.key < $1.key }.map { ($0.key, Array($0.value.utf8)) })
    }

    /// Loads `files` from memory (in name order, as a folder is read) and from a folder, and
    /// checks that both report exactly `expected`. Returns the in-memory result.
    @discardableResult
    private func assertIssues(
        _ files: [String: String], _ expected: [String],
        file: StaticString = #filePath, line: UInt = #line
    ) -> ContentLoadResult? {
        assertIssues(bytes: MiniPack.bytes(files), expected, file: file, line: line)
    }

    @discardableResult
    private func assertIssues(
        bytes files: [String: [UInt8]], _ expected: [String],
        file: StaticString = #filePath, line: UInt = #line
    ) -> ContentLoadResult? {
        let memory = ContentLoader.load(
            files: files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        XCTAssertEqual(
            memory.issues.map(\.description), expected, "in memory", file: file, line: line)
        let folder = CoreFixture.Folder()
        folder.write(files)
        let disk = ContentLoader.load(directory: folder.path)
        XCTAssertEqual(disk.issues.map(\.description), expected, "on disk", file: file, line: line)
        XCTAssertEqual(
            disk.pack, memory.pack, "the same pack from memory and from disk", file: file,
            line: line)
        let hasError = expected.contains { !$0.contains(": warning: ") }
        XCTAssertEqual(memory.isValid, !hasError, "isValid", file: file, line: line)
        return memory
    }
}

extension Array where Element == UInt8 {
    fileprivate func replacing(_ old: [UInt8], with new: [UInt8]) -> [UInt8] {
        guard
            let start = (0...(count - old.count)).first(where: {
                Array(self[$0..<$0 + old.count]) == old
            })
        else {
            XCTFail("bytes not found")
            return self
        }
        return Array(self[..<start]) + new + Array(self[(start + old.count)...])
    }
}
