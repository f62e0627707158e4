import CardGuideCore

/// The screens a key can mean something different in.
public enum KeyContext: String, CaseIterable, Sendable {
    case global, home, cards, methods, wizard, overview, comparison, faqList, faqAnswer, search,
        safety, cautions
    case profiles, help, confirm, safetyBox, contacts, code
}

/// One binding: the keys, the action, and the hint shown in the footer and help. The footer
/// and the `?` overlay are generated from these tables, so neither can show a dead key.
public struct Binding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var hint: Localized
    /// Shown in the footer (help lists every binding).
    public var footer: Bool

    init(_ keys: [Key], _ action: Action, _ zh: String, _ en: String, footer: Bool = true) {
        self.keys = keys
        self.action = action
        self.hint = Localized(zh: zh, en: en)
        self.footer = footer
    }

    /// The keys as written in help: "j/k" style.
    public var label: String { keys.map(\.label).joined(separator: "/") }

    /// The keys as written in help in `language` (arrows and Enter named in Chinese).
    public func label(_ language: Language) -> String {
        keys.map { $0.label(language) }.joined(separator: "/")
    }
}

public enum Keymap {
    static let moveUp = Binding([.up, .char("k")], .up, "上移", "Up", footer: false)
    static let moveDown = Binding([.down, .char("j")], .down, "下移", "Down", footer: false)
    static let pages: [Binding] = [
        Binding([.pageUp], .pageUp, "上一页", "Page up", footer: false),
        Binding([.pageDown], .pageDown, "下一页", "Page down", footer: false),
        Binding([.home, .char("g")], .top, "到顶部", "To the top", footer: false),
        Binding([.end, .char("G")], .bottom, "到底部", "To the bottom", footer: false),
    ]
    static let list: [Binding] = [moveUp, moveDown] + pages
    static let scrolling: [Binding] =
        [
            Binding([.down, .char("j")], .down, "向下滚动", "Scroll down"),
            Binding([.up, .char("k")], .up, "向上滚动", "Scroll up", footer: false),
        ] + pages
    static let open = Binding([.enter, .right, .char("l")], .open, "打开", "Open")
    static let back = Binding([.escape, .backspace, .left, .char("h")], .back, "返回", "Back")
    static let backNoLeft = Binding([.escape, .backspace], .back, "返回", "Back")
    /// On the pages that cite sources (and, with issue 10, the contacts screen).
    static let showCode = Binding(
        [.char("Q")], .showCode, "网址二维码", "Address QR code",
        footer: false)

    /// Everywhere but a search's field, the code screen included (a clerk may read the other
    /// language).
    static let switchLanguage = Binding([.char("L")], .switchLanguage, "English", "中文")

    /// Keys that work on every screen except while typing a search.
    public static let global: [Binding] = [
        Binding([.char("/")], .search, "搜索", "Search"),
        Binding([.char("?")], .help, "帮助", "Help"),
        switchLanguage,
        Binding([.char("q")], .quit, "退出", "Quit"),
        Binding([.char("s")], .safety, "安全提示", "Safety", footer: false),
        Binding([.char("t")], .contacts, "官方联系方式", "Official contacts", footer: false),
        Binding([.char("B")], .switchBilingual, "中英对照", "Both languages", footer: false),
    ]

