import CardGuideContent
import CardGuideCore
import CardGuideStorage
import CardGuideUI
import Foundation
import TestSupport
import XCTest

/// 100,000 seeded random keys, resizes and timer ticks through `Update` and `View.render`
/// over the shipped content pack, checking after every event that the frame fits the
/// terminal exactly and the state is coherent, and every 100 events that the diff the
/// backend receives rebuilds the frame. Replay a failure with the seed it prints:
/// `TORTURE_SEED=0x… swift test --filter MonkeyTests`.
final class MonkeyTests: XCTestCase {
    /// 100,000 in CI; `TORTURE_EVENTS` overrides it for a longer soak (or a quick look).
    static let eventCount =
        ProcessInfo.processInfo.environment["TORTURE_EVENTS"].flatMap { Int($0) } ?? 100_000
    static let defaultSeed: UInt64 = 0x5EED_CA4D_601D_E001
    /// The frame diff is replayed through TestBackend every this many events.
    static let diffEvery = 100

    func testHundredThousandRandomEvents() throws {
        let loaded = ContentLoader.load(directory: BundledContent.directory)
        let pack = try XCTUnwrap(loaded.pack, "the shipped pack does not load: \(loaded.issues)")
        XCTAssertTrue(loaded.isValid, "the shipped pack has errors: \(loaded.errors)")

        let root = SeededRandom.fromEnvironment(default: Self.defaultSeed)
        let configurations = MonkeyConfiguration.all
        let perSegment = Self.eventCount / configurations.count
        var coverage = MonkeyCoverage()
        let clock = ContinuousClock()
        let started = clock.now
        var events = 0
        for (index, configuration) in configurations.enumerated() {
            var monkey = Monkey(
                pack: pack, configuration: configuration, random: root.derived(UInt64(index)))
            let failure = monkey.run(events: perSegment, coverage: &coverage)
            events += monkey.eventsRun
            if let failure {
                XCTFail("\(root.context), segment \(index) (\(configuration)), \(failure)")
            }
        }
        let elapsed = started.duration(to: clock.now)
        XCTAssertEqual(events, Self.eventCount, "\(root.context): not every event ran")

        // A monkey that never reaches a screen tests nothing there: every screen, both
        // overlays, the too-small screen and the kiosk's countdown and reset must be visited.
        for context in KeyContext.allCases where context != .global {
            XCTAssertGreaterThan(
                coverage.contexts[context, default: 0], 0,
                "\(root.context): the monkey never reached \(context)")
        }
        XCTAssertGreaterThan(coverage.tooSmall, 0, "\(root.context): never too small")
        XCTAssertGreaterThan(coverage.countdowns, 0, "\(root.context): no kiosk countdown")
        XCTAssertGreaterThan(coverage.kioskResets, 0, "\(root.context): no kiosk reset")
        XCTAssertGreaterThan(coverage.demoFrames, 0, "\(root.context): the demo never played")
        XCTAssertGreaterThan(coverage.quits, 0, "\(root.context): no quit effect")
        XCTAssertGreaterThan(
            coverage.diffChecks, Self.eventCount / Self.diffEvery / 2,
            "\(root.context): too few diff checks")

        let seconds =
            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            """
            MonkeyTests: \(events) events in \(String(format: "%.2f", seconds)) s, \
            \(Int(Double(events) / max(seconds, 1e-9))) events/s, \(root.context); \
            \(coverage.cells / 1_000_000)M cells checked, \(coverage.diffChecks) diff replays, \
            \(coverage.resizes) resizes, \(coverage.ticks) ticks, \(coverage.quits) quits ignored, \
            \(coverage.kioskResets) kiosk resets; screens: \
            \(coverage.contexts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: " "))
            """)
    }

    /// The invariant checks themselves must catch what they claim to: a grid one column too
    /// narrow, a continuation cell with no wide neighbour, a selection out of range.
    func testInvariantChecksCatchBrokenFrames() throws {
        let loaded = ContentLoader.load(directory: BundledContent.directory)
        let pack = try XCTUnwrap(loaded.pack)
        var state = AppState(pack: pack, language: .zh, size: Size(width: 80, height: 24))
        XCTAssertNil(MonkeyInvariants.grid(View.render(state), size: state.size))
        XCTAssertNil(MonkeyInvariants.state(state))

        XCTAssertNotNil(
            MonkeyInvariants.grid(CellGrid(size: Size(width: 79, height: 24)), size: state.size))
        var broken = CellGrid(size: Size(width: 10, height: 2))
        broken.write("ab", row: 0, column: 0)
        XCTAssertNil(MonkeyInvariants.grid(broken, size: broken.size))
        broken.write("中", row: 1, column: 0)
        XCTAssertNil(MonkeyInvariants.grid(broken, size: broken.size))
        let orphan = MonkeyInvariants.row(
            cells: [Cell(text: "a", role: .normal), .continuation, .blank], width: 3)
        XCTAssertNotNil(orphan)
        let unpaired = MonkeyInvariants.row(
            cells: [Cell(text: "中", role: .normal), .blank, .blank], width: 3)
        XCTAssertNotNil(unpaired)
        let control = MonkeyInvariants.row(
            cells: [Cell(text: "\u{1B}", role: .normal), .blank], width: 2)
        XCTAssertNotNil(control)

        state.stack[0] = .home(ListState(selection: state.homeEntries.count))
        XCTAssertNotNil(MonkeyInvariants.state(state))
        state.stack = [.cards(countryID: pack.countries[0].id, list: ListState())]
        XCTAssertNotNil(MonkeyInvariants.state(state), "home must be at the bottom")
    }
}

