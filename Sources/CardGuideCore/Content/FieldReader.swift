/// Reads typed fields out of parsed JSON while recording, with its JSON path, every field
/// that is missing, of the wrong type, empty, unknown, or breaks a text rule. It never stops
/// at the first problem: the validator must report them all.
struct FieldReader {
    let file: String
    private(set) var issues: [ContentIssue] = []
    /// Every text read, with its path: the glossary is checked once the whole pack is read.
    private(set) var texts: [(path: String, text: Localized)] = []

    init(file: String) { self.file = file }

    mutating func report(
        _ path: String, _ message: String, _ severity: ContentIssue.Severity = .error
    ) {
        issues.append(ContentIssue(file: file, path: path, message: message, severity: severity))
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// The members of an object, reporting keys that are not in `allowed` (typos lose data silently otherwise).
    mutating func object(_ value: JSONValue, at path: String, allowed: Set<String>) -> JSONValue? {
        guard case .object(let members) = value else {
            report(path, "expected an object, found \(value.typeName)")
            return nil
        }
        var seen = Set<String>()
        for member in members {
            if !allowed.contains(member.key) {
                report(Self.join(path, member.key), "unknown field")
            } else if !seen.insert(member.key).inserted {
                report(Self.join(path, member.key), "field appears twice")
            }
        }
        return value
    }

    mutating func string(
        _ object: JSONValue, _ key: String, at path: String, required: Bool = true,
        linkAllowed: Bool = false
    ) -> String? {
        let fieldPath = Self.join(path, key)
        guard let value = object[key] else {
            if required { report(fieldPath, "missing") }
            return nil
        }
        guard case .string(let text) = value else {
            report(fieldPath, "expected a string, found \(value.typeName)")
            return nil
        }
        if text.isBlank {
            report(fieldPath, "empty")
            return nil
        }
        checkText(text, at: fieldPath, linkAllowed: linkAllowed)
        return text
    }

    mutating func id(
        _ object: JSONValue, _ key: String = "id", at path: String, required: Bool = true
    ) -> String? {
        guard let text = string(object, key, at: path, required: required) else { return nil }
        if !TextRules.isValidID(text) {
            report(Self.join(path, key), "IDs use only ASCII letters, digits, '-' and '_'")
        }
        return text
    }

    mutating func localized(
        _ object: JSONValue, _ key: String, at path: String,
        required: Bool = true, linkAllowed: Bool = false
    ) -> Localized? {
        let fieldPath = Self.join(path, key)
        guard let value = object[key] else {
            if required { report(fieldPath, "missing") }
            return nil
        }
        return localized(value, at: fieldPath, linkAllowed: linkAllowed)
    }

    /// A `{ "zh": …, "en": … }` value standing at `path`.
    mutating func localized(
        _ value: JSONValue, at path: String,
        linkAllowed: Bool = false
    ) -> Localized? {
        guard self.object(value, at: path, allowed: ["zh", "en"]) != nil else { return nil }
        let zh = string(value, "zh", at: path, linkAllowed: linkAllowed)
        let en = string(value, "en", at: path, linkAllowed: linkAllowed)
        // Keep what exists so that later checks still see the rest of the pack.
        let text = Localized(zh: zh ?? "", en: en ?? "")
        texts.append((path, text))
        return text
    }

    /// A string field that names one of `T`'s cases.
    mutating func choice<T: RawRepresentable & CaseIterable>(
        _ object: JSONValue, _ key: String, at path: String, required: Bool = true
    ) -> T? where T.RawValue == String {
        guard let text = string(object, key, at: path, required: required) else { return nil }
        guard let value = T(rawValue: text) else {
            let names = T.allCases.map(\.rawValue).joined(separator: ", ")
            report(Self.join(path, key), "'\(text)' is not one of \(names)")
            return nil
        }
        return value
    }

    /// The members of an object field, each with its path (`steps.s1`).
    mutating func members(_ object: JSONValue, _ key: String, at path: String) -> [(
        key: String, value: JSONValue, path: String
    )] {
        let fieldPath = Self.join(path, key)
        guard let value = object[key] else {
            report(fieldPath, "missing")
            return []
        }
        guard case .object(let members) = value else {
            report(fieldPath, "expected an object, found \(value.typeName)")
            return []
        }
        return members.map { ($0.key, $0.value, Self.join(fieldPath, $0.key)) }
    }

    mutating func bool(_ object: JSONValue, _ key: String, at path: String) -> Bool {
        guard let value = object[key] else { return false }
        guard case .bool(let flag) = value else {
            report(Self.join(path, key), "expected true or false, found \(value.typeName)")
            return false
        }
        return flag
    }

    mutating func number(_ object: JSONValue, _ key: String, at path: String) -> Double? {
        guard let value = object[key] else {
            report(Self.join(path, key), "missing")
            return nil
        }
        guard case .number(let number) = value else {
            report(Self.join(path, key), "expected a number, found \(value.typeName)")
            return nil
        }
        return number
    }

    /// The elements of an array field, each with its path.
    mutating func array(
        _ object: JSONValue, _ key: String, at path: String, required: Bool = true,
        nonEmpty: Bool = false
    ) -> [(value: JSONValue, path: String)] {
        let fieldPath = Self.join(path, key)
        guard let value = object[key] else {
            if required { report(fieldPath, "missing") }
            return []
        }
        guard case .array(let elements) = value else {
            report(fieldPath, "expected an array, found \(value.typeName)")
            return []
        }
        if nonEmpty && elements.isEmpty { report(fieldPath, "empty: at least one entry is needed") }
        return elements.enumerated().map { ($1, "\(fieldPath)[\($0)]") }
    }

    mutating func strings(
        _ object: JSONValue, _ key: String, at path: String, required: Bool = true,
        nonEmpty: Bool = false
    ) -> [(text: String, path: String)] {
        array(object, key, at: path, required: required, nonEmpty: nonEmpty).compactMap { element in
            guard case .string(let text) = element.value else {
                report(element.path, "expected a string, found \(element.value.typeName)")
                return nil
            }
            checkText(text, at: element.path)
            return (text, element.path)
        }
    }

    /// The rules every text follows: no advertised address, no link outside the source
    /// table, no punctuation whose width terminals disagree on.
    mutating func checkText(_ text: String, at path: String, linkAllowed: Bool = false) {
        // One pass over the bytes rules out what cannot apply; the full rules run on the rest.
        let found = TextRules.scan(text)
        if found.contains(.mayBeDenied), let denied = TextRules.deniedAddress(in: text) {
            report(
                path,
                "address on the deny list ('\(denied)'): the source articles' advertising must never be shown"
            )
        } else if !linkAllowed && found.contains(.mayBeLink) && TextRules.containsLink(text) {
            report(
                path, "link outside the source table: put the address in a source and cite its ID")
        }
        if found.contains(.mayHoldAmbiguous), let scalar = TextRules.ambiguousScalar(in: text) {
            report(
                path,
                "character '\(Character(scalar))' (\(TextRules.hex(scalar))) is one column wide in some terminals and two in others: use ASCII or full-width CJK punctuation"
            )
        }
        if found.contains(.control), let scalar = TerminalText.firstUnsafe(in: text) {
            report(
                path,
                "control character \(TextRules.hex(scalar)) in text: control, bidi and "
                    + "zero-width characters can change what a terminal shows")
        }
    }
}

extension String {
    /// Empty or only whitespace. Stops at the first visible scalar, which is almost always
    /// the first: the Unicode property lookup is only for the rare non-ASCII one.
    var isBlank: Bool {
        for scalar in unicodeScalars {
            if scalar.value > 0x20 && scalar.value < 0x7F { return false }
            if scalar.value > 0x3000 && scalar.value <= 0x9FFF { return false } // CJK, no spaces
            if !scalar.properties.isWhitespace { return false }
        }
        return true
    }
}
