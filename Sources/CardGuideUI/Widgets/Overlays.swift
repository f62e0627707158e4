import CardGuideCore

/// The help overlay (every key of the current screen and the global keys, from the keymap)
/// and the yes/no confirmation box.
enum Overlays {
    static func helpLines(_ state: AppState) -> [(key: String, text: String, role: Role)] {
        let s = Strings(state.language)
        let context = state.screen.context
        var lines: [(String, String, Role)] = [(s.helpThisScreen, "", .title)]
        // Only keys that do something here: help must not promise what a key will not do.
        // Bilingual, the hint is in both languages.
        func line(_ binding: Binding) -> (String, String, Role) {
            (binding.label(state.language), state.hint(Keymap.hint(binding, in: state)), .normal)
        }
        func works(_ binding: Binding) -> Bool {
            Keymap.hasEffect(binding.action, in: state, context: context)
        }
        lines += Keymap.bindings(context).filter(works).map(line)
        if Keymap.globalsApply(context) {
            // No blank line between the sections: the title sets them apart, and the home
            // screen's help still fits 80x24 with the contacts key.
            lines.append((s.helpGlobal, "", .title))
            lines += Keymap.globals(state).filter(works).map(line)
        }
        return lines
    }

    /// Lines the help box shows at once: it is at most two rows shorter than the screen.
    static func helpVisibleLines(_ state: AppState, lines: Int) -> Int {
        max(1, min(state.size.height - 2, lines + 2) - 2)
    }

    /// The furthest the help can scroll: its last line at the bottom of the box. Update keeps
    /// the scroll within it, so Up responds at once after scrolling to the end.
    static func helpMaxScroll(_ state: AppState) -> Int {
        let lines = helpLines(state).count
        return max(0, lines - helpVisibleLines(state, lines: lines))
    }

    static func drawHelp(_ state: AppState, scroll: Int, into grid: inout CellGrid) {
        let s = Strings(state.language)
        let lines = helpLines(state)
        let keyWidth = min(24, (lines.map { DisplayWidth.of($0.key) }.max() ?? 8) + 2)
        // Wide enough for the longest hint (two languages side by side when bilingual).
        let longest = lines.map { DisplayWidth.of($0.text) }.max() ?? 0
        let width = min(grid.size.width - 4, max(40, keyWidth + 30, keyWidth + longest + 4))
        let visible = helpVisibleLines(state, lines: lines.count)
        let box = Box(
            state: state, title: s.helpTitle, width: width, height: visible + 2, in: grid.size)
        box.draw(into: &grid)
        let offset = min(scroll, max(0, lines.count - visible))
        // Help that does not fit says so on its borders, with the key that scrolls it.
        let hidden = (above: offset, below: max(0, lines.count - offset - visible))
        let l = state.language
        if hidden.above > 0 {
            box.mark(" \(Key.up.label(l)) (\(hidden.above)) ", bottom: false, into: &grid)
        }
        if hidden.below > 0 {
            box.mark(" \(Key.down.label(l)) (\(hidden.below)) ", bottom: true, into: &grid)
        }
        for (n, line) in lines.dropFirst(offset).prefix(visible).enumerated() {
            let y = box.top + 1 + n
            if line.text.isEmpty {
                grid.write(
                    TextLayout.truncate(line.key, width: box.innerWidth), row: y,
                    column: box.innerLeft, role: line.role)
            } else {
                grid.write(
                    TextLayout.truncate(line.key, width: keyWidth - 1), row: y,
                    column: box.innerLeft, role: .key)
                grid.write(
                    TextLayout.truncate(line.text, width: box.innerWidth - keyWidth), row: y,
                    column: box.innerLeft + keyWidth)
            }
        }
    }

    static func drawCountdown(_ state: AppState, secondsLeft: Int, into grid: inout CellGrid) {
        let s = Strings(state.language)
        let width = min(grid.size.width - 4, 56)
        let text = TextLayout.wrap(s.kioskCountdown(secondsLeft), width: width - 4)
        let box = Box(state: state, title: "", width: width, height: text.count + 2, in: grid.size)
        box.draw(into: &grid)
        for (n, line) in text.enumerated() {
            grid.write(
                line, row: box.top + 1 + n, column: box.innerLeft, role: n == 0 ? .warning : .normal
            )
        }
    }

