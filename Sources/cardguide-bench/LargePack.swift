import CardGuideCore
import Foundation

/// Writes a large, valid content pack for the load and search measurements: 200 countries,
/// one card each with 2 methods of 25 steps (10,000 steps) and 250 FAQ entries (50,000), plus
/// cautions, a comparison table and a source table per card. The texts are the shipped pack's
/// own (cycled, with a number added to titles and questions so that no two are the same), so
/// their lengths and their mix of Chinese, English, French and German are the real ones.
/// Nothing of it is committed: it is generated in a temporary folder on every run.
enum LargePack {
    static let countries = 200
    static let methodsPerCard = 2
    static let stepsPerMethod = 25
    static let faqPerCard = 250
    static let sourcesPerCard = 4

    struct Summary {
        var directory: String
        var files: Int
        var bytes: Int
    }

    static func write(from shipped: ContentPack, into directory: String) throws -> Summary {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true)
        let faqs = shipped.cards.flatMap(\.faq)
        let steps = shipped.cards.flatMap(\.methods).flatMap(\.steps)
        let methods = shipped.cards.flatMap(\.methods)
        let cautions = shipped.cards.flatMap(\.cautions)
        let rows = shipped.cards.flatMap(\.comparisons).flatMap(\.rows)
        precondition(
            !faqs.isEmpty && !steps.isEmpty && !cautions.isEmpty,
            "the shipped pack has no FAQ, steps or cautions")
        var totalBytes = 0

        // shared.json: the countries, the safety rules and the sources they cite.
        var shared = JSONText()
        shared.open("{")
        shared.key("schemaVersion")
        shared.raw("1")
        shared.comma()
        shared.key("countries")
        shared.open("[")
        for i in 0..<countries {
            let model = shipped.countries[i % shipped.countries.count]
            if i > 0 { shared.comma() }
            shared.open("{")
            shared.field("id", "x\(i)")
            shared.comma()
            shared.localized(
                "name", Localized(zh: "\(model.name.zh)\(i)", en: "\(model.name.en) \(i)"))
            shared.comma()
            shared.localized("summary", model.summary)
            shared.close("}")
        }
        shared.close("]")
        shared.comma()
        shared.key("safety")
        shared.open("[")
        for (n, rule) in shipped.safety.enumerated() {
            if n > 0 { shared.comma() }
            shared.open("{")
            shared.field("id", rule.id)
            shared.comma()
            shared.localized("title", rule.title)
            shared.comma()
            shared.localized("body", rule.body)
            shared.comma()
            shared.strings("sources", ["G\(n % 3)"])
            shared.close("}")
        }
        shared.close("]")
        shared.comma()
        shared.key("sources")
        shared.open("[")
        for n in 0..<3 {
            if n > 0 { shared.comma() }
            source(
                &shared, id: "G\(n)", kind: "official",
                title: shipped.sources[n % shipped.sources.count].title)
        }
        shared.close("]")
        shared.close("}")
        totalBytes += try shared.write(to: directory + "/shared.json")

