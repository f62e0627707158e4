/// A tiny document model shared by the two export formats, so the content of a record is
/// decided once and Markdown and plain text differ only in how blocks are written.
struct ExportDocument {
    enum Block: Equatable {
        case heading(level: Int, text: String)
        /// Text with `\n` between lines; lines starting "- " are bullets.
        case paragraph(String)
        /// A list item. `depth` 0 is the outermost; `mark` is a box such as "[x]".
        case item(depth: Int, mark: String?, text: String)
        /// A URL on its own line under an item. Never wrapped: a broken URL stops working.
        case link(depth: Int, url: String)
        /// Ends a list: Markdown needs a blank line before what follows.
        case endList
        /// Separates one checklist from the next.
        case rule
    }

    var blocks: [Block] = []

    mutating func add(_ block: Block) { blocks.append(block) }

    // MARK: Markdown

    func markdown() -> String {
        var out: [String] = []
        var inList = false
        for block in blocks {
            switch block {
            case .heading(let level, let text):
                closeList(&out, &inList)
                out += [String(repeating: "#", count: level) + " " + text, ""]
            case .paragraph(let text):
                closeList(&out, &inList)
                out +=
                    text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                    + [""]
            case .item(let depth, let mark, let text):
                inList = true
                out.append(
                    String(repeating: "  ", count: depth) + "- " + (mark.map { $0 + " " } ?? "")
                        + text)
            case .link(let depth, let url):
                inList = true
                out.append(String(repeating: "  ", count: depth + 1) + "<\(url)>")
            case .endList:
                closeList(&out, &inList)
            case .rule:
                closeList(&out, &inList)
                out += ["---", ""]
            }
        }
        closeList(&out, &inList)
        return finish(out)
    }

    private func closeList(_ out: inout [String], _ inList: inout Bool) {
        if inList { out.append("") }
        inList = false
    }

    // MARK: Plain text

    /// Lines of at most `width` columns (CJK counted as two), except a line holding only a
    /// URL. Four spaces of indent per depth, so details sit under the text after a box.
    func text(width: Int) -> String {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .heading(_, let text):
                if out.last?.isEmpty == false { out.append("") }
                out += TextLayout.wrap(text, width: width)
                out.append("")
            case .paragraph(let text):
                out += TextLayout.wrap(text, width: width) + [""]
            case .item(let depth, let mark, let text):
                out += hanging(
                    text, indent: 4 * depth, prefix: mark.map { $0 + " " } ?? "", width: width)
            case .link(let depth, let url):
                out.append(String(repeating: " ", count: 4 * depth + 4) + url)
            case .endList:
                if out.last?.isEmpty == false { out.append("") }
            case .rule:
                if out.last?.isEmpty == false { out.append("") }
                out += [String(repeating: "=", count: width), ""]
            }
        }
        return finish(out.map { String($0.reversed().drop { $0 == " " }.reversed()) })
    }

    /// `prefix` then `text` wrapped. Continuation lines start under the text after a box,
    /// or four columns in when there is no box, so they never look like a new item. (All
    /// lines wrap at the continuation width: the first may end a few columns early.)
    private func hanging(_ text: String, indent: Int, prefix: String, width: Int) -> [String] {
        let hang = prefix.isEmpty ? 4 : DisplayWidth.of(prefix)
        let lead = String(repeating: " ", count: indent)
        let lines = TextLayout.wrap(text, width: max(width - indent - hang, 10))
        return lines.enumerated().map { index, line in
            lead + (index == 0 ? prefix : String(repeating: " ", count: hang)) + line
        }
    }

    /// Collapses runs of blank lines and ends with exactly one newline.
    private func finish(_ lines: [String]) -> String {
        var result: [String] = []
        for line in lines where !(line.isEmpty && (result.last?.isEmpty ?? true)) {
            result.append(line)
        }
        while result.last?.isEmpty == true { result.removeLast() }
        return result.joined(separator: "\n") + "\n"
    }
}
