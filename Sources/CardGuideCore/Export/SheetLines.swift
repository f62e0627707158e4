/// The visitor sheet's lines as they are built: texts wrapped to the page with a hanging
/// indent, in the visitor's language and, when bilingual, the other language beneath at the
/// same indent (paper has no dim style: the position says which is which).
struct SheetLines {
    let width: Int
    let language: Language
    let bilingual: Bool
    private var lines: [String] = []

    init(width: Int, language: Language, bilingual: Bool) {
        self.width = width
        self.language = language
        self.bilingual = bilingual
    }

    /// A text: `prefix` (a box, a number) on its first line, the rest hanging under the text.
    mutating func both(_ text: Localized, indent: Int = 0, prefix: String = "") {
        add(text[language], indent: indent, prefix: prefix)
        if bilingual && text[language.other] != text[language] {
            add(
                text[language.other], indent: indent,
                prefix: String(repeating: " ", count: prefix.count))
        }
    }

    /// The sheet's own words (`SheetStrings.swift`), in both languages.
    mutating func words(indent: Int = 0, _ pick: (Strings) -> String) {
        both(Localized(zh: pick(Strings(.zh)), en: pick(Strings(.en))), indent: indent)
    }

    /// A label and its value ("Where: CPAM office").
    mutating func field(indent: Int, _ label: (Strings) -> String, _ value: Localized) {
        both(
            Localized(
                zh: label(Strings(.zh)) + value.zh,
                en: label(Strings(.en)) + " " + value.en),
            indent: indent)
    }

    /// A web address, broken after `/` when it is wider than the page. It is the same in
    /// both languages: written once.
    mutating func address(_ address: String, indent: Int, prefix: String = "") {
        let hang = String(repeating: " ", count: indent + DisplayWidth.of(prefix))
        let lead = String(repeating: " ", count: indent) + prefix
        for (n, line) in AddressWrap.lines(address, width: width - hang.count).enumerated() {
            lines.append((n == 0 ? lead : hang) + line)
        }
    }

    mutating func rule() { lines.append(String(repeating: "=", count: width)) }

    mutating func blank() { if lines.last?.isEmpty == false { lines.append("") } }

    private mutating func add(_ text: String, indent: Int, prefix: String) {
        let hang = String(repeating: " ", count: indent + DisplayWidth.of(prefix))
        let wrapped = TextLayout.wrap(text, width: max(10, width - hang.count))
        for (n, line) in wrapped.enumerated() {
            lines.append((n == 0 ? String(repeating: " ", count: indent) + prefix : hang) + line)
        }
    }

    /// The sheet, trailing spaces removed, ending in one newline.
    /// A file someone will `cat` or print: unsafe characters are escaped, as in `export`.
    var text: String {
        var out = lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
        while out.last?.isEmpty == true { out.removeLast() }
        return TerminalText.escaped(out.joined(separator: "\n") + "\n")
    }
}