        for i in 0..<countries {
            var file = JSONText()
            let cardModel = shipped.cards[i % shipped.cards.count]
            let prefix = "x\(i)"
            func cite(_ n: Int) -> [String] { ["\(prefix)-S\(n % sourcesPerCard)"] }
            file.open("{")
            file.key("schemaVersion")
            file.raw("1")
            file.comma()
            file.field("country", prefix)
            file.comma()
            file.key("sources")
            file.open("[")
            for n in 0..<sourcesPerCard {
                if n > 0 { file.comma() }
                source(
                    &file, id: "\(prefix)-S\(n)", kind: ["official", "media", "low"][n % 3],
                    title: shipped.sources[(i * sourcesPerCard + n) % shipped.sources.count].title)
            }
            file.close("]")
            file.comma()
            file.key("cards")
            file.open("[")
            file.open("{")
            file.field("id", "\(prefix)-card")
            file.comma()
            file.localized("name", numbered(cardModel.name, i))
            file.comma()
            file.localized("summary", cardModel.summary)
            file.comma()
            file.localized("issuer", cardModel.issuer)
            file.comma()
            file.localized("activation", cardModel.activation)
            file.comma()
            file.key("methods")
            file.open("[")
            for m in 0..<methodsPerCard {
                let methodModel = methods[(i * methodsPerCard + m) % methods.count]
                if m > 0 { file.comma() }
                file.open("{")
                file.field("id", "\(prefix)-m\(m)")
                file.comma()
                file.localized("name", numbered(methodModel.name, m + 1))
                file.comma()
                file.localized("summary", methodModel.summary)
                file.comma()
                file.localized("suits", methodModel.suits)
                file.comma()
                file.key("steps")
                file.open("[")
                for s in 0..<stepsPerMethod {
                    let step = steps[((i * methodsPerCard + m) * stepsPerMethod + s) % steps.count]
                    if s > 0 { file.comma() }
                    file.open("{")
                    file.field("id", "\(prefix)-m\(m)-s\(s)")
                    file.comma()
                    file.localized("title", numbered(step.title, s + 1))
                    file.comma()
                    file.localized("body", step.body)
                    file.comma()
                    file.key("bring")
                    file.open("[")
                    for (k, material) in step.bring.enumerated() {
                        if k > 0 { file.comma() }
                        file.open("{")
                        file.field("id", "s\(s)-b\(k)")
                        file.comma()
                        file.localized("name", material.name)
                        if let note = material.note {
                            file.comma()
                            file.localized("note", note)
                        }
                        file.close("}")
                    }
                    file.close("]")
                    file.comma()
                    if let place = step.where {
                        file.localized("where", place)
                        file.comma()
                    }
                    if let duration = step.duration {
                        file.localized("duration", duration)
                        file.comma()
                    }
                    if step.varies {
                        file.key("varies")
                        file.raw("true")
                        file.comma()
                        if let note = step.variesNote {
                            file.localized("variesNote", note)
                            file.comma()
                        }
                    }
                    file.strings("sources", cite(s))
                    file.close("}")
                }
                file.close("]")
                file.close("}")
            }
            file.close("]")
            file.comma()
            file.key("cautions")
            file.open("[")
            for c in 0..<3 {
                let caution = cautions[(i * 3 + c) % cautions.count]
                if c > 0 { file.comma() }
                file.open("{")
                file.field("id", "\(prefix)-w\(c)")
                file.comma()
                file.field("kind", caution.kind.rawValue)
                file.comma()
                file.localized("title", caution.title)
                file.comma()
                file.localized("body", caution.body)
                file.comma()
                file.strings("sources", cite(c))
                file.close("}")
            }
            file.close("]")
            file.comma()
            file.key("faq")
            file.open("[")
            for f in 0..<faqPerCard {
                let faq = faqs[(i * faqPerCard + f) % faqs.count]
                if f > 0 { file.comma() }
                file.open("{")
                file.field("id", "\(prefix)-f\(f)")
                file.comma()
                file.localized("question", numbered(faq.question, f + 1))
                file.comma()
                file.localized("answer", faq.answer)
                file.comma()
                file.strings("sources", cite(f))
                if !faq.keywordsZh.isEmpty || !faq.keywordsEn.isEmpty {
                    file.comma()
                    file.key("keywords")
                    file.open("{")
                    file.strings("zh", faq.keywordsZh)
                    file.comma()
                    file.strings("en", faq.keywordsEn)
                    file.close("}")
                }
                file.close("}")
            }
            file.close("]")
            file.comma()
            file.key("comparisons")
            file.open("[")
            file.open("{")
            file.field("id", "\(prefix)-cmp")
            file.comma()
            file.localized("title", numbered(cardModel.name, i))
            file.comma()
            file.strings("methods", (0..<methodsPerCard).map { "\(prefix)-m\($0)" })
            file.comma()
            file.key("rows")
            file.open("[")
            for r in 0..<3 {
                let label = rows.isEmpty ? cardModel.name : rows[(i * 3 + r) % rows.count].label
                if r > 0 { file.comma() }
                file.open("{")
                file.localized("label", label)
                file.comma()
                file.key("cells")
                file.open("[")
                for m in 0..<methodsPerCard {
                    if m > 0 { file.comma() }
                    let cell =
                        rows.isEmpty
                        ? cardModel.summary
                        : rows[(i * 3 + r) % rows.count].cells.first ?? cardModel.summary
                    file.localizedValue(cell)
                }
                file.close("]")
                file.close("}")
            }
            file.close("]")
            file.close("}")
            file.close("]")
            file.close("}") // the card
            file.close("]")
            file.close("}")
            totalBytes += try file.write(to: directory + "/\(prefix).json")
        }
        return Summary(directory: directory, files: countries + 1, bytes: totalBytes)
    }

    private static func source(_ text: inout JSONText, id: String, kind: String, title: Localized) {
        text.open("{")
        text.field("id", id)
        text.comma()
        text.field("kind", kind)
        text.comma()
        text.localized("title", title)
        text.comma()
        text.field("url", "https://example.org/cardguide-bench/\(id)")
        text.close("}")
    }

    private static func numbered(_ text: Localized, _ n: Int) -> Localized {
        Localized(zh: "\(text.zh)（\(n)）", en: "\(text.en) (\(n))")
    }
}

/// Just enough JSON writing for the generator, pretty-printed like the shipped files.
struct JSONText {
    private(set) var bytes: [UInt8] = []
    private var depth = 0

    init() { bytes.reserveCapacity(1 << 20) }

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    private mutating func newline() {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
    }

    mutating func open(_ bracket: String) {
        raw(bracket)
        depth += 1
        newline()
    }

    mutating func close(_ bracket: String) {
        depth -= 1
        newline()
        raw(bracket)
    }

    mutating func comma() {
        raw(",")
        newline()
    }

    mutating func key(_ name: String) {
        string(name)
        raw(": ")
    }

    mutating func string(_ text: String) {
        bytes.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x09: raw("\\t")
            case 0..<0x20: raw("\\u00" + (byte < 16 ? "0" : "") + String(byte, radix: 16))
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    mutating func field(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    mutating func localizedValue(_ value: Localized) {
        open("{")
        field("zh", value.zh)
        comma()
        field("en", value.en)
        close("}")
    }

    mutating func localized(_ name: String, _ value: Localized) {
        key(name)
        localizedValue(value)
    }

    mutating func strings(_ name: String, _ values: [String]) {
        key(name)
        raw("[")
        for (n, value) in values.enumerated() {
            if n > 0 { raw(", ") }
            string(value)
        }
        raw("]")
    }

    func write(to path: String) throws -> Int {
        try Data(bytes + [0x0A]).write(to: URL(fileURLWithPath: path))
        return bytes.count + 1
    }
}
