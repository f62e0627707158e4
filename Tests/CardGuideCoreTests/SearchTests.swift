import XCTest

@testable import CardGuideCore

final class SearchTests: XCTestCase {
    private static let zh = SearchIndex(pack: CoreFixture.shippedPack, language: .zh)
    private static let en = SearchIndex(pack: CoreFixture.shippedPack, language: .en)

    // MARK: Chinese

    func testChineseSubstringFindsThePasswordFAQs() throws {
        let index = Self.zh
        let hits = index.search("密码")
        let found = Set(hits.map(\.document))
        let passwordFAQs = CoreFixture.shippedPack.allFAQ.filter {
            $0.faq.question.zh.contains("密码")
        }
        XCTAssertGreaterThanOrEqual(
            passwordFAQs.count, 3, "the shipped pack has FAQs about passwords")
        for entry in passwordFAQs {
            let document = try XCTUnwrap(
                index.documents.firstIndex {
                    $0.target == .faq(cardID: entry.card.id, faqID: entry.faq.id)
                })
            XCTAssertTrue(found.contains(document), "密码 should find \(entry.faq.id)")
        }
        // Every document that shows the term is found, and nothing else is.
        for (number, document) in index.documents.enumerated() {
            let shows =
                document.title.contains("密码") || document.body.contains("密码")
                || keywords(of: document.target, .zh).contains { $0.contains("密码") }
            XCTAssertEqual(found.contains(number), shows, "\(document.target)")
        }
        // Password questions rank above documents that mention passwords only in passing.
        let firstBodyOnly = try XCTUnwrap(
            hits.firstIndex { !index.documents[$0.document].title.contains("密码") })
        XCTAssertTrue(
            hits[..<firstBodyOnly].allSatisfy { index.documents[$0.document].title.contains("密码") })
    }

    func testChineseTermInsideAWord() {
        // No word boundaries in Chinese: 社保 is found inside 电子社保卡.
        let hits = Self.zh.search("社保")
        XCTAssertTrue(
            hits.contains { Self.zh.documents[$0.document].target == .card(cardID: "cn-ecard") })
    }

    // MARK: English

    func testEnglishIsCaseInsensitive() {
        let upper = Self.en.search("CARTE VITALE")
        XCTAssertFalse(upper.isEmpty)
        XCTAssertEqual(upper, Self.en.search("carte vitale"))
        XCTAssertEqual(upper, Self.en.search("Carte Vitale"))
        XCTAssertTrue(
            upper.contains { Self.en.documents[$0.document].target == .card(cardID: "fr-vitale") })
        for hit in upper {
            let document = Self.en.documents[hit.document]
            let text = ([document.title, document.body] + keywords(of: document.target, .en))
                .joined(separator: "\n").lowercased()
            XCTAssertTrue(text.contains("carte") && text.contains("vitale"), "\(document.target)")
        }
    }

    func testEnglishIsAccentInsensitive() throws {
        let index = SearchIndex(pack: Self.samplePack, language: .en)
        for query in [
            "securite sociale", "Sécurité sociale", "SECURITE SOCIALE", "se\u{301}curite\u{301}",
        ] {
            XCTAssertEqual(
                index.search(query).map { index.documents[$0.document].target },
                [.faq(cardID: "fr-test", faqID: "faq-secu")], query)
        }
        // On the shipped pack: "education nationale" finds the FAQ about "Éducation nationale".
        let hits = Self.en.search("education nationale")
        XCTAssertTrue(
            hits.contains { Self.en.documents[$0.document].body.contains("Éducation nationale") })
        XCTAssertEqual(Self.en.search("prime d'activite").isEmpty, false)
    }

    func testFullwidthLatinMatchesASCII() {
        XCTAssertEqual(Self.en.search("ＣＰＡＭ"), Self.en.search("cpam"))
        XCTAssertFalse(Self.en.search("cpam").isEmpty)
    }

    func testEveryTermMustMatch() {
        let vitale = Set(Self.en.search("vitale").map(\.document))
        let photo = Set(Self.en.search("photo").map(\.document))
        let both = Set(Self.en.search("vitale photo").map(\.document))
        XCTAssertFalse(both.isEmpty)
        XCTAssertEqual(both, vitale.intersection(photo))
        XCTAssertLessThan(both.count, vitale.count)
        XCTAssertEqual(Self.en.search("vitale xyzzynotthere"), [])
        // A full-width space separates terms too.
        XCTAssertEqual(
            Set(Self.zh.search("密码\u{3000}银行").map(\.document)),
            Set(Self.zh.search("密码").map(\.document)).intersection(
                Self.zh.search("银行").map(\.document)))
    }

    func testEmptyQueryFindsNothing() {
        XCTAssertEqual(Self.en.search(""), [])
        XCTAssertEqual(Self.en.search("   "), [])
    }

    // MARK: Ranking

    func testTitleHitRanksBeforeKeywordHitBeforeBodyHit() {
        let index = SearchIndex(pack: Self.samplePack, language: .en)
        let order = index.search("passport").map { index.documents[$0.document].target }
        XCTAssertEqual(
            order,
            [
                .step(cardID: "fr-test", methodID: "m", stepIndex: 0), // in the title
                .faq(cardID: "fr-test", faqID: "faq-keyword"), // in the keywords
                .faq(cardID: "fr-test", faqID: "faq-body"), // in the body
            ])
        // An earlier position in the title ranks higher.
        XCTAssertEqual(
            index.search("form").map { index.documents[$0.document].target },
            [
                .step(cardID: "fr-test", methodID: "m", stepIndex: 1), // "Form S1106 …"
                .step(cardID: "fr-test", methodID: "m", stepIndex: 0), // "… passport and form"
            ])
        let scores = index.search("passport").map(\.score)
        XCTAssertEqual(scores, scores.sorted(by: >))
    }

