import CardGuideCore

/// The frame every screen shares: the header with where you are and the language, a rule,
/// the notice line and the footer of key hints.
enum Chrome {
    static func header(_ state: AppState, into grid: inout CellGrid) {
        let s = Strings(state.language)
        let width = grid.size.width
        grid.fill(" ", row: 0, column: 0, count: width, role: .title)
        // Read-only (another CardGuide has the file, or it is from a newer version) stays in
        // sight on every screen, beside the language, where no page text can cover it.
        // A terminal that cannot show Chinese offers no switch to it.
        let language = state.display.englishOnly ? "[EN]" : s.languageTag
        let tag = (state.readOnly ? s.readOnly + "  " : "") + language
        let tagWidth = DisplayWidth.of(tag)
        let crumbs = [s.appName] + Breadcrumb.path(state)
        let room = width - tagWidth - 3
        if room > 4 {
            grid.write(Breadcrumb.fitted(crumbs, width: room), row: 0, column: 1, role: .title)
            grid.write(tag, row: 0, column: width - tagWidth - 1, role: .title)
        } else {
            grid.write(Breadcrumb.fitted(crumbs, width: width - 2), row: 0, column: 1, role: .title)
        }
        if !state.display.plain {
            grid.fill(
                Glyphs.for(state.display).horizontal, row: 1, column: 0, count: width, role: .border
            )
        }
    }

    /// The notice line. A long notice (a moved-aside session file names two paths) grows
    /// upwards over the body, up to four lines, so that it is read whole.
    static func notice(_ state: AppState, into grid: inout CellGrid) {
        let layout = Layout(state.size)
        let row = layout.noticeRow
        // A visitor walking up to a playing demo must see that a key hands it over to them.
        let notice =
            state.helpDesk.demo != nil ? Notice(Strings(state.language).demoPlaying) : state.notice
        if let notice {
            let lines = TextLayout.wrap(notice.text, width: max(1, grid.size.width - 2))
            let shown = Array(lines.prefix(min(4, max(1, layout.bodyHeight / 2))))
            let role: Role = notice.kind == .warning ? .warning : .notice
            for (n, line) in shown.enumerated() {
                let y = row - shown.count + 1 + n
                grid.fill(" ", row: y, column: 0, count: grid.size.width, role: role)
                let text =
                    n == shown.count - 1 && lines.count > shown.count
                    ? TextLayout.truncate(line + " ...", width: grid.size.width - 2) : line
                grid.write(text, row: y, column: 1, role: role)
            }
        }
    }

    /// "12 more lines: PgDn", "5 lines above: PgUp" or both on the notice line,
    /// right-aligned: never over the page's own text. Nothing when nothing is hidden.
    static func moreLines(above: Int, below: Int, state: AppState, into grid: inout CellGrid) {
        let s = Strings(state.language)
        // Both counts long (hundreds of lines) may not fit 40 columns: then below alone.
        let notes =
            switch (above > 0, below > 0) {
            case (true, true): [s.moreAround(above: above, below: below), s.moreBelow(below)]
            case (true, false): [s.moreAbove(above)]
            case (false, true): [s.moreBelow(below)]
            case (false, false): [String]()
            }
        let layout = Layout(state.size)
        guard let more = notes.first(where: { DisplayWidth.of($0) <= layout.contentWidth })
        else { return }
        let width = DisplayWidth.of(more)
        grid.write(
            more, row: layout.noticeRow, column: layout.contentLeft + layout.contentWidth - width,
            role: .dim)
    }

    /// Key hints from the keymap, help first so that it always fits.
    static func footer(_ state: AppState, into grid: inout CellGrid) {
        let row = Layout(state.size).footerRow
        var hints = Keymap.footer(state)
        if let help = hints.firstIndex(where: { $0.action == .help }) {
            hints.insert(hints.remove(at: help), at: 0)
        }
        var x = 1
        let limit = grid.size.width - 1
        for binding in hints {
            let key = binding.keys[0].label(state.language)
            let hint = Keymap.hint(binding, in: state)[state.language]
            let needed = DisplayWidth.of(key) + 1 + DisplayWidth.of(hint)
            if x + needed > limit { break }
            x += grid.write(key, row: row, column: x, role: .key)
            x += 1
            x += grid.write(hint, row: row, column: x, role: .normal)
            x += 2
        }
    }
}
