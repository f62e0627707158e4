import Foundation
import XCTest

@testable import CardGuideCore
@testable import CardGuideStorage

/// The corrections of the fact sheet (section 4) that a machine can check, run over the
/// shipped pack. A claim may be *named* (to refute it) but never *stated*: the checks look at
/// each sentence that mentions a claim and require it to be a question or to deny it.
final class ContentFactTests: XCTestCase {
    // MARK: The pack as a whole

    func testShippedPackIsValid() throws {
        let result = CoreFixture.shipped
        XCTAssertNotNil(result.pack)
        XCTAssertEqual(result.errors.map(\.description), [], "run: cardguide validate")
        let pack = try XCTUnwrap(result.pack)
        XCTAssertEqual(Set(pack.countries.map(\.id)), ["cn", "de", "fr"])
        XCTAssertTrue(
            Set(pack.cards.map(\.id)).isSuperset(of: [
                "cn-card", "cn-ecard", "de-egk", "fr-vitale", "fr-vitale-app",
            ]))
    }

    func testTheBuildShipsTheRepositoryPack() throws {
        let names = { (folder: String) in
            try FileManager.default.contentsOfDirectory(atPath: folder).filter {
                $0.hasSuffix(".json")
            }.sorted()
        }
        XCTAssertEqual(
            try names(CoreFixture.bundledContent), try names(CoreFixture.repositoryContent))
        XCTAssertEqual(
            ContentLoader.load(directory: CoreFixture.bundledContent).errors.map(\.description), [])
    }

    func testEveryStepFAQCautionAndRuleHasSources() {
        let pack = CoreFixture.shippedPack
        var cited: [(String, [String])] = pack.safety.map { ("safety \($0.id)", $0.sources) }
        for card in pack.cards {
            cited += card.methods.flatMap(\.steps).map { ("step \($0.id)", $0.sources) }
            cited += card.faq.map { ("faq \($0.id)", $0.sources) }
            cited += card.cautions.map { ("caution \($0.id)", $0.sources) }
        }
        XCTAssertGreaterThan(cited.count, 200)
        for (name, sources) in cited {
            XCTAssertFalse(sources.isEmpty, "\(name) has no source")
            for id in sources {
                XCTAssertNotNil(pack.source(id), "\(name) cites unknown source \(id)")
            }
        }
    }

    func testEveryVariesStepHasAVariesNote() {
        let steps = CoreFixture.shippedPack.cards.flatMap(\.methods).flatMap(\.steps)
        let varying = steps.filter(\.varies)
        XCTAssertGreaterThan(varying.count, 10, "the fact sheet flags many rules as VARIES")
        for step in varying {
            guard let note = step.variesNote else {
                XCTFail("step \(step.id) varies but says nothing about what varies")
                continue
            }
            XCTAssertFalse(
                note.zh.trimmingCharacters(in: .whitespaces).isEmpty,
                "step \(step.id): variesNote.zh")
            XCTAssertFalse(
                note.en.trimmingCharacters(in: .whitespaces).isEmpty,
                "step \(step.id): variesNote.en")
        }
        for step in steps where !step.varies {
            XCTAssertNil(step.variesNote, "step \(step.id) has a variesNote but does not vary")
        }
    }

    // MARK: 25: the Telegram SIM-card seller

    func testNoTelegramAnywhereInTheShippedContent() throws {
        for folder in [CoreFixture.repositoryContent, CoreFixture.bundledContent] {
            let names = try FileManager.default.subpathsOfDirectory(atPath: folder)
            XCTAssertFalse(names.isEmpty)
            for name in names {
                var isFolder: ObjCBool = false
                guard
                    FileManager.default.fileExists(
                        atPath: folder + "/" + name, isDirectory: &isFolder), !isFolder.boolValue
                else { continue }
                let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
                    .lowercased()
                for pattern in [#"(?<![a-z0-9-])t\.me\b"#, "esim1088", "telegram", "电报", "纸飞机"] {
                    XCTAssertNil(
                        text.range(of: pattern, options: .regularExpression),
                        "\(name) contains \(pattern)")
                }
            }
        }
        // The format notes name the deny list (t.me, Telegram) to explain it, but never the handle.
        let format = try String(
            contentsOfFile: CoreFixture.repositoryRoot + "/Resources/FORMAT.md", encoding: .utf8)
        XCTAssertFalse(format.lowercased().contains("esim1088"))
    }

