import Foundation
import XCTest

@testable import CardGuideCore

/// Facts of the shipped pack checked on official pages (issue 10) that must not regress:
/// the 2025 German PIN-letter and photo rules, the ameli log-in, the French reimbursement
/// rate, the official contacts and the safety rules per country.
final class ContentRegressionFactTests: XCTestCase {
    private let pack = CoreFixture.shippedPack

    private func step(_ id: String) throws -> Step {
        let steps = pack.cards.flatMap(\.methods).flatMap(\.steps)
        return try XCTUnwrap(steps.first { $0.id == id }, id)
    }

    private func rule(_ id: String) throws -> SafetyRule {
        try XCTUnwrap(pack.safety.first { $0.id == id }, id)
    }

    /// Every text of a country's steps, FAQ and cautions, both languages.
    private func texts(country: String) -> [String] {
        pack.cards(in: country).flatMap { card in
            card.methods.flatMap(\.steps).flatMap { [$0.body, $0.title] }
                + card.faq.flatMap { [$0.question, $0.answer] }
                + card.cautions.flatMap { [$0.title, $0.body] }
        }.flatMap { [$0.zh, $0.en] }
    }

    private func values(_ country: String) -> String {
        pack.contacts(forCountry: country).map(\.value.en).joined(separator: " | ")
    }

    func testThe2025PINLetterProcessIsTold() throws {
        for id in ["de-eid-app-letter", "de-eid-office-letter"] {
            let body = try step(id).body
            XCTAssertTrue(body.zh.contains("2025年2月17日") && body.zh.contains("随附信"), id)
            XCTAssertTrue(body.en.contains("17 February 2025"), id)
            XCTAssertTrue(body.en.contains("Begleitschreiben"), id)
            XCTAssertTrue(body.en.contains("at the counter when you apply"), id)
        }
        // The age limit is only ever given for cards applied for before the change.
        let earlier = ["before", "earlier", "之前", "前申请"]
        for text in texts(country: "de")
        where text.contains("15 years and 9 months") || text.contains("15岁9个月") {
            XCTAssertTrue(earlier.contains { text.contains($0) }, text)
        }
    }

    func testOnlyDigitalPhotosForTheIDCardSinceMay2025() throws {
        for id in ["de-eid-app-apply", "de-eid-office-apply"] {
            let body = try step(id).body
            XCTAssertTrue(body.zh.contains("2025年5月1日") && body.zh.contains("数字证件照"), id)
            XCTAssertTrue(body.en.contains("1 May 2025") && body.en.contains("digital photos"), id)
        }
    }

    func testBlockingIsOn116116AndTheOldNumberIsGone() throws {
        XCTAssertTrue(try rule("S5-DE").body.en.contains("116 116"))
        let hotline = try XCTUnwrap(pack.contacts(forCountry: "de").first { $0.id == "de-116116" })
        XCTAssertTrue(hotline.value.en.hasPrefix("116 116"))
        XCTAssertTrue(hotline.value.en.contains("+49 30 40 50 40 50"))
        XCTAssertFalse(
            texts(country: "de").contains { $0.contains("0180") },
            "the old number is gone")
    }

    func testTheAmeliAccountUsesThirteenDigits() throws {
        for id in ["fr-vitale-worker-ameli", "fr-vitale-student-ameli"] {
            let body = try step(id).body
            XCTAssertTrue(body.zh.contains("前13位"), id)
            XCTAssertTrue(body.en.contains("first 13 digits"), id)
        }
    }

    func testSeventyPercentOnlyWithAMedecinTraitant() {
        for text in texts(country: "fr") where text.contains("70%") || text.contains("70 %") {
            XCTAssertTrue(text.contains("médecin traitant") || text.contains("主治医生"), text)
            XCTAssertTrue(text.contains("30%"), "the rate without one is given beside it: \(text)")
        }
    }

    func testOfficialContactsOfEachCountry() {
        for number in ["12333", "12393", "96110", "110"] {
            XCTAssertTrue(values("cn").contains(number), number)
        }
        for number in ["116 116", "115"] { XCTAssertTrue(values("de").contains(number), number) }
        for number in ["36 46", "+33 1 84 90 36 46", "0 805 805 817"] {
            XCTAssertTrue(values("fr").contains(number), number)
        }
        XCTAssertTrue(pack.contacts(forCountry: "fr").contains { $0.value.en == "17" })
        for country in ["de", "fr"] {
            XCTAssertTrue(values(country).contains("+86 10 12308"), country)
        }
        XCTAssertFalse(values("cn").contains("12308"), "12308 is for Chinese citizens abroad")
        for contact in pack.contacts { XCTAssertFalse(contact.sources.isEmpty, contact.id) }
        // Phones first, then web addresses.
        for country in pack.countries.map(\.id) {
            let kinds = pack.contacts(forCountry: country).map(\.kind)
            XCTAssertEqual(kinds, kinds.sorted { $0 == .phone && $1 == .web }, country)
        }
    }

    func testSafetyRulesBelongToTheirCountry() throws {
        XCTAssertTrue(
            pack.safety.allSatisfy { !$0.countries.isEmpty },
            "every rule names its country")
        let chinese = pack.safetyRules(forCountry: "cn")
        XCTAssertFalse(
            chinese.contains { $0.body.en.contains("Sperrkennwort") },
            "an e-card user needs no Sperrkennwort")
        XCTAssertTrue(
            try rule("S4-CN").body.zh.contains("工本费"),
            "China: a replacement may cost a fee")
        XCTAssertFalse(try rule("S4-CN").body.en.contains("is free"))
        XCTAssertTrue(try rule("S7-CN").body.zh.contains("96110"))
        XCTAssertTrue(try rule("S7-FR").body.en.contains("0 805 805 817"))
        XCTAssertTrue(try rule("S5-CN").body.zh.contains("12333"))
    }

    func testTheBankFunctionIsActivatedAtAnyBranchOfTheSameBank() throws {
        let body = try step("cn-card-branch-bank").body
        XCTAssertTrue(body.zh.contains("同一银行的全国网点都可以办"))
        XCTAssertTrue(body.en.contains("any branch of that bank in the country"))
        XCTAssertFalse(try step("cn-card-branch-bank").varies, "settled by the ministry's answer")
    }

    /// The word rules are on in the shipped pack: a list of official domains and a glossary.
    func testTheShippedPackCarriesItsWordRules() throws {
        let folder = CoreFixture.repositoryContent
        let shared = try JSONParser.parse(try XCTUnwrap(bytes(folder + "/shared.json")))
        guard case .array(let domains)? = shared["officialDomains"] else {
            return XCTFail("shared.json lists no official domains")
        }
        XCTAssertTrue(domains.contains(.string("gov.cn")) && domains.contains(.string("ameli.fr")))
        let glossary = try JSONParser.parse(try XCTUnwrap(bytes(folder + "/glossary.json")))
        guard case .array(let terms)? = glossary["glossary"] else { return XCTFail("no glossary") }
        XCTAssertGreaterThanOrEqual(terms.count, 5)
    }

    private func bytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    func testNoBoilerplateDuration() {
        let durations = pack.cards.flatMap(\.methods).flatMap(\.steps).compactMap(\.duration?.en)
        XCTAssertFalse(durations.contains("No source gives a typical time"))
    }
}