// MARK: - Configurations

struct MonkeyConfiguration: CustomStringConvertible {
    var language: Language
    var kiosk: Bool
    var withChecklists: Bool
    /// Kiosk segments alternate with and without the self-playing demo.
    var demo: Bool
    var display: DisplayOptions
    var readOnly: Bool

    var description: String {
        "\(language) \(kiosk ? (demo ? "kiosk+demo" : "kiosk") : "normal") \(withChecklists ? "with" : "without") checklists"
            + (display.ascii ? " ascii" : "") + (display.plain ? " plain" : "")
            + (readOnly ? " read-only" : "")
    }

    /// Both languages × kiosk or not × with or without saved checklists; display options and
    /// read-only vary along so that each appears.
    static var all: [MonkeyConfiguration] {
        var list: [MonkeyConfiguration] = []
        for language in [Language.zh, .en] {
            for kiosk in [false, true] {
                for withChecklists in [false, true] {
                    let n = list.count
                    list.append(
                        MonkeyConfiguration(
                            language: language, kiosk: kiosk, withChecklists: withChecklists,
                            demo: kiosk && withChecklists,
                            display: DisplayOptions(ascii: n % 3 == 1, plain: n % 4 == 3),
                            readOnly: n == 5))
                }
            }
        }
        return list
    }
}

struct MonkeyCoverage {
    var contexts: [KeyContext: Int] = [:]
    var tooSmall = 0
    var countdowns = 0
    var kioskResets = 0
    var demoFrames = 0
    var quits = 0
    var resizes = 0
    var ticks = 0
    var diffChecks = 0
    var cells = 0
}

// MARK: - The monkey

struct Monkey {
    let pack: ContentPack
    let configuration: MonkeyConfiguration
    var random: SeededRandom
    var state: AppState
    var now: Date
    private(set) var eventsRun = 0
    private var previousFrame: CellGrid
    /// The last events, for failure messages.
    private var recent: [String] = []

    init(pack: ContentPack, configuration: MonkeyConfiguration, random: SeededRandom) {
        self.pack = pack
        self.configuration = configuration
        self.random = random
        self.now = Date(timeIntervalSince1970: 1_700_000_000)
        let size = Size(width: 80, height: 24)
        var state = AppState(
            pack: pack, language: configuration.language, size: size, display: configuration.display
        )
        if configuration.withChecklists {
            state.checklists = Self.startedChecklists(pack: pack, random: &self.random, now: now)
        }
        state.readOnly = configuration.readOnly
        if configuration.kiosk {
            state.helpDesk = HelpDeskState(
                kiosk: IdleClock(idle: 120, lastInput: now),
                demoStepSeconds: configuration.demo ? 2 : nil)
            state.helpDesk.defaultLanguage = configuration.language
            if configuration.demo { Update.startDemo(&state, now: now) }
        }
        self.state = state
        self.previousFrame = View.render(state)
    }

