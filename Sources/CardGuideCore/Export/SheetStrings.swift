/// The visitor sheet's own words. Like the export's, only characters that are one column
/// wide everywhere, so the printed layout holds on any printer or terminal.
extension Strings {
    public var stepsHeading: String {
        t("步骤（做完一步，在方框里打勾）", "Steps (tick the box when a step is done)")
    }
    public var sheetBring: String { t("带上：", "Bring:") }
    public var sheetWhere: String { t("地点：", "Where:") }
    public var contactsHeading: String { t("官方联系方式", "Official contacts") }
    public var sheetIssuer: String { t("负责机构：", "Run by:") }
    public var phone: String { t("电话：", "Phone:") }
    public var web: String { t("网址：", "Web:") }
    public func safetyHeading(_ country: String) -> String {
        t("安全须知（\(country)）", "Safety rules (\(country))")
    }
    public var sourcesHeading: String { t("来源（官方来源在前）", "Sources (official first)") }

    public func sheetKind(_ kind: Source.Kind) -> String {
        switch kind {
        case .official: return t("（官方）", "(official)")
        case .media: return t("（媒体）", "(media)")
        case .low: return t("（可信度低）", "(low confidence)")
        }
    }
}
