import Foundation
import XCTest

@testable import CardGuideCore

#if canImport(Glibc)
import Glibc
#endif

/// A fresh real folder under /tmp per test, removed afterwards. No mocks: the session store
/// is tested against the real file system.
final class TemporaryFolder {
    let path: String

    init(_ label: String = #function) {
        let base =
            NSTemporaryDirectory()
            + "cardguide-session-tests-\(getpid())-\(UUID().uuidString.prefix(8))"
        path = base
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    func names(in folder: String? = nil) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder ?? path)) ?? []).sorted()
    }
}

func bytes(at path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) }
}

func write(_ text: String, to path: String) {
    XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
}

/// The permission bits of `path`.
func mode(of path: String) -> mode_t {
    var info = stat()
    XCTAssertEqual(stat(path, &info), 0, "stat \(path)")
    return info.st_mode & 0o7777
}

/// A small pack with one country, one card, two methods: enough to reconcile and export.
enum SamplePack {
    static func l(_ zh: String, _ en: String) -> Localized { Localized(zh: zh, en: en) }

    static let passport = Material(
        id: "passport", name: l("护照", "Passport"), note: l("原件", "the original"))
    static let photo = Material(id: "photo", name: l("证件照", "ID photo"), note: nil)
    static let rib = Material(id: "rib", name: l("银行账户证明 RIB", "Bank details (RIB)"), note: nil)

    static let steps = [
        Step(
            id: "s1", title: l("开通 ameli 账户", "Open an ameli account"), body: l("正文一", "Body one"),
            bring: [passport, photo], where: l("网上", "Online"),
            duration: l("约 15 分钟", "About 15 minutes"),
            sources: ["FR1"], varies: false, variesNote: nil),
        Step(
            id: "s2", title: l("寄出申请表", "Send the application form"), body: l("正文二", "Body two"),
            bring: [rib], where: l("所在省的 CPAM 办公室", "Your département's CPAM office"),
            duration: nil,
            sources: ["FR1", "FR2"], varies: true,
            variesNote: l("各省 CPAM 要求不同。", "Each CPAM asks for different papers.")),
        Step(
            id: "s3", title: l("等待卡片寄到", "Wait for the card"), body: l("正文三", "Body three"),
            bring: [], where: nil, duration: l("2 到 4 周", "2 to 4 weeks"), sources: ["FR2"],
            varies: true, variesNote: nil),
    ]

    static let online = Method(
        id: "online", name: l("网上申请", "Apply online"), summary: l("", ""), suits: l("", ""),
        steps: steps)
    static let post = Method(
        id: "post", name: l("邮寄申请", "Apply by post"), summary: l("", ""), suits: l("", ""),
        steps: [
            Step(
                id: "p1", title: l("打印表格", "Print the form"), body: l("打印", "Print"),
                bring: [photo],
                where: nil, duration: nil, sources: [], varies: false, variesNote: nil)
        ])

    static let card = Card(
        id: "vitale", countryID: "fr", name: l("Carte Vitale 医保卡", "Carte Vitale"),
        summary: l("", ""),
        issuer: l("", ""), activation: l("", ""), methods: [online, post], cautions: [], faq: [],
        comparisons: [])

    static let pack = ContentPack(
        countries: [Country(id: "fr", name: l("法国", "France"), summary: l("", ""))],
        cards: [card],
        safety: [
            SafetyRule(
                id: "S1", title: l("密码只留给自己", "Keep your PINs to yourself"),
                body: l(
                    "谁来要都不给：\n- PIN 码\n- 短信验证码", "Never give them to anyone:\n- PINs\n- SMS codes"),
                sources: ["FR2"])
        ],
        sources: [
            Source(
                id: "FR1", kind: .official,
                title: l(
                    "Assurance Maladie：申请 carte Vitale",
                    "Assurance Maladie: asking for a carte Vitale"),
                url:
                    "https://www.ameli.fr/assure/droits-demarches/europe-international/protection-sociale-france/ne-etranger-demander-numero-securite-sociale"
            ),
            Source(
                id: "FR2", kind: .low, title: l("非官方网站", "An unofficial site"),
                url: "http://www.cpam-info.fr/"),
        ],
        fingerprint: "pack-v2")

    static let day1 = Date(timeIntervalSince1970: 1_735_689_600) // 2025-01-01T00:00:00Z
    static let day2 = Date(timeIntervalSince1970: 1_735_776_000 + 3600) // 2025-01-02T01:00:00Z

    /// Online checklist at step 2: step 1 done, passport and RIB ticked.
    static func onlineChecklist() -> Checklist {
        var checklist = Checklist(
            countryID: "fr", cardID: "vitale", method: online, now: day1,
            contentFingerprint: "pack-v2")
        checklist.toggle(material: "passport", in: online, now: day1)
        checklist.toggleDone(step: "s1", in: online, now: day1)
        checklist.go(to: 1, in: online, now: day2)
        checklist.toggle(material: "rib", in: online, now: day2)
        return checklist
    }
}