    /// A few checklists at random steps with random ticks and done steps, plus one whose card
    /// the pack no longer has (the home list must skip it).
    static func startedChecklists(pack: ContentPack, random: inout SeededRandom, now: Date)
        -> [Checklist]
    {
        var checklists: [Checklist] = []
        let methods = pack.cards.flatMap { card in card.methods.map { (card, $0) } }
        for _ in 0..<random.int(1...5) {
            let (card, method) = random.pick(methods)
            guard !checklists.contains(where: { $0.methodID == method.id }) else { continue }
            let started = now.addingTimeInterval(-Double(random.int(60...86_400 * 30)))
            var checklist = Checklist(
                countryID: card.countryID, cardID: card.id, method: method, now: started,
                contentFingerprint: pack.fingerprint)
            checklist.go(to: random.int(0..<method.steps.count), in: method, now: started)
            for material in method.materials where random.chance(0.4) {
                checklist.toggle(material: material.id, in: method, now: started)
            }
            for step in method.steps where random.chance(0.3) {
                checklist.toggleDone(step: step.id, in: method, now: started)
            }
            checklist.changed = started.addingTimeInterval(Double(random.int(0...3600)))
            checklists.append(checklist)
        }
        checklists.append(
            Checklist(
                countryID: "xx", cardID: "gone-card", methodID: "gone-method",
                currentStepID: "gone-step",
                started: now, changed: now, contentFingerprint: "old"))
        return checklists.sorted { $0.changed > $1.changed }
    }

    // MARK: Events

    enum Event: CustomStringConvertible {
        case key(Key)
        case resize(Size)
        case tick(advance: TimeInterval, toWake: Bool)

        var description: String {
            switch self {
            case .key(let key): return "key \(key)"
            case .resize(let size): return "resize \(size.width)x\(size.height)"
            case .tick(let advance, let toWake):
                return "tick +\(advance)s\(toWake ? " to wake" : "")"
            }
        }
    }

