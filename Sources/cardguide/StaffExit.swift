import ArgumentParser
import CardGuideCore
import CardGuideStorage

/// The word that lets staff leave a kiosk (Ctrl-X, the word, Enter). The desk sets it and it
/// is printed nowhere: `--staff-exit WORD`, else the first line of
/// `$XDG_CONFIG_HOME/cardguide/staff-exit` (`~/.config/cardguide/staff-exit`), a file only
/// its owner may read. A kiosk without a word does not start.
enum StaffExit {
    static func word(option: String?, environment: [String: String]) throws -> String {
        if let option { return try checked(option, from: "--staff-exit") }
        guard let path = filePath(environment: environment) else { throw missing("(no HOME)") }
        switch SecretFile.read(path) {
        case .success(let word): return try checked(word, from: path)
        case .failure(.missing): throw missing(path)
        case .failure(let problem):
            printError("cardguide: cannot use the staff exit word: \(problem)")
            throw ExitCode(2)
        }
    }

    static func filePath(environment: [String: String]) -> String? {
        XDGFolder.config.folder(environment).map { PathText.join($0, "staff-exit") }
    }

    /// 1 to 64 characters, none of them a space or a control: typed as keys after Ctrl-X.
    private static func checked(_ word: String, from source: String) throws -> String {
        let printable = word.unicodeScalars.allSatisfy {
            !$0.properties.isWhitespace && !TerminalText.isUnsafe($0)
        }
        guard (1...64).contains(word.count), printable else {
            printError(
                "cardguide: the staff exit word (\(source)) must be 1 to 64 characters, "
                    + "no spaces.")
            throw ExitCode(2)
        }
        return word
    }

    private static func missing(_ path: String) -> ExitCode {
        printError(
            """
            cardguide: a kiosk needs a staff exit word, so that staff (and only staff) can leave it.
            Put it on the first line of \(path) (chmod 600), or give --staff-exit WORD.
            """)
        return ExitCode(2)
    }
}
