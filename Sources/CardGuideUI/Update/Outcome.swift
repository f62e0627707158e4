import CardGuideCore

/// What the executable found when it listed the saved profiles (`Effect.listProfiles`):
/// plain data, kept so, and worded in the person's language when the switcher is drawn.
public struct ProfileListing: Equatable, Sendable {
    public enum Progress: Equatable, Sendable {
        /// The file's checklists, and the one changed last (nil when there is none).
        case checklists(count: Int, latest: Checklist?)
        /// A FIFO, a folder or damage: why it could not be read.
        case unreadable(reason: String)
    }

    /// nil for the default progress file.
    public var name: String?
    public var progress: Progress

    public init(name: String?, progress: Progress) {
        self.name = name
        self.progress = progress
    }
}

/// The profile file the executable opened (`Effect.switchProfile`).
public struct ProfileOpened: Equatable, Sendable {
    public var name: String?
    public var checklists: [Checklist]
    public var readOnly: Bool
    /// What opening it found (migrated, moved aside, in use …).
    public var notices: [SessionNotice]

    public init(
        name: String?, checklists: [Checklist], readOnly: Bool, notices: [SessionNotice]
    ) {
        self.name = name
        self.checklists = checklists
        self.readOnly = readOnly
        self.notices = notices
    }
}

/// What became of a visitor sheet (`Effect.writeHandout`).
public enum HandoutOutcome: Equatable, Sendable {
    /// Not written into `folder`: the errno (0 when there is none).
    case notWritten(code: Int32, folder: String)
    /// Written at `path`; `printing` is what the print command did, nil without one.
    case written(path: String, printing: PrintOutcome?)
}

/// How the desk's `--print-command` ended.
public enum PrintOutcome: Equatable, Sendable {
    case printed
    /// Exit status, and what the command wrote on standard error (trimmed, maybe empty).
    case failed(status: Int32, message: String)
    /// Ended by a signal, or by the guide after the timeout.
    case killed(signal: Int32, timedOut: Bool)
    /// The shell could not be started, or the sheet not opened for it: the errno.
    case notStarted(code: Int32)
}
