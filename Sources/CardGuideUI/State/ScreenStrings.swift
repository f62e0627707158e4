import CardGuideCore

/// The screens' words: titles, labels, hints and the notices of browsing and checklists.
extension Strings {
    public var appName: String { t("CardGuide 办卡指南", "CardGuide") }
    public var languageTag: String { t("[中文] EN", "中文 [EN]") }
    public var welcome: String {
        t(
            "社保卡、医保卡申领与激活，一步一步来。",
            "Get and activate your social-security or health card, step by step.")
    }
    public var continueTitle: String { t("继续办理", "Continue where you stopped") }
    public var chooseCountry: String { t("选择国家", "Choose a country") }
    public var more: String { t("更多", "More") }
    public var allFAQ: String { t("全部常见问题", "All frequently asked questions") }
    public var safetyRules: String { t("安全提示（防诈骗）", "Safety rules (fraud protection)") }
    public var chooseCard: String { t("选择证卡", "Choose a card") }
    public var chooseMethod: String { t("选择办理方式", "Choose how to do it") }
    public var issuer: String { t("发卡机构：", "Issued by:") }
    public var activation: String { t("激活：", "Activation:") }
    public var suits: String { t("适合：", "Suits:") }
    public var steps: String { t("步", "steps") }
    public var faqTitle: String { t("常见问题", "Frequently asked questions") }
    public var cautionsTitle: String { t("注意事项", "Cautions") }
    public var compareTitle: String { t("对比", "Compare") }
    public var overviewTitle: String { t("步骤总览", "All steps") }
    public var searchTitle: String { t("搜索", "Search") }
    public var searchPrompt: String { t("搜索：", "Search: ") }
    public var searchHint: String {
        t("输入中文或英文关键词，例如「密码」或 PIN。", "Type a word in English or Chinese, for example PIN or 密码.")
    }
    public var noResults: String { t("没有找到结果。试试更短的词。", "No results. Try a shorter word.") }
    public var bring: String { t("要带的材料", "What to bring") }
    public var whereLabel: String { t("去哪里：", "Where:") }
    public var durationLabel: String { t("需要多久：", "How long:") }
    public var sourcesLabel: String { t("来源", "Sources") }
    public var varies: String {
        t(
            "各地规定不同，请向办理这件事的机构核实。",
            "This differs from place to place: check with the office that handles it.")
    }
    public var noOfficialSource: String {
        t(
            "没有官方来源确认这里的内容，下面的来源都不是官方的。",
            "No official source confirms this: none of the sources below is official.")
    }
    public var contactsTitle: String { t("官方联系方式", "Official contacts") }
    public var contactsIntro: String {
        t(
            "只拨打这里列出的号码，或证卡、官方来信上印的号码。",
            "Call only these numbers or the ones printed on your card or on official letters.")
    }
    public var hoursLabel: String { t("时间：", "Hours:") }
    public var noContacts: String {
        t("内容包里没有这个国家的联系方式。", "The content pack has no contacts for this country.")
    }
    public var nothingToBring: String { t("这一步不用带材料。", "Nothing to bring for this step.") }
    public var safetyIntro: String { t("办理任何证卡时都请记住：", "Whatever card you are getting, remember:") }
    public var helpTitle: String { t("按键帮助", "Keys") }
    public var helpGlobal: String { t("所有页面", "Everywhere") }
    public var helpThisScreen: String { t("本页面", "This screen") }
    public var noComparison: String { t("这张卡没有对比表。", "This card has no comparison table.") }
    public var firstStep: String { t("这是第一步。", "This is the first step.") }
    public var tickScrolledFirst: String {
        t("已显示这一项：再按空格勾选。", "Shown. Press Space again to tick it.")
    }
    /// In the header while the session file is open read-only: the start-up notice says why.
    public var readOnly: String { t("只读，不保存", "read-only, not saved") }
    public var noCards: String { t("这个国家还没有证卡内容。", "No cards for this country yet.") }
    public var profilesTitle: String { t("档案", "Profiles") }
    public var defaultProfile: String { t("（默认）", "(default)") }
    public var noProfiles: String {
        t(
            "还没有其他档案。用 --profile 名称 启动即可新建。",
            "No other profiles yet. Start with --profile NAME to make one.")
    }
    public func profileCount(_ n: Int) -> String {
        t("\(n) 份清单", "\(n) checklist\(n == 1 ? "" : "s")")
    }
    public func profileSwitched(_ name: String) -> String {
        t("已切换到档案：\(name)", "Switched to profile: \(name)")
    }
    public var yesNo: String { t("[y] 确定   [n] 取消", "[y] Yes   [n] No") }

    public func kioskCountdown(_ seconds: Int) -> String {
        t(
            "\(seconds) 秒后将清空本次进度，回到首页，供下一位访客使用。\n按任意键继续使用。",
            "Resetting for the next visitor in \(seconds) s: this visit's progress will be cleared.\nPress any key to continue."
        )
    }

