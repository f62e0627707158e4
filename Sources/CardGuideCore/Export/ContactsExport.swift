/// The official contacts of a country as export text: printed with each checklist and on
/// hand-outs, so that a visitor leaves with the numbers that matter.
extension ChecklistExport {
    static func addContacts(
        countryID: String, to document: inout ExportDocument, pack: ContentPack,
        words: Strings
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
