import CardGuideCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where session files live. Pure functions of an environment dictionary, so tests need no
/// real home directory and the rules are written down in one place:
///
/// - default: `$XDG_STATE_HOME/cardguide/session.json`, or `$HOME/.local/state/cardguide/
///   session.json` when XDG_STATE_HOME is unset, empty or relative (the XDG spec says to
///   ignore relative values);
/// - `--profile NAME`: `profiles/NAME.json` beside the default file, one file per visitor
///   or case at a help desk;
/// - `--kiosk` without either: `kiosk.json` beside the default file.
package enum SessionPaths {
    package static let fileName = "session.json"
    package static let profilesFolder = "profiles"

    package enum PathError: Error, Equatable, Sendable {
        /// Neither XDG_STATE_HOME nor HOME gives an absolute folder.
        case noHome
        case invalidProfileName(String)
    }

    /// The folder that holds `session.json` and `profiles/`.
    package static func stateDirectory(environment: [String: String]) throws(PathError) -> String {
        guard let folder = XDGFolder.state.folder(environment) else { throw .noHome }
        return folder
    }

    package static func defaultFile(environment: [String: String]) throws(PathError) -> String {
        PathText.join(try stateDirectory(environment: environment), fileName)
    }

    /// A kiosk's own file beside the default one: a kiosk clears its file at every start.
    package static let kioskFileName = "kiosk.json"

    package static func kioskFile(environment: [String: String]) throws(PathError) -> String {
        PathText.join(try stateDirectory(environment: environment), kioskFileName)
    }

    /// A profile's file, beside the default file. The name becomes a file name, so it is
    /// limited to characters that cannot climb out of the folder or hide a file.
    package static func profileFile(_ name: String, environment: [String: String]) throws(PathError)
        -> String
    {
        guard isValidProfileName(name) else { throw .invalidProfileName(name) }
        return PathText.join(
            try stateDirectory(environment: environment), profilesFolder, name + ".json")
    }

    /// A profile's file, or the default one when `profile` is nil.
    package static func file(profile: String?, environment: [String: String]) throws(PathError)
        -> String
    {
        guard let profile else { return try defaultFile(environment: environment) }
        return try profileFile(profile, environment: environment)
    }

    /// `[A-Za-z0-9_-]{1,64}`.
    package static func isValidProfileName(_ name: String) -> Bool {
        guard (1...64).contains(name.utf8.count) else { return false }
        return name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                return true
            default:
                return false
            }
        }
    }

    /// The profile names found in `stateDirectory/profiles`, sorted; files whose names are
    /// not valid profile names (temporary files, quarantined copies) are left out.
    package static func listProfiles(stateDirectory: String) -> [String] {
        let folder = PathText.join(stateDirectory, profilesFolder)
        let names = PosixFile.names(in: folder) ?? []
        return names.compactMap { name -> String? in
            guard name.hasSuffix(".json") else { return nil }
            let profile = String(name.dropLast(5))
            return isValidProfileName(profile) ? profile : nil
        }.sorted()
    }

    /// The profiles beside the default file of `environment`; none when there is no home.
    package static func listProfiles(environment: [String: String]) -> [String] {
        guard let directory = try? stateDirectory(environment: environment) else { return [] }
        return listProfiles(stateDirectory: directory)
    }
}
