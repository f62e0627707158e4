#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The pack's own word rules, read from any file that has them: the glossary (one term per
/// thing in each language; terms to avoid; Chinese terms an English text must explain) and
/// the domains an official source or web contact may be on (government, insurer, bank).
struct TermRules {
    struct Term {
        var id: String
        var zh: String
        var en: String
        var avoidZh: [String]
        var avoidEn: [String]
        /// Chinese words that, in an English text, need the English name `en` beside them.
        var explain: [String]
        var path: String
    }

    var terms: [Term] = []
    var officialDomains: [String] = []
    /// Whether the file lists official domains at all (a pack without the list is not checked).
    var listsDomains = false

    mutating func read(_ root: JSONValue, _ fields: inout FieldReader) {
        if root["officialDomains"] != nil {
            listsDomains = true
            for entry in fields.strings(root, "officialDomains", at: "", nonEmpty: true) {
                let domain = entry.text.lowercased()
                if domain.contains("/") || domain.hasPrefix(".") || !domain.contains(".") {
                    fields.report(entry.path, "expected a domain name like 'gov.cn'")
                }
                officialDomains.append(domain)
            }
        }
        for element in fields.array(root, "glossary", at: "", required: false) {
            readTerm(element.value, at: element.path, &fields)
        }
    }

    private mutating func readTerm(
        _ value: JSONValue, at path: String,
        _ fields: inout FieldReader
    ) {
        let allowed: Set<String> = ["id", "zh", "en", "avoid", "explain"]
        guard fields.object(value, at: path, allowed: allowed) != nil else { return }
        let id = fields.id(value, at: path)
        let zh = fields.string(value, "zh", at: path)
        let en = fields.string(value, "en", at: path)
        var avoidZh: [String] = []
        var avoidEn: [String] = []
        if let avoid = value["avoid"] {
            let avoidPath = FieldReader.join(path, "avoid")
            if fields.object(avoid, at: avoidPath, allowed: ["zh", "en"]) != nil {
                avoidZh = fields.strings(avoid, "zh", at: avoidPath, required: false).map(\.text)
                avoidEn = fields.strings(avoid, "en", at: avoidPath, required: false).map(\.text)
            }
        }
        let explain = fields.strings(value, "explain", at: path, required: false).map(\.text)
        guard let id, let zh, let en else { return }
        terms.append(
            Term(
                id: id, zh: zh, en: en, avoidZh: avoidZh, avoidEn: avoidEn,
                explain: explain, path: path))
    }

    /// Whether `address` (a URL or a bare host like "www.ameli.fr/…") is on a listed domain.
    func isOfficial(_ address: String) -> Bool {
        let host = Self.host(of: address)
        return officialDomains.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    static func host(of address: String) -> String {
        var rest = Substring(address.lowercased())
        if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
        let end = rest.firstIndex { "/:?#".contains($0) } ?? rest.endIndex
        return String(rest[..<end])
    }

    private static func avoided(_ word: String, use term: String, _ id: String) -> String {
        "'\(word)' is avoided: the glossary's word is '\(term)' (\(id))"
    }

    /// The glossary's complaints about one text. Every word is compared as UTF-8 bytes (the
    /// English ones lower-cased once per text): the generic `firstRange(of:)` over string
    /// views made this check cost half a second for the shipped pack.
    func problems(in text: Localized) -> [(language: Language, message: String)] {
        var found: [(Language, String)] = []
        let zh = Array(text.zh.utf8)
        let en = Array(text.en.utf8)
        let english = Array(text.en.lowercased().utf8)
        for term in terms {
            for avoided in term.avoidZh where Self.contains(zh, avoided) {
                found.append((.zh, Self.avoided(avoided, use: term.zh, term.id)))
            }
            for avoided in term.avoidEn where Self.contains(english, avoided.lowercased()) {
                found.append((.en, Self.avoided(avoided, use: term.en, term.id)))
            }
            guard !term.explain.isEmpty, !Self.contains(english, term.en.lowercased()) else {
                continue
            }
            for word in term.explain where Self.contains(en, word) {
                let message =
                    "'\(word)' without its English name: "
                    + "write '\(term.en) (\(word))' (\(term.id))"
                found.append((.en, message))
            }
        }
        return found
    }

    /// Whether the bytes of `part` occur in `text`.
    private static func contains(_ text: [UInt8], _ part: String) -> Bool {
        let needle = Array(part.utf8)
        guard let first = needle.first else { return true }
        guard needle.count <= text.count else { return false }
        return text.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                    if memcmp(haystack.baseAddress! + start, needle.baseAddress!, needle.count) == 0
                    {
                        return true
                    }
                }
                return false
            }
        }
    }
}
