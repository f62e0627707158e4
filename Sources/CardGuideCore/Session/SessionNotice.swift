/// Something about the session file the person should know. Each case carries what a screen
/// needs to say it in either language; `message` gives the sentence. System error texts
/// (`reason`) come from strerror and stay in English in both languages.
public enum SessionNotice: Equatable, Sendable {
    /// The file could not be read or parsed; it was renamed to `movedTo` and kept. Fresh start.
    case movedAside(path: String, movedTo: String, reason: String)
    /// The file could not be read or parsed, nor moved aside: it is left alone and nothing
    /// is saved this session (read-only), so it can still be rescued by hand.
    case unreadableKept(path: String, reason: String)
    /// Written by a newer CardGuide: shown as far as understood, never overwritten (read-only).
    case newerVersion(path: String, found: Int, supported: Int)
    /// An older file was read and will be saved in the current format on the next change.
    case migrated(path: String, from: Int, to: Int)
    /// Another CardGuide holds the file's lock (read-only).
    case inUse(path: String, pid: Int32?)
    /// A save failed (read-only folder, disk full…); the previous file is intact and the next
    /// change tries again.
    case saveFailed(path: String, reason: String)
    /// A change was not saved because this session is read-only (see the notice at start).
    case notSavedReadOnly(path: String)
    /// Saved progress referred to steps or materials the content no longer has.
    case contentChanged(SessionReconciler.Report)
    /// The name is a folder, FIFO or device: nothing was read, moved or written.
    case notRegularFile(path: String)
    /// The folder of the file lets other users change what is in it (`reason` says how).
    case looseFolder(path: String, reason: String)
    /// The lock file is a link or another user's file: read-only, since a second writer could
    /// not be kept out.
    case lockRefused(path: String, reason: String)

    /// True when nothing will be written this session.
    public var makesReadOnly: Bool {
        switch self {
        case .unreadableKept, .newerVersion, .inUse, .notSavedReadOnly, .notRegularFile,
            .lockRefused:
            return true
        default: return false
        }
    }

    public func message(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .movedAside(_, let movedTo, let reason):
            // The kept file's name first (it holds the original path): a notice cut short on
            // a small screen still says where the old progress went; the reason comes last.
            return zh
                ? "无法读取进度文件，原文件已改名保存为 \(movedTo)，不会删除；现在从头开始。（原因：\(reason)）"
                : "Could not read the progress file. It was kept as \(movedTo) and will not be deleted; starting fresh. (Reason: \(reason))"
        case .unreadableKept(let path, let reason):
            return zh
                ? "无法读取进度文件 \(path)（\(reason)），也无法把它移开。为免覆盖，本次不保存任何进度。"
                : "Could not read the progress file \(path) (\(reason)) nor move it aside. To avoid overwriting it, nothing is saved this session."
        case .newerVersion(let path, let found, let supported):
            return zh
                ? "进度文件 \(path) 来自更新版本的 CardGuide（格式 \(found)，本程序支持到 \(supported)）。只读打开，不会覆盖；请更新 CardGuide。"
                : "The progress file \(path) was written by a newer CardGuide (format \(found); this one knows up to \(supported)). Opened read-only and never overwritten; please update CardGuide."
        case .migrated(let path, let from, let to):
            return zh
                ? "进度文件 \(path) 是旧格式（\(from)），已转换为格式 \(to)，下次改动时保存。"
                : "The progress file \(path) was in an older format (\(from)); it was converted to format \(to) and is saved on your next change."
        case .inUse(let path, let pid):
            let who =
                pid.map { zh ? "进程 \($0)" : "process \($0)" } ?? (zh ? "另一个进程" : "another process")
            return zh
                ? "进度文件 \(path) 正被 \(who) 使用（另一个 CardGuide）。只读打开，本次的改动不会保存。"
                : "The progress file \(path) is in use by \(who) (another CardGuide). Opened read-only: changes are not saved this session."
        case .saveFailed(let path, let reason):
            return zh
                ? "无法保存进度到 \(path)（\(reason)）。之前保存的文件完好；下次改动时会再试。"
                : "Could not save progress to \(path) (\(reason)). The previously saved file is intact; saving is retried on your next change."
        case .notSavedReadOnly(let path):
            return zh ? "只读：改动未保存到 \(path)。" : "Read-only: the change was not saved to \(path)."
        case .contentChanged(let report):
            return Self.contentChangedMessage(report, zh: zh)
        case .notRegularFile(let path):
            return zh
                ? "\(path) 不是普通文件（而是文件夹、管道或设备），未读取也未改动；请用 --session 指定文件。"
                : "\(path) is not a regular file (a folder, FIFO or device); it was neither read "
                    + "nor changed. Give a file with --session."
        case .looseFolder(let path, let reason):
            return zh
                ? "注意：文件夹 \(path) 其他用户也能改动（\(reason)）；请执行 chmod 700 \(path)。"
                : "Warning: other users can change the folder \(path) (\(reason)); "
                    + "run chmod 700 \(path)."
        case .lockRefused(let path, let reason):
            return zh
                ? "锁文件 \(path) 不是本用户的普通文件（\(reason)），可能是别人放的。为安全起见，本次只读。"
                : "The lock file \(path) is not a regular file of this user (\(reason)); someone "
                    + "may have planted it. Read-only this session, to be safe."
        }
    }

    private static func contentChangedMessage(_ report: SessionReconciler.Report, zh: Bool)
        -> String
    {
        var parts: [String] = []
        if !report.droppedChecklists.isEmpty {
            let ids = report.droppedChecklists.map { "\($0.cardID)/\($0.methodID)" }.joined(
                separator: ", ")
            parts.append(
                zh
                    ? "\(report.droppedChecklists.count) 份清单（\(ids)）"
                    : "\(report.droppedChecklists.count) checklist(s) (\(ids))")
        }
        if report.droppedStepCount > 0 {
            parts.append(
                zh
                    ? "\(report.droppedStepCount) 个步骤状态"
                    : "\(report.droppedStepCount) step status(es)")
        }
        if report.droppedMaterialCount > 0 {
            let ids = report.trimmed.flatMap(\.materials).prefix(5).joined(separator: ", ")
            let more = report.droppedMaterialCount > 5 ? ", ..." : ""
            parts.append(
                zh
                    ? "\(report.droppedMaterialCount) 个已勾选材料（\(ids)\(more)）"
                    : "\(report.droppedMaterialCount) ticked material(s) (\(ids)\(more))")
        }
        let moved = report.trimmed.filter { $0.movedFromStep != nil }.count
        var text =
            zh
            ? "指南内容自上次保存后有更新。仍然对应的进度都已保留"
            : "The guide's content changed since your progress was saved. Everything that still matches was kept"
        if !parts.isEmpty {
            text +=
                zh
                ? "；已移除：" + parts.joined(separator: "、")
                : "; dropped: " + parts.joined(separator: ", ")
        }
        if moved > 0 {
            text +=
                zh
                ? "；\(moved) 份清单的当前步骤已不存在，已回到第一步"
                : "; \(moved) checklist(s) went back to the first step because their current step is gone"
        }
        return text + (zh ? "。" : ".")
    }
}
