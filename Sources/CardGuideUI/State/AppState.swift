import CardGuideCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How the screen is drawn.
public struct DisplayOptions: Equatable, Sendable {
    /// ASCII borders and bars (`--ascii`, or a locale that is not UTF-8).
    public var ascii = false
    /// No box art, the real cursor on the focused item, for screen readers (`--plain`).
    public var plain = false
    /// The terminal cannot show Chinese (a locale that is not UTF-8): English only.
    public var englishOnly = false
    /// Every text in both languages, the other one beneath (`--bilingual`, key B).
    public var bilingual = false

    public init(
        ascii: Bool = false, plain: Bool = false, englishOnly: Bool = false,
        bilingual: Bool = false
    ) {
        self.ascii = ascii
        self.plain = plain
        self.englishOnly = englishOnly
        self.bilingual = bilingual
    }
}

/// A message on the line above the footer, until the next key.
public struct Notice: Equatable, Sendable {
    public enum Kind: Sendable { case info, warning }
    public var text: String
    public var kind: Kind

    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}

/// The last hand-out written. `p` again on the same method with the same checklist (or
/// still none: the sheet needs no started checklist) in the same language and bilingual
/// view writes nothing new: holding `p` wrote 19,236 files in 90 s.
public struct HandoutRecord: Equatable, Sendable {
    public var methodID: String
    public var checklist: Checklist?
    public var language: Language
    public var bilingual: Bool
    public var paths: [String]

    public init(
        checklist: Checklist?, methodID: String? = nil, language: Language,
        bilingual: Bool = false, paths: [String]
    ) {
        self.methodID = methodID ?? checklist?.methodID ?? ""
        self.checklist = checklist
        self.language = language
        self.bilingual = bilingual
        self.paths = paths
    }
}

public enum Overlay: Equatable, Sendable {
    case help(scroll: Int)
    case confirm(Confirmation)
    /// The card's safety rules in one short box, shown once as a checklist starts.
    case safetyBox(cardID: String)
    /// An official address as a QR code (`Q`).
    case code(CodeOverlay)
}

public enum Confirmation: Equatable, Sendable {
    case resetChecklist(methodID: String)
    case removeChecklist(methodID: String)
    /// Enter on the last step: mark it done and finish the checklist.
    case finishChecklist(cardID: String, methodID: String)
}

/// Everything the app shows: the pure model the update function changes and the view draws.
public struct AppState: Sendable {
    public var pack: ContentPack
    public var language: Language
    public var size: Size
    public var display: DisplayOptions
    public var stack: [Screen]
    /// Started checklists, most recently changed first.
    public var checklists: [Checklist]
    public var notice: Notice?
    /// Set by the app when a hand-out was written (see `HandoutRecord`).
    public var lastHandout: HandoutRecord?
    public var overlay: Overlay?
    /// Saving is off (the session file is read-only or kept by another process).
    public var readOnly = false
    /// The help desk's saved profiles, listed by the executable when the switcher opens.
    public var profiles: [ProfileListing] = []
    /// The profile in use; nil is the default progress file.
    public var currentProfile: String?
    /// Kiosk and demo mode.
    public var helpDesk = HelpDeskState()
    var searchIndexes: [Language: SearchIndex] = [:]

    public init(
        pack: ContentPack, language: Language, size: Size,
        display: DisplayOptions = DisplayOptions(),
        checklists: [Checklist] = []
    ) {
        self.pack = pack
        self.language = language
        self.size = size
        self.display = display
        self.checklists = checklists.sorted { $0.changed > $1.changed }
        self.stack = [.home(ListState())]
    }

    public var screen: Screen {
        get { stack[stack.count - 1] }
        set { stack[stack.count - 1] = newValue }
    }

    public func checklist(for methodID: String) -> Checklist? {
        checklists.first { $0.methodID == methodID }
    }

    /// Where a wizard stands: its card, method, checklist (a blank one, not stored, while
    /// the method is only being read) and the index of the step on screen; nil when the
    /// content is missing or the method has no steps.
    func position(of wizard: WizardState) -> (
        card: Card, method: Method, checklist: Checklist, index: Int
    )? {
        guard let card = pack.card(wizard.cardID), let method = card.method(wizard.methodID),
            !method.steps.isEmpty
        else { return nil }
        let blank = Checklist(
            countryID: card.countryID, cardID: card.id, method: method,
            now: Date(timeIntervalSince1970: 0), contentFingerprint: pack.fingerprint)
        return (
            card, method, checklist(for: method.id) ?? blank,
            min(max(0, wizard.step), method.steps.count - 1)
        )
    }

    /// The card and method a checklist follows, if the content still has them.
    public func resolve(_ checklist: Checklist) -> (card: Card, method: Method)? {
        guard let card = pack.card(checklist.cardID), let method = card.method(checklist.methodID)
        else { return nil }
        return (card, method)
    }

    /// The search index of the current language, built on first use.
    mutating func searchIndex() -> SearchIndex {
        if let index = searchIndexes[language] { return index }
        let index = SearchIndex(pack: pack, language: language)
        searchIndexes[language] = index
        return index
    }

    /// The smallest terminal the screens are designed for.
    public static let minimumSize = Size(width: 40, height: 12)

    public var isTooSmall: Bool {
        size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
    }
}