    // MARK: 1: the "LEB-Karte" does not exist

    func testLEBKarteIsNeverPresentedAsARealCard() {
        let mention = #"(?<![A-Za-z])LEB(?![A-Za-z])|Lebenserfassungskarte|生命登记卡"#
        let denial = #"there is no|no such|does not exist|doesn't exist|没有|不存在"#
        // The FAQ that explains it: asks about it and answers, first thing, that it does not exist.
        let explaining = Self.texts.filter {
            $0.entry == .faqQuestion && $0.text.matches(mention, caseSensitive: true)
        }
        XCTAssertEqual(
            Set(explaining.map(\.language)), ["zh", "en"],
            "an FAQ asks what the LEB-Karte is, in both languages")
        for question in explaining {
            let answer = Self.texts.first {
                $0.file == question.file
                    && $0.path == question.owner + ".answer." + question.language
            }
            XCTAssertTrue(
                answer?.sentences.first?.matches(denial) == true,
                "\(question.file): \(question.owner).answer.\(question.language) opens by saying the card does not exist: \(answer?.text.prefix(80) ?? "missing")"
            )
        }
        let explainingOwners = Set(explaining.map { $0.file + $0.owner })
        for text in Self.texts
        where text.entry != .keyword && text.entry != .source
            && !explainingOwners.contains(text.file + text.owner)
        {
            for sentence in text.sentences where sentence.matches(mention, caseSensitive: true) {
                XCTAssertTrue(
                    sentence.matches(denial),
                    "\(text.file): \(text.path) names the LEB card without saying it does not exist: \(sentence)"
                )
            }
        }
    }

    // MARK: 9: France, CPAM not CAF or MGEN

    func testFrenchStepsSendYouToTheCPAM() throws {
        let vitale = try XCTUnwrap(CoreFixture.shippedPack.card("fr-vitale"))
        for method in vitale.methods {
            for language in Language.allCases {
                XCTAssertTrue(
                    method.steps.contains { step in
                        [step.title, step.body].contains { $0[language].contains("CPAM") }
                    }, "\(method.id): no step names the CPAM in \(language)")
            }
        }
    }

    func testCAFAndMGENAreNeverWhereYouApply() {
        let caf = #"(?<![A-Za-z])CAF(?![A-Za-z])"#
        let mgen = #"(?<![A-Za-z])MGEN(?![A-Za-z])"#
        // The FAQ that explains them: it asks about them and its answer opens with the CPAM.
        let explaining = Self.texts.filter {
            $0.entry == .faqQuestion && $0.text.matches(caf, caseSensitive: true)
                && $0.text.matches(mgen, caseSensitive: true)
        }
        XCTAssertEqual(
            Set(explaining.map(\.language)), ["zh", "en"],
            "an FAQ explains the CAF and MGEN, in both languages")
        for question in explaining {
            let answer = Self.texts.first {
                $0.file == question.file
                    && $0.path == question.owner + ".answer." + question.language
            }
            XCTAssertTrue(
                answer?.sentences.first?.contains("CPAM") == true,
                "\(question.owner): the answer opens with the CPAM")
        }
        let explainingOwners = Set(explaining.map { $0.file + $0.owner })
        for text in Self.texts
        where text.entry != .keyword && text.entry != .source
            && !explainingOwners.contains(text.file + text.owner)
        {
            for sentence in text.sentences {
                if sentence.matches(caf, caseSensitive: true) {
                    XCTAssertTrue(
                        sentence.matches(Self.negation),
                        "\(text.file): \(text.path) names the CAF without saying it is not the place to apply: \(sentence)"
                    )
                }
                // MGEN may be named as one of the insurers beside the Assurance Maladie (its
                // members use the same app), or to say it is not where you apply.
                if sentence.matches(mgen, caseSensitive: true) {
                    XCTAssertTrue(
                        sentence.matches(Self.negation) || sentence.contains("Assurance Maladie"),
                        "\(text.file): \(text.path) names MGEN as if it were where you apply: \(sentence)"
                    )
                }
            }
        }
    }

