import ArgumentParser
import CardGuideCore
import CardGuideStorage

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Which session file: `--session PATH`, `--profile NAME`, or the default under
/// `$XDG_STATE_HOME/cardguide/`.
struct SessionOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "The progress file to use (default: $XDG_STATE_HOME/cardguide/session.json).")
    var session: String?
    @Option(
        name: .long,
        help: "A separate progress file per visitor or case (letters, digits, - and _).")
    var profile: String?

    func validate() throws {
        if session != nil && profile != nil {
            throw ValidationError("give --session or --profile, not both")
        }
        if let profile, !SessionPaths.isValidProfileName(profile) {
            throw ValidationError(
                "profile names use only letters, digits, '-' and '_' (at most 64)")
        }
    }

    func path(environment: [String: String] = ProcessEnvironment.variables()) throws -> String {
        try Self.path(session: session, profile: profile, environment: environment)
    }

    /// A kiosk clears its file at start: without --session or --profile it uses its own
    /// file, never the person's default one.
    static func path(
        session: String?, profile: String?, kiosk: Bool = false,
        environment: [String: String]
    ) throws -> String {
        do {
            if let session { return session }
            if kiosk && profile == nil {
                return try SessionPaths.kioskFile(environment: environment)
            }
            return try SessionPaths.file(profile: profile, environment: environment)
        } catch {
            throw ValidationError(
                "cannot find a folder for the progress file (\(error)); use --session PATH")
        }
    }
}
