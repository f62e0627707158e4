/// Turns one parsed content file into model values. Problems local to the file (missing
/// fields, wrong types, empty lists, rule-breaking text) are reported here with their JSON
/// path; IDs and references are handed to the loader, which checks them across the pack.
struct ContentReader {
    /// An ID defined at a place, for pack-wide uniqueness checks.
    struct Definition {
        var kind: String
        var id: String
        var file: String
        var path: String
    }
    /// A reference to check once every file is read.
    struct Reference {
        var kind: String
        var id: String
        var file: String
        var path: String
    }

    var fields: FieldReader
    var countries: [Country] = []
    var cards: [Card] = []
    var safety: [SafetyRule] = []
    var sources: [Source] = []
    var contacts: [Contact] = []
    var terms = TermRules()
    /// Addresses that must be on an official domain: official sources' and web contacts'.
    var webAddresses: [(address: String, path: String)] = []
    var definitions: [Definition] = []
    var references: [Reference] = []

    static let supportedSchemaVersion = 1

    init(file: String) { fields = FieldReader(file: file) }

    private mutating func define(_ kind: String, _ id: String?, at path: String) {
        guard let id else { return }
        definitions.append(
            Definition(kind: kind, id: id, file: fields.file, path: FieldReader.join(path, "id")))
    }

    private mutating func refer(_ kind: String, _ id: String, at path: String) {
        references.append(Reference(kind: kind, id: id, file: fields.file, path: path))
    }

    private mutating func sourceList(_ object: JSONValue, at path: String) -> [String] {
        let list = fields.strings(object, "sources", at: path, nonEmpty: true)
        for entry in list { refer("source", entry.text, at: entry.path) }
        return list.map(\.text)
    }

    mutating func read(_ root: JSONValue) {
        let keys: Set<String> = [
            "schemaVersion", "countries", "safety", "sources", "country",
            "cards", "contacts", "glossary", "officialDomains",
        ]
        guard fields.object(root, at: "", allowed: keys) != nil else { return }
        // Compared as a Double: 1.5 is not version 1, and Int(1e300) would trap.
        if let version = fields.number(root, "schemaVersion", at: ""),
            version != Double(Self.supportedSchemaVersion)
        {
            fields.report(
                "schemaVersion",
                "version \(version.formatted) is not supported (this program reads version \(Self.supportedSchemaVersion))"
            )
        }
        for element in fields.array(root, "countries", at: "", required: false) {
            readCountry(element.value, at: element.path)
        }
        for element in fields.array(root, "safety", at: "", required: false) {
            readSafety(element.value, at: element.path)
        }
        for element in fields.array(root, "sources", at: "", required: false) {
            readSource(element.value, at: element.path)
        }
        for element in fields.array(root, "contacts", at: "", required: false) {
            readContact(element.value, at: element.path)
        }
        terms.read(root, &fields)
        let cardElements = fields.array(root, "cards", at: "", required: false)
        let countryID = fields.id(root, "country", at: "", required: false).map { id in
            refer("country", id, at: "country")
            return id
        }
        if root["cards"] != nil && root["country"] == nil {
            fields.report("country", "missing: a file with cards names the country they belong to")
        }
        for element in cardElements {
            readCard(element.value, country: countryID ?? "", at: element.path)
        }
    }

    private mutating func readCountry(_ value: JSONValue, at path: String) {
        guard fields.object(value, at: path, allowed: ["id", "name", "summary"]) != nil else {
            return
        }
        let id = fields.id(value, at: path)
        define("country", id, at: path)
        let name = fields.localized(value, "name", at: path)
        let summary = fields.localized(value, "summary", at: path)
        guard let id, let name, let summary else { return }
        countries.append(Country(id: id, name: name, summary: summary))
    }

    private mutating func readSafety(_ value: JSONValue, at path: String) {
        guard
            fields.object(
                value, at: path, allowed: ["id", "title", "body", "sources", "countries"]) != nil
        else { return }
        let id = fields.id(value, at: path)
        define("safety rule", id, at: path)
        let title = fields.localized(value, "title", at: path)
        let body = fields.localized(value, "body", at: path)
        let cited = sourceList(value, at: path)
        let countries = fields.strings(value, "countries", at: path, required: false)
        for entry in countries { refer("country", entry.text, at: entry.path) }
        guard let id, let title, let body else { return }
        safety.append(
            SafetyRule(
                id: id, title: title, body: body, sources: cited, countries: countries.map(\.text)))
    }

