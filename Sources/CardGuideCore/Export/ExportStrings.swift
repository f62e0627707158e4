/// The words the export prints. Only characters that are one column wide everywhere (no
/// arrows, dashes or middle dots, which are two columns in terminals set to "ambiguous =
/// wide") so the plain-text layout holds in any terminal.
extension Strings {
    public var title: String { t("CardGuide 进度记录", "CardGuide progress record") }
    public var legend: String {
        t(
            "图例：步骤 [x] 已完成，[~] 进行中，[ ] 未开始；材料 [x] 已备好，[ ] 还缺。",
            "Legend: steps [x] done, [~] in progress, [ ] not started; materials [x] ready, [ ] still missing."
        )
    }
    public var noChecklists: String { t("还没有开始任何清单。", "No checklist started yet.") }

    public func progress(step: Int, of steps: Int, done: Int, ticked: Int, of materials: Int)
        -> String
    {
        t(
            "进度：第 \(step) 步，共 \(steps) 步（已完成 \(done) 步）；材料已备好 \(ticked) / \(materials) 件。",
            "Progress: step \(step) of \(steps) (\(done) done); \(ticked) of \(materials) materials ready."
        )
    }

    public func dates(started: String, changed: String) -> String {
        t("开始于 \(started)，最近更改 \(changed)。", "Started \(started), last changed \(changed).")
    }

    /// `text` followed by a remark: a space before "(..." in English, none before the
    /// full-width "（" in Chinese, which carries its own spacing. The sheet uses it too.
    public func remark(_ text: String, _ remark: String) -> String {
        t(text + remark, text + " " + remark)
    }

    public var exportSteps: String { t("步骤", "Steps") }
    public var current: String { t("（当前步骤）", "(current step)") }
    public var exportBring: String { t("需要带：", "Bring:") }
    public var exportWhere: String { t("地点：", "Where: ") }
    public var duration: String { t("所需时间：", "How long: ") }
    public var exportVaries: String { t("因地而异：", "Varies: ") }
    public var variesDefault: String {
        t("各地、各机构的规定不同，请向当地确认。", "The rules differ by place or office; check locally.")
    }
    public var stepSources: String { t("来源：", "Sources: ") }
    public var noOfficial: String { t("（没有官方来源）", "(no official source)") }
    public var missing: String { t("还缺的材料", "Still missing") }
    public var nothingMissing: String { t("没有，材料都已备好。", "Nothing: every material is ready.") }
    public func inStep(_ number: Int, _ title: String) -> String {
        t("（第 \(number) 步：\(title)）", "(step \(number): \(title))")
    }
    public var sources: String { t("引用的来源", "Sources cited") }
    public var safety: String { t("安全须知", "Safety rules") }

    public func exportKind(_ kind: Source.Kind) -> String {
        switch kind {
        case .official: return t("（官方）", "(official)")
        case .media: return t("（媒体）", "(media)")
        case .low: return t("（可信度低，仅供参考）", "(low reliability, for reference only)")
        }
    }

    public func gone(card: String, method: String) -> String {
        t(
            "这份清单对应的内容已不在指南中（卡 \(card)，方式 \(method)）。",
            "The content of this checklist is no longer in the guide (card \(card), method \(method))."
        )
    }

    // MARK: Contacts

    public func contacts(_ country: String) -> String {
        t("官方联系方式：\(country)", "Official contacts: \(country)")
    }
    public var hours: String { t("时间：", "Hours: ") }

    /// "12333  人社服务热线" / "12333  Human resources and social security line".
    public func contactLine(_ contact: Contact) -> String {
        contact.value[language] + "  " + contact.name[language]
    }
}