    /// Every letter a keymap binds, and the rest of the alphabet.
    static let letters: [Character] = Array(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    static let bound: [Character] = [
        "j", "k", "g", "G", "l", "h", "f", "x", "D", "P", "w", "c", "n", "b", "d", "o", "p",
        "s", "L", "q", "y", "Y", "N", "[", "]", "/", "?", " ",
    ]
    /// What a UTF-8 terminal can deliver as one `.char`: CJK, full-width punctuation, Hangul,
    /// emoji, a combining mark alone, zero-width and format characters, a line separator,
    /// private-use, unassigned and non-characters; and a few multi-scalar graphemes.
    static let exotic: [Character] = [
        "密", "码", "卡", "社", "保", "医", "护", "照", "银", "行", "激", "活", "，", "。", "（", "」", "Ａ", "한",
        "ア",
        "😀", "👍🏽", "👨‍👩‍👧", "🇫🇷", "é", "e\u{301}", "\u{301}", "\u{200B}", "\u{200D}", "\u{FEFF}",
        "\u{2060}", "\u{2028}",
        "\u{E000}", "\u{378}", "\u{FFFF}", "\u{AD}", "…", "—", "·", "ß", "İ", "Ω", "\u{3000}",
        "\u{1100}", "\u{1160}",
    ]
    static let special: [Key] = [
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace,
        .delete, .tab, .backTab,
        .ctrl("x"), .ctrl("c"), .ctrl("a"), .ctrl("@"), .function(1), .function(5), .function(12),
    ]
    static let edgeSizes: [Size] = [
        Size(width: 1, height: 1), Size(width: 300, height: 100), Size(width: 40, height: 12),
        Size(width: 39, height: 12),
        Size(width: 40, height: 11), Size(width: 2, height: 1), Size(width: 1, height: 100),
        Size(width: 300, height: 1),
        Size(width: 80, height: 24), Size(width: 41, height: 13),
    ]

    /// Ticks still to come of an idle spell (nobody at the keyboard).
    private var idleTicks = 0

    mutating func nextEvent() -> Event {
        if idleTicks > 0 {
            idleTicks -= 1
            return .tick(advance: Double(random.int(0...300)) / 10, toWake: true)
        }
        let roll = random.int(0..<1000)
        switch roll {
        case 0..<20:
            return .resize(nextSize())
        case 20..<45:
            return .tick(advance: Double(random.int(0...400)) / 10, toWake: random.chance(0.5))
        case 45..<50:
            // The visitor walks away: enough ticks for a kiosk countdown, a reset and the demo.
            idleTicks = random.int(2...40)
            return .tick(advance: Double(random.int(0...600)) / 10, toWake: true)
        case 50..<170: return .key(.enter)
        case 170..<230: return .key(.escape)
        case 230..<260: return .key(.backspace)
        case 260..<380: return .key(.down)
        case 380..<430: return .key(.up)
        case 430..<480: return .key(random.pick([.left, .right]))
        case 480..<540: return .key(random.pick([.pageUp, .pageDown, .home, .end]))
        case 540..<760: return .key(.char(random.pick(Self.bound)))
        case 760..<850: return .key(.char(random.pick(Self.letters)))
        case 850..<920: return .key(.char(random.pick(Self.exotic)))
        default: return .key(random.pick(Self.special))
        }
    }

    mutating func nextSize() -> Size {
        switch random.int(0..<10) {
        case 0, 1: return random.pick(Self.edgeSizes)
        case 2, 3: return Size(width: random.int(1...45), height: random.int(1...14))
        case 4, 5, 6, 7: return Size(width: random.int(40...140), height: random.int(12...50))
        default: return Size(width: random.int(1...300), height: random.int(1...100))
        }
    }

    // MARK: Running

    /// Runs `events` events; the first broken invariant, described, or nil.
    mutating func run(events: Int, coverage: inout MonkeyCoverage) -> String? {
        for n in 0..<events {
            if let failure = step(n, coverage: &coverage) {
                return
                    "event \(n): \(failure)\nlast events: \(recent.joined(separator: ", "))\nstack: \(state.stack)\n"
                    + "overlay: \(String(describing: state.overlay))\nframe:\n\(View.render(state).text)"
            }
        }
        return nil
    }

    private mutating func step(_ n: Int, coverage: inout MonkeyCoverage) -> String? {
        let event = nextEvent()
        recent.append(event.description)
        if recent.count > 12 { recent.removeFirst() }
        eventsRun += 1
        let effects: [Effect]
        switch event {
        case .key(let key):
            now = now.addingTimeInterval(Double(random.int(0...30)) / 10)
            effects = Update.key(key, to: &state, now: now)
        case .resize(let size):
            coverage.resizes += 1
            effects = Update.apply(.resize(size), to: &state, now: now)
        case .tick(let advance, let toWake):
            coverage.ticks += 1
            now = now.addingTimeInterval(advance)
            if toWake, let wake = Update.nextWake(state, now: now), wake > now { now = wake }
            let resets =
                state.helpDesk.demo == nil && state.helpDesk.kiosk?.phase(at: now) == .expired
            effects = Update.timer(&state, now: now)
            if resets { coverage.kioskResets += 1 }
        }
        perform(effects, coverage: &coverage)
        if case .resize(let size) = event, state.size != size {
            return "the state did not take the new size"
        }

        let frame = View.render(state)
        coverage.cells += frame.cells.count
        if state.isTooSmall {
            coverage.tooSmall += 1
        } else {
            coverage.contexts[Keymap.activeContext(state), default: 0] += 1
        }
        if state.helpDesk.countdown != nil { coverage.countdowns += 1 }
        if state.helpDesk.demo != nil { coverage.demoFrames += 1 }
        if let failure = MonkeyInvariants.grid(frame, size: state.size) { return failure }
        if let failure = MonkeyInvariants.state(state) { return failure }
        if n % MonkeyTests.diffEvery == 0 {
            coverage.diffChecks += 1
            if let failure = MonkeyInvariants.diff(from: previousFrame, to: frame) {
                return failure
            }
        }
        previousFrame = frame
        return nil
    }

    /// What the executable would bring back from an effect, as the run loop hands it to
    /// `Update`; the effects an outcome asks for run after the others.
    private mutating func perform(_ effects: [Effect], coverage: inout MonkeyCoverage) {
        var queue = effects
        var next = 0
        while next < queue.count {
            if let outcome = outcome(of: queue[next], coverage: &coverage) {
                queue += Update.apply(outcome, to: &state, now: now)
            }
            next += 1
        }
    }

    private mutating func outcome(of effect: Effect, coverage: inout MonkeyCoverage) -> Action? {
        switch effect {
        case .quit:
            coverage.quits += 1 // ignored: the monkey keeps going
            return nil
        case .listProfiles:
            let names: [String?] = [
                nil, "desk-1", "张三的档案",
                "a-very-long-profile-name-that-will-not-fit-anywhere-at-all",
            ]
            return .profilesListed(
                (0..<random.int(0...4)).map { index in
                    ProfileListing(
                        name: names[index],
                        progress: random.chance(0.5)
                            ? .checklists(count: random.int(0...9), latest: state.checklists.first)
                            : .unreadable(reason: "read: Is a directory — 网上申请 - Step 3 of 5"))
                })
        case .switchProfile(let name):
            return .profileSwitched(
                ProfileOpened(
                    name: name, checklists: state.checklists, readOnly: false, notices: []))
        case .saveSession:
            // Now and then the save fails and says so, as on a full disk: a long two-line notice.
            let problem = SessionNotice.saveFailed(
                path: "/home/visitor/.local/state/cardguide/profiles/desk-1.json",
                reason: "write: No space left on device")
            return .saved(problem: random.chance(0.02) ? problem : nil, readOnly: false)
        case .writeHandout(let methodID, _):
            // Written, or not, with every message the printer can give (some long).
            let path = "/srv/desk/sheets/cardguide-\(methodID)-sheet-1.txt"
            let outcomes: [HandoutOutcome] = [
                .notWritten(code: 28, folder: "/srv/desk/sheets"),
                .written(path: path, printing: nil),
                .written(path: path, printing: .failed(status: 1, message: "lp: 打印机不存在")),
                .written(path: path, printing: .killed(signal: 9, timedOut: true)),
            ]
            return .handoutWritten(methodID: methodID, random.pick(outcomes))
        case .encodeCode(let address):
            // A code of a random size (some too big for the screen), or no library.
            let size = 17 + 4 * random.int(1...10)
            let modules = (0..<(size * size)).map { _ in random.chance(0.5) }
            let matrix = QRMatrix(size: size, modules: modules)!
            return .codeEncoded(
                address: address, random.chance(0.8) ? .ready(matrix) : .unavailable)
        }
    }
}

// MARK: - Invariants

enum MonkeyInvariants {
    /// The frame is exactly the terminal's size and every row is exactly as wide as the
    /// terminal: each cell one printable grapheme of width 1 or 2, a wide one followed by its
    /// continuation, and no continuation without a wide left neighbour.
    static func grid(_ grid: CellGrid, size: Size) -> String? {
        guard grid.size == size else {
            return
                "the grid is \(grid.size.width)x\(grid.size.height), the terminal \(size.width)x\(size.height)"
        }
        guard grid.cells.count == size.width * size.height else {
            return "the grid has \(grid.cells.count) cells for \(size.width)x\(size.height)"
        }
        let failure: String? = grid.cells.withUnsafeBufferPointer { cells in
            for row in 0..<size.height {
                if let failure = Self.row(cells, start: row * size.width, width: size.width) {
                    return "row \(row): \(failure): '\(grid.rowText(row))'"
                }
            }
            return nil
        }
        if let failure { return failure }
        if let cursor = grid.cursor,
            !(0..<size.height).contains(cursor.row) || !(0..<size.width).contains(cursor.column)
        {
            return "the cursor \(cursor) is off the screen"
        }
        return nil
    }