    // MARK: 15: the initial password is not the last 6 digits of the ID

    func testIDDigitsAreNeverGivenAsTheInitialPassword() {
        let idDigits = #"身份证(号)?(的)?后(6|六)位|last (6|six) digits of (your|the) ID"#
        var mentions = 0
        for text in Self.texts where text.entry != .keyword && text.entry != .source {
            for sentence in text.sentences where sentence.matches(idDigits) {
                mentions += 1
                XCTAssertTrue(
                    sentence.isQuestion || sentence.matches(Self.negation),
                    "\(text.file): \(text.path) states the ID digits as a password: \(sentence)")
            }
        }
        XCTAssertGreaterThan(mentions, 0, "the cn-card content refutes the claim somewhere")
        // …and says there is no national rule, in both languages.
        let cardTexts = Self.texts.filter { $0.file == "cn-card.json" }
        XCTAssertTrue(
            cardTexts.contains { $0.language == "zh" && $0.text.matches("不是全国(统一的)?规定|没有全国统一") })
        XCTAssertTrue(
            cardTexts.contains {
                $0.language == "en" && $0.text.matches("not a national rule|no national rule")
            })
    }

    // MARK: 18: no "1-2 days" for the bank account

    func testNoOneToTwoDaysForTheBankAccount() {
        let zh = #"(1|一)\s*(-|–|~|～|至|到|－)\s*(2|两|二)\s*(个工作日|个?天|日)|一两天"#
        let en = #"\b(1|one)\s*(-|–|to|or)\s*(2|two)\s*(working |business )?days?\b"#
        for text in Self.texts
        where text.entry != .keyword && text.entry != .source && text.file.hasPrefix("cn-") {
            for sentence in text.sentences where sentence.matches(text.language == "zh" ? zh : en) {
                XCTAssertTrue(
                    text.entry != .duration,
                    "\(text.file): \(text.path) gives 1 to 2 days as a duration")
                XCTAssertTrue(
                    sentence.isQuestion || sentence.matches(Self.negation),
                    "\(text.file): \(text.path) states 1 to 2 days as fact: \(sentence)")
            }
        }
    }

    // MARK: 21: "same legal effect" is not stated as fact

    func testSameLegalEffectIsNotStatedAsFact() {
        let claim = #"同等(的)?法律效力|相同(的)?法律效力|same legal (effect|force|validity)|equal legal"#
        for text in Self.texts where text.entry != .keyword && text.entry != .source {
            for sentence in text.sentences where sentence.matches(claim) {
                XCTAssertTrue(
                    sentence.isQuestion || sentence.matches(Self.negation),
                    "\(text.file): \(text.path) states 'same legal effect' as fact: \(sentence)")
            }
        }
    }

    // MARK: 20: no e-card without a physical card

