/// The program's own words in both languages: one table for every screen, export, sheet and
/// listing (content text comes from the pack). The type holds only the language; each topic
/// adds its words in an `extension Strings` in a file of its own: the printed ones in the core
/// (`ExportStrings.swift`, `SheetStrings.swift`, `ListingStrings.swift`), the screens' ones in
/// CardGuideUI (`ScreenStrings.swift`, `ProgressStrings.swift`, `DeskStrings.swift`).
///
/// Rules: every word is one `t(zh, en)` (or a `Localized` when both are shown at once), so
/// nothing picks a language by hand; a topic names its words after its topic when another
/// topic already uses the plain name (`sheetBring`, `exportBring`); and the words that are
/// printed or saved to a file keep to characters one column wide everywhere (their files
/// say so), so their plain-text layout holds in any terminal and on any printer.
public struct Strings: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    package func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
}