    private mutating func readSource(_ value: JSONValue, at path: String) {
        guard fields.object(value, at: path, allowed: ["id", "kind", "title", "url"]) != nil else {
            return
        }
        let id = fields.id(value, at: path)
        define("source", id, at: path)
        let kind: Source.Kind? = fields.choice(value, "kind", at: path)
        let title = fields.localized(value, "title", at: path)
        let url = fields.string(value, "url", at: path, linkAllowed: true)
        if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            fields.report(FieldReader.join(path, "url"), "expected an http:// or https:// address")
        }
        if let url, kind == .official { webAddresses.append((url, FieldReader.join(path, "url"))) }
        guard let id, let kind, let title, let url else { return }
        sources.append(Source(id: id, kind: kind, title: title, url: url))
    }

    private mutating func readContact(_ value: JSONValue, at path: String) {
        let allowed: Set<String> = [
            "id", "countries", "kind", "name", "value", "purpose", "hours",
            "sources",
        ]
        guard fields.object(value, at: path, allowed: allowed) != nil else { return }
        let id = fields.id(value, at: path)
        define("contact", id, at: path)
        let countries = fields.strings(value, "countries", at: path, nonEmpty: true)
        for entry in countries { refer("country", entry.text, at: entry.path) }
        let kind: Contact.Kind? = fields.choice(value, "kind", at: path)
        let name = fields.localized(value, "name", at: path)
        // A web contact is an address as typed ("www.ameli.fr"): the one place besides the
        // source table where an address may stand; its domain is checked like an official source's.
        let shown = fields.localized(value, "value", at: path, linkAllowed: kind == .web)
        if let shown, kind == .web {
            webAddresses.append((shown.en, FieldReader.join(path, "value.en")))
        }
        let purpose = fields.localized(value, "purpose", at: path)
        let hours = fields.localized(value, "hours", at: path, required: false)
        let cited = sourceList(value, at: path)
        guard let id, let kind, let name, let shown, let purpose else { return }
        contacts.append(
            Contact(
                id: id, countryIDs: countries.map(\.text), kind: kind, name: name,
                value: shown, purpose: purpose, hours: hours, sources: cited))
    }

    private mutating func readCard(_ value: JSONValue, country: String, at path: String) {
        guard
            fields.object(
                value, at: path,
                allowed: [
                    "id", "name", "summary", "issuer", "activation", "methods",
                    "cautions", "faq", "comparisons",
                ]) != nil
        else { return }
        let id = fields.id(value, at: path)
        define("card", id, at: path)
        let name = fields.localized(value, "name", at: path)
        let summary = fields.localized(value, "summary", at: path)
        let issuer = fields.localized(value, "issuer", at: path)
        let activation = fields.localized(value, "activation", at: path)
        let methodElements = fields.array(value, "methods", at: path, nonEmpty: true)
        let methods = methodElements.compactMap { readMethod($0.value, at: $0.path) }
        let cautions = fields.array(value, "cautions", at: path, required: false).compactMap {
            readCaution($0.value, at: $0.path)
        }
        let faq = fields.array(value, "faq", at: path, required: false).compactMap {
            readFAQ($0.value, at: $0.path)
        }
        // Columns may name any method the card defines, even one left out for a missing field:
        // that method is reported once, at the field, not again at every table naming it.
        let methodIDs = Set(
            methodElements.compactMap { element -> String? in
                if case .string(let id)? = element.value["id"] { return id }
                return nil
            })
        let comparisons = fields.array(value, "comparisons", at: path, required: false).compactMap {
            readComparison($0.value, methodIDs: methodIDs, at: $0.path)
        }
        guard let id, let name, let summary, let issuer, let activation else { return }
        cards.append(
            Card(
                id: id, countryID: country, name: name, summary: summary, issuer: issuer,
                activation: activation, methods: methods, cautions: cautions, faq: faq,
                comparisons: comparisons))
    }

    private mutating func readMethod(_ value: JSONValue, at path: String) -> Method? {
        guard
            fields.object(value, at: path, allowed: ["id", "name", "summary", "suits", "steps"])
                != nil
        else { return nil }
        let id = fields.id(value, at: path)
        define("method", id, at: path)
        let name = fields.localized(value, "name", at: path)
        let summary = fields.localized(value, "summary", at: path)
        let suits = fields.localized(value, "suits", at: path)
        var materialPaths: [String: String] = [:]
        let steps = fields.array(value, "steps", at: path, nonEmpty: true).compactMap {
            element -> Step? in
            let step = readStep(element.value, at: element.path)
            // Ticks are saved per method and material ID, so a material ID may appear once per method.
            for (index, material) in (step?.bring ?? []).enumerated() {
                let materialPath = "\(element.path).bring[\(index)].id"
                if let first = materialPaths[material.id] {
                    fields.report(
                        materialPath,
                        "duplicate material id '\(material.id)' in this method (first at \(first))")
                } else {
                    materialPaths[material.id] = materialPath
                }
            }
            return step
        }
        guard let id, let name, let summary, let suits else { return nil }
        return Method(id: id, name: name, summary: summary, suits: suits, steps: steps)
    }

    private mutating func readStep(_ value: JSONValue, at path: String) -> Step? {
        guard
            fields.object(
                value, at: path,
                allowed: [
                    "id", "title", "body", "bring", "where", "duration", "sources",
                    "varies", "variesNote",
                ]) != nil
        else { return nil }
        let id = fields.id(value, at: path)
        define("step", id, at: path)
        let title = fields.localized(value, "title", at: path)
        let body = fields.localized(value, "body", at: path)
        let bring = fields.array(value, "bring", at: path, required: false).compactMap {
            element -> Material? in
            guard
                fields.object(element.value, at: element.path, allowed: ["id", "name", "note"])
                    != nil
            else { return nil }
            let id = fields.id(element.value, at: element.path)
            let name = fields.localized(element.value, "name", at: element.path)
            let note = fields.localized(element.value, "note", at: element.path, required: false)
            guard let id, let name else { return nil }
            return Material(id: id, name: name, note: note)
        }
        let place = fields.localized(value, "where", at: path, required: false)
        let duration = fields.localized(value, "duration", at: path, required: false)
        let cited = sourceList(value, at: path)
        let varies = fields.bool(value, "varies", at: path)
        let variesNote = fields.localized(value, "variesNote", at: path, required: false)
        if variesNote != nil && !varies {
            fields.report(FieldReader.join(path, "variesNote"), "given, but 'varies' is not true")
        }
        guard let id, let title, let body else { return nil }
        return Step(
            id: id, title: title, body: body, bring: bring, where: place, duration: duration,
            sources: cited, varies: varies, variesNote: variesNote)
    }

    private mutating func readCaution(_ value: JSONValue, at path: String) -> Caution? {
        guard
            fields.object(value, at: path, allowed: ["id", "kind", "title", "body", "sources"])
                != nil
        else { return nil }
        let id = fields.id(value, at: path)
        define("caution", id, at: path)
        let kind: Caution.Kind? = fields.choice(value, "kind", at: path)
        let title = fields.localized(value, "title", at: path)
        let body = fields.localized(value, "body", at: path)
        let cited = sourceList(value, at: path)
        guard let id, let kind, let title, let body else { return nil }
        return Caution(id: id, kind: kind, title: title, body: body, sources: cited)
    }

    private mutating func readFAQ(_ value: JSONValue, at path: String) -> FAQ? {
        guard
            fields.object(
                value, at: path, allowed: ["id", "question", "answer", "sources", "keywords"])
                != nil
        else { return nil }
        let id = fields.id(value, at: path)
        define("faq", id, at: path)
        let question = fields.localized(value, "question", at: path)
        let answer = fields.localized(value, "answer", at: path)
        let cited = sourceList(value, at: path)
        var zh: [String] = []
        var en: [String] = []
        if let keywords = value["keywords"] {
            let keywordsPath = FieldReader.join(path, "keywords")
            if fields.object(keywords, at: keywordsPath, allowed: ["zh", "en"]) != nil {
                zh = fields.strings(keywords, "zh", at: keywordsPath).map(\.text)
                en = fields.strings(keywords, "en", at: keywordsPath).map(\.text)
            }
        }
        guard let id, let question, let answer else { return nil }
        return FAQ(
            id: id, question: question, answer: answer, sources: cited, keywordsZh: zh,
            keywordsEn: en)
    }

    private mutating func readComparison(
        _ value: JSONValue, methodIDs: Set<String>, at path: String
    ) -> Comparison? {
        guard fields.object(value, at: path, allowed: ["id", "title", "methods", "rows"]) != nil
        else { return nil }
        let id = fields.id(value, at: path)
        define("comparison", id, at: path)
        let title = fields.localized(value, "title", at: path)
        let columns = fields.strings(value, "methods", at: path, nonEmpty: true)
        for column in columns where !methodIDs.contains(column.text) {
            fields.report(column.path, "'\(column.text)' is not a method of this card")
        }
        let rows = fields.array(value, "rows", at: path, nonEmpty: true).compactMap {
            element -> Comparison.Row? in
            guard
                fields.object(element.value, at: element.path, allowed: ["label", "cells"]) != nil
            else { return nil }
            let label = fields.localized(element.value, "label", at: element.path)
            let cellElements = fields.array(element.value, "cells", at: element.path)
            if cellElements.count != columns.count {
                fields.report(
                    FieldReader.join(element.path, "cells"),
                    "has \(cellElements.count) cells for \(columns.count) columns")
            }
            let cells = cellElements.compactMap { fields.localized($0.value, at: $0.path) }
            guard let label else { return nil }
            return Comparison.Row(label: label, cells: cells)
        }
        guard let id, let title else { return nil }
        return Comparison(id: id, title: title, methods: columns.map(\.text), rows: rows)
    }
}

extension Double {
    var formatted: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