    public static func bindings(_ context: KeyContext) -> [Binding] {
        switch context {
        case .global: return global
        case .home:
            return [open, moveUp, moveDown] + pages + [
                Binding([.char("f")], .allFAQ, "全部问答", "All FAQ", footer: false),
                Binding([.char("x")], .reset, "重新开始该清单", "Restart checklist", footer: false),
                Binding([.char("D"), .delete], .remove, "删除该清单", "Remove checklist"),
                Binding([.char("P")], .profiles, "切换档案", "Profiles", footer: false),
                Binding([.escape], .back, "返回", "Back", footer: false),
            ]
        case .cards:
            return [open, back] + list + [
                Binding([.char("f")], .faq, "常见问题", "FAQ"),
                Binding([.char("w")], .cautions, "注意事项", "Cautions"),
            ]
        case .methods:
            return [open, back] + list + [
                Binding([.char("c")], .compare, "对比", "Compare"),
                Binding([.char("f")], .faq, "常见问题", "FAQ"),
                Binding([.char("w")], .cautions, "注意事项", "Cautions", footer: false),
            ]
        case .wizard:
            return [
                Binding([.enter, .right, .char("n")], .nextStep, "下一步", "Next"),
                Binding([.left, .char("b")], .previousStep, "上一步", "Previous"),
                Binding([.char(" ")], .tick, "勾选", "Tick"),
                Binding([.char("d")], .markDone, "完成此步", "Mark done"),
                Binding([.char("o")], .overview, "总览", "Overview"),
                Binding([.char("p")], .printHandout, "打印清单", "Print"),
                backNoLeft, moveUp, moveDown,
            ] + pages + [
                Binding([.char("f")], .faq, "常见问题", "FAQ", footer: false),
                Binding([.char("w")], .cautions, "注意事项", "Cautions", footer: false),
                Binding([.char("c")], .compare, "对比办理方式", "Compare methods", footer: false),
                showCode,
            ]
        case .overview:
            return [Binding([.enter, .right, .char("l")], .open, "跳到此步", "Go to step"), back] + list
                + [
                    Binding([.char("d")], .markDone, "完成/取消", "Done/undo")
                ]
        case .comparison:
            return [
                back, moveUp, moveDown,
                Binding([.pageUp], .pageUp, "上一页", "Page up", footer: false),
                Binding([.pageDown], .pageDown, "下一页", "Page down", footer: false),
                Binding([.tab, .char("]")], .nextTable, "下一张表", "Next table"),
                Binding(
                    [.backTab, .char("[")], .previousTable, "上一张表", "Previous table", footer: false),
            ]
        case .faqList:
            return [open, back] + list
        case .profiles:
            return [Binding([.enter, .right, .char("l")], .open, "切换到此档案", "Switch to it"), back]
                + list
        case .faqAnswer, .cautions, .contacts:
            return [back] + scrolling + [showCode]
        case .safety:
            return [Binding([.enter, .escape, .backspace, .left, .char("h")], .back, "返回", "Back")]
                + scrolling
                + [showCode]
        case .search:
            return [
                Binding([.enter], .open, "打开", "Open"),
                Binding([.escape], .back, "返回", "Back"),
                Binding([.up], .up, "上移", "Up", footer: false),
                Binding([.down], .down, "下移", "Down", footer: false),
                Binding([.pageUp], .pageUp, "上一页", "Page up", footer: false),
                Binding([.pageDown], .pageDown, "下一页", "Page down", footer: false),
                Binding([.backspace], .deleteBackward, "删除", "Delete", footer: false),
                Binding([.ctrl("u")], .clearField, "清空", "Clear", footer: false),
                Binding([.ctrl("w")], .deleteWord, "删除一个词", "Delete a word", footer: false),
            ]
        case .help:
            return [
                Binding([.escape, .char("?"), .char("q"), .enter], .back, "关闭帮助", "Close help"),
                Binding([.char("t")], .contacts, "官方联系方式", "Official contacts"),
                Binding([.down, .char("j")], .down, "向下滚动", "Scroll down", footer: false),
                Binding([.up, .char("k")], .up, "向上滚动", "Scroll up", footer: false),
            ]
        case .confirm:
            return [
                Binding([.char("y"), .char("Y")], .confirm, "确定", "Yes"),
                Binding([.char("n"), .char("N"), .escape], .cancel, "取消", "No"),
            ]
        case .safetyBox:
            return [
                Binding([.enter, .escape, .char(" ")], .back, "继续", "Continue"),
                Binding([.char("s")], .safety, "安全提示全文", "Full safety rules"),
            ]
        case .code:
            return [
                Binding(
                    [.escape, .enter, .backspace, .char("Q"), .char("q")], .back,
                    "关闭二维码", "Close the code"),
                Binding([.tab, .char("n"), .right], .nextCode, "下一个网址", "Next address"),
                switchLanguage,
            ]
        }
    }

    /// The context a key is looked up in right now: an overlay's, else the screen's.
    public static func activeContext(_ state: AppState) -> KeyContext {
        switch state.overlay {
        case .help: return .help
        case .confirm: return .confirm
        case .safetyBox: return .safetyBox
        case .code: return .code
        case nil: return state.screen.context
        }
    }

    /// Whether the global keys apply (not while typing a search or in an overlay).
    static func globalsApply(_ context: KeyContext) -> Bool {
        ![.search, .help, .confirm, .safetyBox, .code].contains(context)
    }

