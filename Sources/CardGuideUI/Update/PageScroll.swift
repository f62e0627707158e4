import CardGuideCore

/// How every scrolled page moves (an answer, the safety rules, cautions, contacts, a
/// comparison, a wizard step): the last page stays full, and a page never starts on the
/// blank line between paragraphs when it can start after it (at 40x12 a page has few rows,
/// and a blank first one reads as an empty page).
extension Update {
    /// A page's new scroll offset after a movement action. `height` is the rows the page
    /// scrolls in (the body's by default).
    static func scrolled(
        _ action: Action, _ scroll: Int, lines: [PageLine], state: AppState, height: Int? = nil
    ) -> Int {
        let visible = height ?? Layout(state.size).bodyHeight
        let maxScroll = max(0, scrollLines(lines, height: visible) - visible)
        var next = scroll
        switch action {
        case .up: next -= 1
        case .down: next += 1
        case .pageUp: next -= max(1, visible - 1)
        case .pageDown: next += max(1, visible - 1)
        case .top: next = 0
        case .bottom: next = maxScroll
        default: break
        }
        next = min(max(0, next), maxScroll)
        if [.pageUp, .pageDown].contains(action), next > 0, next < maxScroll,
            lines[next].text.isEmpty
        {
            next += 1
        }
        return next
    }

    /// How many lines a page scrolls through: one more, blank, when its last page would
    /// start on a blank line, so that it starts after it instead.
    static func scrollLines(_ lines: [PageLine], height: Int) -> Int {
        let lastTop = lines.count - height
        return lastTop > 0 && lines[lastTop].text.isEmpty ? lines.count + 1 : lines.count
    }
}
