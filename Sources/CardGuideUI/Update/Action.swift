import CardGuideCore

/// What a key means, independent of which key it was. The keymaps produce actions; the
/// update function applies them.
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
}

/// Work the update function asks the run loop to do: it never does I/O itself.
public enum Effect: Equatable, Sendable {
    /// Progress or language changed: write the session file.
    case saveSession
    /// Write the method's checklist as a printable hand-out (Markdown and text).
    case writeHandout(methodID: String)
    /// The profile switcher opened: list the saved profiles into `state.profiles`.
    case listProfiles
    /// Switch to another profile's progress file (nil: the default one).
    case switchProfile(name: String?)
    /// Make the QR code of an address (libqrencode, loaded on first use) and hand it to
    /// `AppState.showCode`.
    case encodeCode(address: String)
    case quit
}