    public var demoPlaying: String {
        t("演示中。按任意键，从这一屏开始自己使用。", "Demo playing. Press any key to take over from this screen.")
    }

    public func handoutUnchanged(_ path: String) -> String {
        t("清单没有变化，不再重复保存：\(path)", "Nothing changed since this hand-out, so no new one: \(path)")
    }

    public var searchTooLong: String {
        let limit = SearchState.maximumQueryLength
        return t("搜索词最多 \(limit) 个字符。", "Search text is limited to \(limit) characters.")
    }

    /// A kiosk has no quit key, so it only asks for a larger window.
    public func tooSmall(_ size: Size, canQuit: Bool) -> [String] {
        [
            t("终端窗口太小", "Terminal too small"),
            t(
                "至少需要 40x12，现在是 \(size.width)x\(size.height)。",
                "Need 40x12, have \(size.width)x\(size.height)."),
            canQuit
                ? t("请放大窗口，或按 q 退出。", "Enlarge it, or press q to quit.")
                : t("请放大窗口。", "Please enlarge it."),
        ]
    }

    public func moreBelow(_ lines: Int) -> String {
        t(
            "-- 下面还有 \(lines) 行，按 PgDn 翻页 --",
            "-- \(lines) more line\(lines == 1 ? "" : "s"): PgDn --")
    }
    public func moreAbove(_ lines: Int) -> String {
        t(
            "-- 上面还有 \(lines) 行，按 PgUp 翻回 --",
            "-- \(lines) line\(lines == 1 ? "" : "s") above: PgUp --")
    }
    /// Both sides hidden: short enough for 40 columns with two-digit counts.
    public func moreAround(above: Int, below: Int) -> String {
        t(
            "-- 上面 \(above) 行，下面 \(below) 行 PgUp/PgDn --",
            "-- \(above) above, \(below) below: PgUp/PgDn --")
    }

    public func stepOf(_ n: Int, _ total: Int) -> String {
        t("步骤 \(n)/\(total)", "Step \(n) of \(total)")
    }
    public func doneOf(_ n: Int, _ total: Int) -> String {
        t("已完成 \(n)/\(total)", "\(n) of \(total) done")
    }
    public func materialsReady(_ n: Int, _ total: Int) -> String {
        t("\(n)/\(total) 项材料已备齐", "\(n) of \(total) item\(total == 1 ? "" : "s") ready")
    }
    /// A checklist's second row on the home screen: "China > Physical card, 1 of 9 items ready".
    public func resumeDetail(_ place: String, _ ready: String) -> String {
        t("\(place)，\(ready)", "\(place), \(ready)")
    }
    public func stepDone(_ n: Int) -> String { t("第 \(n) 步已完成。", "Step \(n) done.") }
    public func stepReopened(_ n: Int) -> String {
        t("第 \(n) 步改回未完成。", "Step \(n) is not done any more.")
    }
    public func resultCount(_ n: Int) -> String { t("\(n) 条结果", "\(n) result\(n == 1 ? "" : "s")") }
    public func comparisonPosition(_ n: Int, _ total: Int) -> String {
        t("表 \(n)/\(total)", "table \(n) of \(total)")
    }

    public func status(_ status: StepStatus) -> String {
        switch status {
        case .notStarted: return t("未开始", "Not started")
        case .inProgress: return t("进行中", "In progress")
        case .done: return t("已完成", "Done")
        }
    }

    public func sourceKind(_ kind: Source.Kind) -> String {
        switch kind {
        case .official: return t("官方", "official")
        case .media: return t("媒体", "media")
        case .low: return t("低可信度", "low confidence")
        }
    }

    public func cautionKind(_ kind: Caution.Kind) -> String {
        switch kind {
        case .fraud: return t("防诈骗", "Fraud")
        case .warning: return t("注意", "Warning")
        case .info: return t("提示", "Info")
        }
    }

    public func searchKind(_ target: SearchIndex.Target) -> String {
        switch target {
        case .faq: return t("问答", "FAQ")
        case .step: return t("步骤", "Step")
        case .caution: return t("注意", "Caution")
        case .card: return t("证卡", "Card")
        }
    }

    public func confirm(_ confirmation: Confirmation) -> String {
        switch confirmation {
        case .resetChecklist:
            return t(
                "重新开始这份清单？已勾选的材料和步骤状态会被清除。",
                "Start this checklist again? Its ticks and step statuses are cleared.")
        case .removeChecklist: return t("删除这份清单？", "Remove this checklist?")
        case .finishChecklist:
            return t(
                "这是最后一步。标为已完成，结束这份清单？",
                "This is the last step. Mark it done and finish the checklist?")
        }
    }
}
