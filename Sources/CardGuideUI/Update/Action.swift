import CardGuideCore

/// What a key means, independent of which key it was, or what an effect brought back. The
/// keymaps produce the first kind, the run loop the second; the update function applies both.
public enum Action: Equatable, Sendable {
    case up, down, pageUp, pageDown, top, bottom
    case open, back, quit
    case nextStep, previousStep
    case tick, markDone, overview
    case compare, faq, allFAQ, safety, cautions, contacts
    case search, help, switchLanguage
    case nextTable, previousTable
    case reset, remove
    case confirm, cancel
    case insert(Character)
    case deleteBackward, clearField, deleteWord
    case printHandout
    case profiles
    /// `Q`: the page's official address as a QR code; in the code screen, the next address.
    case showCode, nextCode
    /// `B`: both languages at once.
    case switchBilingual
    case resize(Size)

    // What an effect brought back, as bubbletea's commands return messages; no key makes
    // these. The effect handler only does the I/O: `Update` words the outcome and changes
    // the state.
    /// `.saveSession` done: the problem when the file was not written.
    case saved(problem: SessionNotice?, readOnly: Bool)
    case profilesListed([ProfileListing])
    case profileSwitched(ProfileOpened)
    /// The profile's file could not be found (no folder for it): why.
    case profileNotSwitched(reason: String)
    case handoutWritten(methodID: String, HandoutOutcome)
    case codeEncoded(address: String, CodeOverlay.Status)
}

/// Work the update function asks the run loop to do: it never does I/O itself. What the work
/// found comes back as an action (`.saved`, `.profilesListed` …).
public enum Effect: Equatable, Sendable {
    /// Progress or language changed: write the session file.
    case saveSession
    /// Write the method's visitor sheet (`sheet`, worded by `Update`) and hand it to the
    /// desk's print command, if there is one.
    case writeHandout(methodID: String, sheet: String)
    /// The profile switcher opened: list the saved profiles.
    case listProfiles
    /// Switch to another profile's progress file (nil: the default one).
    case switchProfile(name: String?)
    /// Make the QR code of an address (libqrencode, loaded on first use).
    case encodeCode(address: String)
    case quit
}
