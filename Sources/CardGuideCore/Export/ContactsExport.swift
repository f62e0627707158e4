/// The official contacts of a country as export text: printed with each checklist and on
/// hand-outs, so that a visitor leaves with the numbers that matter.
extension ChecklistExport {
    /// One country's contacts alone (for a printed sheet or `export`).
    public static func renderContacts(
        countryID: String, pack: ContentPack, language: Language,
        format: Format
    ) -> String {
        var document = ExportDocument()
        addContacts(countryID: countryID, to: &document, pack: pack, words: ExportStrings(language))
        return format == .markdown ? document.markdown() : document.text(width: textWidth)
    }

    static func addContacts(
        countryID: String, to document: inout ExportDocument, pack: ContentPack,
        words: ExportStrings
    ) {
        let contacts = pack.contacts(forCountry: countryID)
        guard !contacts.isEmpty else { return }
        let language = words.language
        let country = pack.country(countryID)?.name[language] ?? countryID
        document.add(.heading(level: 3, text: words.contacts(country)))
        for contact in contacts {
            document.add(.item(depth: 0, mark: nil, text: words.contactLine(contact)))
            document.add(.item(depth: 1, mark: nil, text: contact.purpose[language]))
            if let hours = contact.hours {
                document.add(.item(depth: 1, mark: nil, text: words.hours + hours[language]))
            }
            let cited = words.stepSources + contact.sources.joined(separator: ", ")
            document.add(.item(depth: 1, mark: nil, text: cited))
        }
        document.add(.endList)
    }
}

extension ExportStrings {
    private func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    public func contacts(_ country: String) -> String {
        pick("官方联系方式：\(country)", "Official contacts: \(country)")
    }
    public var hours: String { pick("时间：", "Hours: ") }

    /// "12333  人社服务热线" / "12333  Human resources and social security line".
    public func contactLine(_ contact: Contact) -> String {
        contact.value[language] + "  " + contact.name[language]
    }
}