    /// The action for `key` in the current state, if any.
    public static func action(for key: Key, in state: AppState) -> Action? {
        if state.isTooSmall {
            return (key == .char("q") || key == .ctrl("c")) && !state.helpDesk.isKiosk ? .quit : nil
        }
        let context = activeContext(state)
        if let binding = bindings(context).first(where: { $0.keys.contains(key) }) {
            return binding.action
        }
        if globalsApply(context),
            let binding = globals(state).first(where: { $0.keys.contains(key) })
        {
            return binding.action
        }
        if context == .search, case .char(let character) = key { return .insert(character) }
        return nil
    }

    /// The bindings the footer shows for the current state, in order.
    public static func footer(_ state: AppState) -> [Binding] {
        let context = activeContext(state)
        func shown(_ binding: Binding) -> Bool {
            binding.footer && hasEffect(binding.action, in: state, context: context)
        }
        return bindings(context).filter(shown)
            + (globalsApply(context) ? globals(state).filter(shown) : [])
    }

    /// False for a bound action that would do nothing here (a hint for it would mislead,
    /// and help leaves it out): ticking on a step that needs no materials, comparing a card
    /// without comparison tables, restarting when no checklist is selected … `context` is
    /// where the key is read (the active one by default; help asks about the screen under
    /// it): an overlay's keys always act.
    public static func hasEffect(_ action: Action, in state: AppState, context: KeyContext? = nil)
        -> Bool
    {
        let context = context ?? activeContext(state)
        if case .code(let code)? = state.overlay, context == .code {
            switch action {
            case .nextCode: return code.addresses.count > 1
            case .switchLanguage: return !state.display.englishOnly
            default: return true
            }
        }
        if [.help, .confirm, .safetyBox].contains(context) { return true }
        switch (action, state.screen) {
        case (.back, .home):
            return false
        case (.tick, .wizard(let wizard)):
            guard let (_, method, _, index) = state.position(of: wizard) else { return false }
            return !method.steps[index].bring.isEmpty
        case (.compare, .methods(let cardID, _)):
            return state.pack.card(cardID)?.comparisons.isEmpty == false
        case (.compare, .wizard(let wizard)):
            return state.pack.card(wizard.cardID)?.comparisons.isEmpty == false
        case (.nextTable, .comparison(let cardID, _, _)),
            (.previousTable, .comparison(let cardID, _, _)):
            return (state.pack.card(cardID)?.comparisons.count ?? 0) > 1
        case (.reset, .home(let list)), (.remove, .home(let list)):
            let entries = state.homeEntries
            return entries.indices.contains(list.selection)
                && entries[list.selection].checklist != nil
        case (.profiles, .home):
            return !state.helpDesk.isKiosk
        case (.safety, .safety):
            return false
        case (.switchLanguage, _), (.switchBilingual, _):
            return !state.display.englishOnly
        default:
            return true
        }
    }

    /// A binding's hint as it stands now: `d` says whether it marks the step done or not done,
    /// Enter on the last step offers to finish.
    public static func hint(_ binding: Binding, in state: AppState) -> Localized {
        let s = Strings(state.language)
        switch (binding.action, state.screen) {
        case (.markDone, .wizard(let wizard)):
            guard let (_, method, checklist, index) = state.position(of: wizard) else {
                return binding.hint
            }
            return checklist.status(of: method.steps[index].id) == .done
                ? s.markNotDone : s.markDone
        case (.markDone, .overview(let cardID, let methodID, let list)):
            guard let method = state.pack.card(cardID)?.method(methodID),
                method.steps.indices.contains(list.selection),
                let checklist = state.checklist(for: methodID)
            else { return s.markDone }
            return checklist.status(of: method.steps[list.selection].id) == .done
                ? s.markNotDone : s.markDone
        case (.nextStep, .wizard(let wizard)):
            guard let (_, method, _, index) = state.position(of: wizard) else {
                return binding.hint
            }
            return index + 1 == method.steps.count ? s.finishChecklist : binding.hint
        default:
            return binding.hint
        }
    }

    /// The global keys in force: a kiosk has no quit key (staff leave another way).
    public static func globals(_ state: AppState) -> [Binding] {
        state.helpDesk.isKiosk ? global.filter { $0.action != .quit } : global
    }
}