    func testTheECardNeedsAPhysicalCard() throws {
        let ecard = try XCTUnwrap(CoreFixture.shippedPack.card("cn-ecard"))
        XCTAssertTrue(ecard.activation.zh.contains("实体卡"), ecard.activation.zh)
        XCTAssertTrue(ecard.activation.en.contains("physical card"), ecard.activation.en)
        for method in ecard.methods {
            let first = try XCTUnwrap(method.steps.first)
            XCTAssertTrue(
                first.body.zh.contains("实体"),
                "\(method.id): the first step says a physical card is needed (zh)")
            XCTAssertTrue(
                first.body.en.contains("physical card"),
                "\(method.id): the first step says a physical card is needed (en)")
        }
        // The FAQ that asks answers no.
        let faq = try XCTUnwrap(
            ecard.faq.first { $0.question.en.contains("without a physical card") })
        XCTAssertTrue(faq.answer.en.hasPrefix("No"), faq.answer.en)
        XCTAssertTrue(faq.answer.zh.hasPrefix("不能"), faq.answer.zh)
        // Nothing says the e-card can be had without one. Only the separate 医保 credential
        // (医保码, medical insurance code) needs no physical card.
        let without =
            #"不需要实体|无需实体|不用实体|没有实体卡也|no physical card|without (a|the|your) physical card|needs no physical|(do not|don't) need (a|the|your) physical"#
        for text in Self.texts where text.entry != .keyword && text.entry != .source {
            for sentence in text.sentences where sentence.matches(without) {
                XCTAssertTrue(
                    sentence.isQuestion
                        || sentence.matches(#"不能|无法|领不了|必须|cannot|can't|must|^No\b"#)
                        || sentence.contains("医保"),
                    "\(text.file): \(text.path) suggests the e-card works without a physical card: \(sentence)"
                )
            }
        }
    }

    // MARK: The pack's texts, with where they are

    private static let negation =
        #"不是|不一定|不要|不接受|并非|只是个别|没有|不能|无法|不存在|不会|\bnot\b|\bno\b|\bnever\b|cannot|n't\b|only in some"#

    private enum Entry: Sendable {
        case step, duration, faqQuestion, faqAnswer, keyword, source, other
    }

    private struct Text: Sendable {
        var file: String
        var path: String
        var text: String

        /// "zh" or "en" (the last path component), or "" for a text that is not localized.
        var language: String {
            path.hasSuffix(".zh") || path.contains(".zh[")
                ? "zh" : path.hasSuffix(".en") || path.contains(".en[") ? "en" : ""
        }

        /// The path of the entry the text belongs to: `cards[0].faq[3]` for `cards[0].faq[3].answer.en`.
        var owner: String {
            var components = path.split(separator: ".").map(String.init)
            while let last = components.last, !last.hasSuffix("]") { components.removeLast() }
            return components.joined(separator: ".")
        }

        var entry: Entry {
            if path.hasPrefix("sources[") { return .source }
            if path.contains(".keywords.") { return .keyword }
            if path.contains(".faq[") {
                return path.contains(".question.") ? .faqQuestion : .faqAnswer
            }
            if path.contains(".steps[") { return path.contains(".duration.") ? .duration : .step }
            return .other
        }

        var sentences: [String] { Sentences.split(text) }
    }

    /// Every string of every shipped file, read with the core parser so that the checks run
    /// even while the pack has validation errors.
    private static let texts: [Text] = {
        var out: [Text] = []
        let folder = CoreFixture.repositoryContent
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".json")
        }.sorted()
        for name in names {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name),
                let root = try? JSONParser.parse([UInt8](data))
            else {
                XCTFail("\(name) is not valid JSON")
                continue
            }
            func walk(_ value: JSONValue, _ path: String) {
                switch value {
                case .string(let text): out.append(Text(file: name, path: path, text: text))
                case .array(let elements):
                    for (i, element) in elements.enumerated() { walk(element, "\(path)[\(i)]") }
                case .object(let members):
                    for member in members {
                        walk(member.value, path.isEmpty ? member.key : "\(path).\(member.key)")
                    }
                default: break
                }
            }
            walk(root, "")
        }
        XCTAssertGreaterThan(out.count, 1000, "the shipped pack was read")
        return out
    }()
}

/// Splitting text into sentences: at line breaks, at 。！？ and at . ! ? followed by a space.
/// Semicolons do not end a sentence: "not the CAF; …" keeps its negation.
enum Sentences {
    static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let characters = Array(text)
        for (i, character) in characters.enumerated() {
            if character == "\n" {
                sentences.append(current)
                current = ""
                continue
            }
            current.append(character)
            let next = i + 1 < characters.count ? characters[i + 1] : " "
            if "。！？".contains(character)
                || (".!?".contains(character) && (next == " " || next == "\n"))
            {
                sentences.append(current)
                current = ""
            }
        }
        sentences.append(current)
        return sentences.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension String {
    /// Whether the regular expression occurs: case-insensitive for wording, case-sensitive
    /// for names ("CAF" the body, not "caf" in "café").
    fileprivate func matches(_ pattern: String, caseSensitive: Bool = false) -> Bool {
        range(
            of: pattern,
            options: caseSensitive ? [.regularExpression] : [.regularExpression, .caseInsensitive])
            != nil
    }

    fileprivate var isQuestion: Bool { hasSuffix("？") || hasSuffix("?") || hasSuffix("吗") }
}
