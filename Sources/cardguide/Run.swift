import ArgumentParser
import CardGuideCore

/// The full-screen guide, and the one definition of its options (a start without arguments
/// asks for none of them, see `Guide.run`). The names start-up reads before ArgumentParser
/// runs are in `OptionName`.
struct Run: ParsableCommand {
    // Every command names itself: otherwise ArgumentParser derives the name from the type's
    // name at each start, through the runtime's demangler (half a millisecond in all).
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Start the full-screen guide (the default).")

    @OptionGroup var content: ContentOptions
    @OptionGroup var sessionOptions: SessionOptions
    @Option(name: .long, help: "Language: zh or en (default: the saved choice, else zh).") var lang:
        Language?
    @Flag(name: .long, help: "Attributes only, no colour (also when NO_COLOR is set).") var mono =
        false
    @Flag(name: .long, help: "ASCII borders and bars (automatic when the locale is not UTF-8).")
    var ascii = false
    @Flag(
        name: .long,
        help: "No box art; the real cursor rests on the focused item, for screen readers.")
    var plain = false
    @Flag(
        name: .long,
        help: "Help-desk kiosk: resets for the next visitor after idling; q does not quit.")
    var kiosk = false
    @Option(name: .long, help: "Kiosk: seconds without a key before the reset countdown.")
    var idleSeconds = 120
    @Option(
        name: .long,
        help: """
            Kiosk: the word staff type after Ctrl-X to leave (default: the first line of \
            ~/.config/cardguide/staff-exit, a file only its owner may read; other users can see \
            a command line).
            """) var staffExit: String?
    @Flag(name: .long, help: "Play a demo until the first key.") var demo = false
    @Option(name: .long, help: "Demo: seconds between steps.") var demoStepSeconds = 1.5
    @Option(
        name: .long, help: "Where 'p' writes printable hand-outs (default: the current folder).")
    var handoutDir: String?
    @Flag(name: .long, help: "Leave the mouse to the terminal (no clicks or wheel in the guide).")
    var noMouse = false
    @Option(
        name: .long,
        help: "'p' also prints: this command (e.g. 'lp -d frontdesk') gets the sheet on stdin.")
    var printCommand: String?
    @Flag(name: .long, help: "Every text in both languages, the other one beneath, dimmer (key B).")
    var bilingual = false
    @Flag(
        name: .customLong(OptionName.noCache),
        help:
            "Parse and check the content files even when the cache of the checked pack is up to date (also CARDGUIDE_NO_CACHE=1)."
    ) var noCache = false

    func validate() throws {
        if idleSeconds < 1 { throw ValidationError("--idle-seconds must be at least 1") }
        if demoStepSeconds <= 0 { throw ValidationError("--demo-step-seconds must be positive") }
    }

    func run() throws { try Guide.run(self) }
}