    // MARK: Incremental search

    func testSearchWithinPreviousHitsEqualsAFreshSearch() {
        let chains: [(SearchIndex, [String])] = [
            (
                Self.en,
                [
                    "c", "ca", "car", "cart", "carte", "carte ", "carte v", "carte vi",
                    "carte vitale", "carte vitale p", "carte vitale ph",
                ]
            ),
            (Self.en, ["p", "pi", "pin", "pin ", "pin l", "pin le", "pin letter"]),
            (Self.en, ["s", "se", "sec", "secu", "securi", "securit", "securite"]),
            (Self.en, ["E", "Ég", "Égk"]),
            (Self.zh, ["电", "电子", "电子社", "电子社保", "电子社保卡", "电子社保卡 ", "电子社保卡 密", "电子社保卡 密码"]),
            (Self.zh, ["医", "医保", "医保卡", "医保卡 e", "医保卡 eg", "医保卡 egk"]),
        ]
        for (index, queries) in chains {
            var previous: [SearchIndex.Hit]? = nil
            for query in queries {
                let fresh = index.search(query)
                if let previous {
                    XCTAssertEqual(
                        index.search(query, within: previous), fresh,
                        "\(query) within the hits of the shorter query")
                }
                previous = fresh
            }
        }
    }

    // MARK: Highlighting

    func testMatchRangesForHighlighting() {
        XCTAssertEqual(
            Folding.matches(of: SearchIndex.terms("securite"), in: "La Sécurité sociale"), [3..<11])
        XCTAssertEqual(
            Folding.matches(
                of: SearchIndex.terms("CARTE VITALE"), in: "Carte Vitale, carte vitale"),
            [0..<5, 6..<12, 14..<19, 20..<26])
        XCTAssertEqual(Folding.matches(of: ["密码"], in: "初始密码是身份证后6位吗？"), [2..<4])
        // A decomposed letter is one Character: the range covers it whole.
        XCTAssertEqual(Folding.matches(of: ["securite"], in: "Se\u{301}curite\u{301}!"), [0..<8])
        // ß folds to "ss": the range ends after the ß.
        XCTAssertEqual(Folding.matches(of: ["strasse"], in: "Hauptstraße 5"), [5..<11])
        XCTAssertEqual(Folding.matches(of: ["cpam"], in: "ＣＰＡＭ"), [0..<4])
        XCTAssertEqual(Folding.matches(of: ["", "zzz"], in: "abc"), [])
        // Ranges index Characters, so they can be applied to the text directly.
        let text = "Le 社保卡 et la carte Vitale"
        let characters = Array(text)
        XCTAssertEqual(
            Folding.matches(of: ["vitale", "社保"], in: text).map { String(characters[$0]) },
            ["社保", "Vitale"])
    }

    func testFolding() {
        XCTAssertEqual(Folding.fold("Sécurité Sociale"), "securite sociale")
        XCTAssertEqual(Folding.fold("ÉDUCATION Nationale"), "education nationale")
        XCTAssertEqual(Folding.fold("Straße Œuvre Ærø"), "strasse oeuvre aero")
        XCTAssertEqual(Folding.fold("ＣＰＡＭ１２"), "cpam12")
        XCTAssertEqual(Folding.fold("电子社保卡"), "电子社保卡")
        XCTAssertEqual(Folding.fold("e\u{301}"), "e")
    }

    // MARK: Helpers

    private func keywords(of target: SearchIndex.Target, _ language: Language) -> [String] {
        let pack = CoreFixture.shippedPack
        switch target {
        case .faq(let cardID, let faqID):
            return pack.card(cardID)?.faq.first { $0.id == faqID }?.keywords(language) ?? []
        case .step(let cardID, let methodID, let stepIndex):
            return pack.card(cardID)?.method(methodID)?.steps[stepIndex].bring.map {
                $0.name[language]
            } ?? []
        case .card(let cardID): return pack.card(cardID).map { [$0.summary[language]] } ?? []
        case .caution: return []
        }
    }

    /// A pack whose documents differ only in where "passport" appears.
    private static let samplePack: ContentPack = {
        func l(_ en: String) -> Localized { Localized(zh: en, en: en) }
        func step(_ id: String, _ title: String, _ body: String) -> Step {
            Step(
                id: id, title: l(title), body: l(body), bring: [], where: nil, duration: nil,
                sources: ["X"], varies: false, variesNote: nil)
        }
        func faq(_ id: String, _ question: String, _ answer: String, _ keywords: [String]) -> FAQ {
            FAQ(
                id: id, question: l(question), answer: l(answer), sources: ["X"],
                keywordsZh: keywords, keywordsEn: keywords)
        }
        let method = Method(
            id: "m", name: l("Method"), summary: l("Summary"), suits: l("All"),
            steps: [
                step("s1", "Bring your passport and form", "Both are needed."),
                step("s2", "Form S1106 first", "Fill it in."),
            ])
        let card = Card(
            id: "fr-test", countryID: "fr", name: l("Test card"), summary: l("Summary"),
            issuer: l("Issuer"),
            activation: l("None"), methods: [method], cautions: [],
            faq: [
                faq("faq-body", "Which ID do I need?", "A passport or an ID card.", []),
                faq(
                    "faq-keyword", "Which ID do I need abroad?", "Ask the consulate.", ["passport"]),
                faq("faq-secu", "What is the Sécurité sociale?", "The French social security.", []),
            ], comparisons: [])
        return ContentPack(
            countries: [Country(id: "fr", name: l("France"), summary: l("France"))], cards: [card],
            safety: [], sources: [], fingerprint: "test")
    }()
}
