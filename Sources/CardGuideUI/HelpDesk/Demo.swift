import CardGuideCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The self-playing demo for an idle screen: it picks a country, a card and a method, walks
/// the wizard, ticks an item, opens the overview and an FAQ, runs a search, switches the
/// language, and loops, one key per step through the same keymaps a person uses.
public struct DemoPlayer: Equatable, Sendable {
    public var stepSeconds: TimeInterval
    public var nextAt: Date
    public private(set) var loop = 0
    private var script: [Key] = []
    private var position = 0
    /// The progress the visitor had before the demo started, restored when it stops.
    var savedChecklists: [Checklist]
    var savedLanguage: Language

    public init(stepSeconds: TimeInterval, now: Date, state: AppState) {
        self.stepSeconds = stepSeconds
        self.nextAt = now.addingTimeInterval(stepSeconds)
        self.savedChecklists = state.checklists
        self.savedLanguage = state.language
        self.script = Self.script(loop: 0, state: state)
    }

    /// The keys of one loop. Each loop visits the next country.
    static func script(loop: Int, state: AppState) -> [Key] {
        let countries = state.pack.countries.count
        guard countries > 0 else { return [] }
        let resumes = state.homeEntries.filter {
            if case .resume = $0 { return true } else { return false }
        }.count
        let country = loop % countries
        // The country.
        var keys: [Key] = [.home] + Array(repeating: .down, count: resumes + country) + [.enter]
        keys += [.enter] // first card
        keys += [.down, .up, .enter] // glance at the methods, open the first
        // Done starts the checklist: the rules box, then the rules in full.
        keys += [.char("d"), .char("s"), .pageDown, .escape]
        keys += [.down, .char(" "), .enter, .enter] // tick an item, walk two steps
        keys += [.char("o"), .escape] // the overview
        keys += [.char("f"), .enter, .pageDown, .escape, .escape] // an FAQ answer
        let query = state.language == .zh ? "密码" : "PIN"
        keys += [.char("/")] + query.map { Key.char($0) } + [.down, .enter, .escape, .escape]
        keys += [.char("L"), .char("L")] // both languages
        keys += [.escape, .escape, .escape, .escape] // back home
        return keys
    }

    /// The next key when its time has come, advancing the script (and looping).
    public mutating func next(at now: Date, state: AppState) -> Key? {
        guard now >= nextAt, !script.isEmpty else { return nil }
        let key = script[position]
        position += 1
        if position == script.count {
            loop += 1
            position = 0
            script = Self.script(loop: loop, state: state)
        }
        nextAt = now.addingTimeInterval(stepSeconds)
        return key
    }
}
