/// The words of `cardguide list`, a plain-text tree: like the export's, only characters one
/// column wide everywhere.
extension Strings {
    public var listingContacts: String { t("官方联系方式：", "Official contacts: ") }

    public func listingCount(_ n: Int, _ noun: String) -> String {
        switch (language, noun) {
        case (.zh, "method"): return "\(n) 种办理方式"
        case (.zh, "faq"): return "\(n) 条常见问题"
        case (.zh, "step"): return "\(n) 步"
        case (.zh, _): return "\(n)"
        case (.en, _):
            return "\(n) \(noun == "faq" ? "FAQ" : noun)\(n == 1 || noun == "faq" ? "" : "s")"
        }
    }
}