    static func row(cells: [Cell], width: Int) -> String? {
        cells.withUnsafeBufferPointer { row($0, start: 0, width: width) }
    }

    /// One row, `cells[start..<start+width]`. Plain index loops over a buffer: this runs for
    /// every cell of every frame, and generic iteration is slow in a debug build.
    static func row(_ cells: UnsafeBufferPointer<Cell>, start: Int, width: Int) -> String? {
        var total = 0
        var leftWidth = 0
        var column = 0
        while column < width {
            let text = cells[start + column].text
            if text.isEmpty {
                guard leftWidth == 2 else {
                    return "column \(column): a continuation cell without a wide left neighbour"
                }
                leftWidth = 0 // counted with its left neighbour
                column += 1
                continue
            }
            guard leftWidth != 2 else {
                return "column \(column - 1): a wide cell without its continuation"
            }
            let cellWidth = Self.width(of: text)
            guard cellWidth == 1 || cellWidth == 2 else {
                return "column \(column): '\(text)' is \(cellWidth) columns wide"
            }
            total += cellWidth
            leftWidth = cellWidth
            column += 1
        }
        guard leftWidth != 2 else {
            return "the last cell is wide and has no room for its continuation"
        }
        guard total == width else { return "\(total) columns wide, not \(width)" }
        return nil
    }