    static func drawConfirm(
        _ state: AppState, _ confirmation: Confirmation, into grid: inout CellGrid
    ) {
        let s = Strings(state.language)
        let width = min(grid.size.width - 4, 56)
        let text = TextLayout.wrap(s.confirm(confirmation), width: width - 4)
        // The box names the checklist: at 40x12 it covers the selected row.
        let named = checklistName(state, confirmation)
        let name = named.isEmpty ? [] : TextLayout.wrap(named, width: width - 4)
        let box = Box(
            state: state, title: "", width: width, height: text.count + name.count + 4,
            in: grid.size)
        box.draw(into: &grid)
        for (n, line) in text.enumerated() {
            grid.write(line, row: box.top + 1 + n, column: box.innerLeft, role: .warning)
        }
        for (n, line) in name.enumerated() {
            grid.write(line, row: box.top + 1 + text.count + n, column: box.innerLeft)
        }
        grid.write(
            s.yesNo, row: box.top + 2 + text.count + name.count, column: box.innerLeft, role: .key)
    }

    /// "Physical social security card > For a family member": what a confirmation is about.
    static func checklistName(_ state: AppState, _ confirmation: Confirmation) -> String {
        let methodID: String
        switch confirmation {
        case .resetChecklist(let id), .removeChecklist(let id), .finishChecklist(_, let id):
            methodID = id
        }
        if case .finishChecklist(let cardID, _) = confirmation, let card = state.pack.card(cardID),
            let method = card.method(methodID)
        {
            return card.name[state.language] + " > " + method.name[state.language]
        }
        guard let checklist = state.checklist(for: methodID),
            let (card, method) = state.resolve(checklist)
        else { return "" }
        return card.name[state.language] + " > " + method.name[state.language]
    }
}

/// A bordered, cleared rectangle in the middle of the screen.
struct Box {
    let top: Int
    let left: Int
    let width: Int
    let height: Int
    let title: String
    let glyphs: Glyphs

    init(state: AppState, title: String, width: Int, height: Int, in size: Size) {
        self.width = max(4, min(width, size.width))
        self.height = max(3, min(height, size.height))
        self.top = max(0, (size.height - self.height) / 2)
        self.left = max(0, (size.width - self.width) / 2)
        self.title = title
        self.glyphs = Glyphs.for(state.display)
    }

    var innerLeft: Int { left + 2 }
    var innerWidth: Int { width - 4 }

    func draw(into grid: inout CellGrid) {
        // The page's body behind is dimmed (its header, notice and keys stay: they belong to
        // the box too), and a blank column is cleared on each side of the box, as dialog does,
        // so that no cut-off word touches its border. A margin too narrow to read (at 40
        // columns) is cleared whole, so that no stray letters peek out beside it; so is the
        // notice line when the box reaches it, where only a note's tail would be left.
        let layout = Layout(grid.size)
        for y in layout.bodyTop..<max(layout.bodyTop, layout.noticeRow) {
            grid.paint(.dim, row: y, column: 0, count: grid.size.width)
        }
        if (top..<(top + height)).contains(layout.noticeRow) {
            grid.fill(" ", row: layout.noticeRow, column: 0, count: grid.size.width)
        }
        let clearLeft = left < 4 ? 0 : left - 1
        let clearRight =
            grid.size.width - (left + width) < 4 ? grid.size.width : left + width + 1
        for y in top..<(top + height) {
            grid.fill(" ", row: y, column: clearLeft, count: clearRight - clearLeft)
        }
        grid.fill(glyphs.horizontal, row: top, column: left + 1, count: width - 2, role: .border)
        grid.fill(
            glyphs.horizontal, row: top + height - 1, column: left + 1, count: width - 2,
            role: .border)
        for y in (top + 1)..<(top + height - 1) {
            grid.fill(glyphs.vertical, row: y, column: left, count: 1, role: .border)
            grid.fill(glyphs.vertical, row: y, column: left + width - 1, count: 1, role: .border)
        }
        grid.fill(glyphs.topLeft, row: top, column: left, count: 1, role: .border)
        grid.fill(glyphs.topRight, row: top, column: left + width - 1, count: 1, role: .border)
        grid.fill(glyphs.bottomLeft, row: top + height - 1, column: left, count: 1, role: .border)
        grid.fill(
            glyphs.bottomRight, row: top + height - 1, column: left + width - 1, count: 1,
            role: .border)
        if !title.isEmpty {
            grid.write(
                " " + TextLayout.truncate(title, width: width - 6) + " ", row: top,
                column: left + 2, role: .title)
        }
    }

    /// A short note on the top or bottom border, at its right end ("more below").
    func mark(_ text: String, bottom: Bool, into grid: inout CellGrid) {
        let textWidth = DisplayWidth.of(text)
        guard textWidth <= width - 4 else { return }
        grid.write(
            text, row: bottom ? top + height - 1 : top, column: left + width - 2 - textWidth,
            role: .dim)
    }
}
