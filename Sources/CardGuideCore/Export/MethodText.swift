/// Every step of one method as plain text, for `cardguide show`: what a screen reader or a
/// terminal without cursor addressing reads best. No progress, no box art.
public enum MethodText {
    public static func render(card: Card, method: Method, pack: ContentPack, language: Language)
        -> String
    {
        let words = Strings(language)
        let country = pack.country(card.countryID)?.name[language] ?? card.countryID
        var document = ExportDocument()
        document.add(
            .heading(
                level: 1, text: "\(country) > \(card.name[language]) > \(method.name[language])"))
        document.add(.paragraph(method.summary[language]))
        for (index, step) in method.steps.enumerated() {
            document.add(.heading(level: 2, text: "\(index + 1). \(step.title[language])"))
            document.add(.paragraph(step.body[language]))
            if !step.bring.isEmpty {
                document.add(.paragraph(words.exportBring))
                for material in step.bring {
                    document.add(
                        .item(
                            depth: 0, mark: "-",
                            text: ChecklistExport.materialText(material, language)))
                }
                document.add(.endList)
            }
            var facts: [String] = []
            if let place = step.where { facts.append(words.exportWhere + place[language]) }
            if let time = step.duration { facts.append(words.duration + time[language]) }
            if step.varies {
                facts.append(
                    words.exportVaries + (step.variesNote?[language] ?? words.variesDefault))
            }
            if !step.sources.isEmpty {
                facts.append(words.stepSources + step.sources.joined(separator: ", "))
            }
            for fact in facts { document.add(.paragraph(fact)) }
        }
        return document.text(width: ChecklistExport.textWidth)
    }
}