    /// DisplayWidth.of, with the cells a terminal cannot show unchanged (controls, format
    /// characters, more than one grapheme) reported as width 0 so that they fail.
    static func width(of text: String) -> Int {
        let utf8 = text.utf8
        // The common case, printable ASCII, without building scalars: keeps a debug build fast.
        if utf8.count == 1, let byte = utf8.first { return (0x20..<0x7F).contains(byte) ? 1 : 0 }
        if let known = widths[text] { return known }
        let width =
            text.count == 1 && DisplayWidth.sanitize(text) == text ? DisplayWidth.of(text) : 0
        widths[text] = width
        return width
    }

    /// Widths of the non-ASCII cell texts seen so far (the monkey runs on one thread).
    nonisolated(unsafe) private static var widths: [String: Int] = [:]

    /// The stack is never empty with home at the bottom only; every selection is within its
    /// list; a wizard's checklist exists and its material index is within the current step's
    /// materials; every checklist's current step exists in its method.
    static func state(_ state: AppState) -> String? {
        guard !state.stack.isEmpty else { return "the screen stack is empty" }
        guard case .home = state.stack[0] else { return "home is not at the bottom of the stack" }
        for (depth, screen) in state.stack.enumerated() {
            if depth > 0, case .home = screen { return "home at depth \(depth)" }
            if let failure = self.screen(screen, state) {
                return "stack[\(depth)] \(screen.context): \(failure)"
            }
        }
        for checklist in state.checklists {
            guard let (_, method) = state.resolve(checklist) else { continue }
            guard method.steps.contains(where: { $0.id == checklist.currentStepID }) else {
                return
                    "checklist \(checklist.methodID) is on step '\(checklist.currentStepID)', which its method does not have"
            }
        }
        if Set(state.checklists.map(\.methodID)).count != state.checklists.count {
            return "two checklists for one method"
        }
        switch state.overlay {
        case .help(let scroll)?: if scroll < 0 { return "help scrolled to \(scroll)" }
        case .confirm(.resetChecklist(let id))?, .confirm(.removeChecklist(let id))?:
            if state.checklist(for: id) == nil {
                return "confirming a change to checklist \(id), which does not exist"
            }
        case .confirm(.finishChecklist(let cardID, let methodID))?:
            if state.pack.card(cardID)?.method(methodID) == nil {
                return "finishing unknown method \(methodID)"
            }
        case .safetyBox(let cardID)?:
            if state.pack.card(cardID) == nil { return "safety box of unknown card \(cardID)" }
        case .code(let code)?:
            if !code.addresses.indices.contains(code.index) {
                return "code \(code.index) of \(code.addresses.count)"
            }
        case nil: break
        }
        return nil
    }

    private static func inRange(_ list: ListState, _ count: Int, _ what: String) -> String? {
        let valid = count == 0 ? list.selection == 0 : (0..<count).contains(list.selection)
        if !valid { return "selection \(list.selection) of \(count) \(what)" }
        if list.scroll < 0 { return "scroll \(list.scroll)" }
        return nil
    }

