import CardGuideCore

/// The words for progress, finishing, the safety box and keys that do nothing.
extension Strings {
    public var finishedTitle: String { t("已完成", "Finished") }
    public var checklistFinished: String {
        t("这份清单已全部完成。", "Every step of this checklist is done.")
    }
    public func stepsLeft(_ n: Int) -> String {
        t("还有 \(n) 步未完成，按 o 查看。", "\(n) step\(n == 1 ? "" : "s") still open: o shows them.")
    }
    /// Plain mode reads progress as words instead of a bar.
    public func progressWords(done: Int, of total: Int) -> String {
        t("已完成 \(done) 步，共 \(total) 步", "\(done) of \(total) steps done")
    }
    public var notStartedYet: String {
        t("只是浏览：勾选或按 d 才开始清单", "Reading only: a tick or d starts it")
    }

    public var markDone: Localized { Localized(zh: "完成此步", en: "Mark done") }
    public var markNotDone: Localized { Localized(zh: "改回未完成", en: "Mark not done") }
    public var finishChecklist: Localized { Localized(zh: "完成清单", en: "Finish") }

    public var safetyBoxTitle: String { t("安全提示", "Safety first") }
    public var safetyBoxIntro: String { t("清单已开始。办理时请记住：", "Checklist started. Remember:") }
    public var safetyBoxKeys: String { t("[回车] 继续   [s] 全文", "[Enter] Continue   [s] Full text") }
    public func moreRules(_ n: Int) -> String { t("另有 \(n) 条，按 s 查看", "\(n) more: press s") }

    public func keyDoesNothing(_ key: String) -> String {
        t(
            "「\(key)」键在此页面无效，按 ? 查看可用按键。",
            "\(key) does nothing here: ? lists the keys of this screen.")
    }
    public var englishOnly: String {
        t("终端不是 UTF-8，无法显示中文。", "This terminal is not UTF-8: Chinese cannot be shown.")
    }
    public var localeNotice: String {
        "Locale is not UTF-8: English and ASCII only (LANG=C.UTF-8 shows Chinese)."
    }
}