    private static func screen(_ screen: Screen, _ state: AppState) -> String? {
        let pack = state.pack
        switch screen {
        case .home(let list):
            return inRange(list, state.homeEntries.count, "home entries")
        case .cards(let countryID, let list):
            guard pack.country(countryID) != nil else { return "unknown country \(countryID)" }
            return inRange(list, pack.cards(in: countryID).count, "cards")
        case .methods(let cardID, let list):
            guard let card = pack.card(cardID) else { return "unknown card \(cardID)" }
            return inRange(list, card.methods.count, "methods")
        case .faqList(let cardID, let list):
            return inRange(list, state.faqEntries(cardID).count, "questions")
        case .overview(let cardID, let methodID, let list):
            guard let method = pack.card(cardID)?.method(methodID) else {
                return "unknown method \(cardID)/\(methodID)"
            }
            return inRange(list, method.steps.count, "steps")
        case .search(let search):
            if let failure = inRange(search.list, search.hits.count, "hits") { return failure }
            let documents = SearchDocuments.count(pack)
            if let bad = search.hits.first(where: { !(0..<documents).contains($0.document) }) {
                return "hit on document \(bad.document) of \(documents)"
            }
            return nil
        case .profiles(let list):
            return inRange(list, state.profiles.count, "profiles")
        case .wizard(let wizard):
            guard let method = pack.card(wizard.cardID)?.method(wizard.methodID) else {
                return "unknown method \(wizard.cardID)/\(wizard.methodID)"
            }
            // A wizard may be open without a checklist: reading starts none.
            guard method.steps.indices.contains(wizard.step) else {
                return "step \(wizard.step) of \(method.id)"
            }
            let step = method.steps[wizard.step]
            let valid =
                step.bring.isEmpty
                ? wizard.material == 0 : step.bring.indices.contains(wizard.material)
            if !valid {
                return "material \(wizard.material) of step \(step.id)'s \(step.bring.count)"
            }
            if wizard.scroll < 0 { return "scroll \(wizard.scroll)" }
            return nil
        case .comparison(let cardID, let index, let scroll):
            guard let card = pack.card(cardID) else { return "unknown card \(cardID)" }
            if !card.comparisons.indices.contains(index) {
                return "table \(index) of \(card.comparisons.count)"
            }
            return scroll < 0 ? "scroll \(scroll)" : nil
        case .faqAnswer(let cardID, let faqID, let scroll):
            guard pack.card(cardID)?.faq.contains(where: { $0.id == faqID }) == true else {
                return "unknown question \(cardID)/\(faqID)"
            }
            return scroll < 0 ? "scroll \(scroll)" : nil
        case .cautions(let cardID, let scroll):
            guard pack.card(cardID) != nil else { return "unknown card \(cardID)" }
            return scroll < 0 ? "scroll \(scroll)" : nil
        case .safety(let scroll):
            return scroll < 0 ? "scroll \(scroll)" : nil
        case .contacts(let countryID, let scroll):
            if let countryID, pack.country(countryID) == nil {
                return "contacts of unknown country \(countryID)"
            }
            return scroll < 0 ? "scroll \(scroll)" : nil
        }
    }

    /// The runs GridDiff gives from `old` to `new`, applied by TestBackend onto `old` as a
    /// terminal would, rebuild `new` exactly; each run starts on a whole grapheme and does
    /// not cut a wide one in half.
    static func diff(from old: CellGrid, to new: CellGrid) -> String? {
        let backend = TestBackend(size: old.size)
        backend.present(GridDiff.runs(from: nil, to: old), fullRepaint: true, cursor: nil)
        guard backend.screen.cells == old.cells else {
            return "a full repaint does not rebuild the previous frame"
        }
        if old.size != new.size { backend.queue(.resize(new.size)) }
        let runs = GridDiff.runs(from: old, to: new)
        for run in runs {
            guard (0..<new.size.height).contains(run.row), run.column >= 0,
                run.column + run.cells.count <= new.size.width
            else {
                return
                    "a run at \(run.row),\(run.column) of \(run.cells.count) cells leaves the screen"
            }
            guard let first = run.cells.first, !first.isContinuation else {
                return "a run at \(run.row),\(run.column) starts on a continuation cell"
            }
            if let last = run.cells.last, DisplayWidth.of(last.text) == 2 {
                return
                    "a run at \(run.row),\(run.column) ends on a wide cell without its continuation"
            }
        }
        backend.present(runs, fullRepaint: false, cursor: new.cursor)
        guard backend.screen.size == new.size, backend.screen.cells == new.cells else {
            let row = (0..<new.size.height).first { r in
                (0..<new.size.width).contains { backend.screen[r, $0] != new[r, $0] }
            }
            return "the diff applied to the previous frame differs from the new frame"
                + (row.map {
                    " at row \($0):\n  got  '\(backend.screen.rowText($0))'\n  want '\(new.rowText($0))'"
                } ?? "")
        }
        return nil
    }
}

/// The number of search documents of a pack (the same in both languages), cached per pack.
enum SearchDocuments {
    nonisolated(unsafe) private static var cache: (fingerprint: String, count: Int)?

    static func count(_ pack: ContentPack) -> Int {
        if let cache, cache.fingerprint == pack.fingerprint { return cache.count }
        let count = SearchIndex(pack: pack, language: .zh).documents.count
        cache = (pack.fingerprint, count)
        return count
    }
}
