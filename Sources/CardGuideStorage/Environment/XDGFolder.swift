/// The XDG base folders the program uses, each holding a folder of its own, `cardguide`:
/// state (progress, the log), cache (the checked content pack) and config (a desk's staff
/// word). A relative value is ignored, as the XDG specification says, and HOME is the
/// fallback. One resolver, so that the three kinds of file follow the same rule.
package enum XDGFolder: Sendable {
    case state, cache, config

    private var variable: String {
        switch self {
        case .state: return "XDG_STATE_HOME"
        case .cache: return "XDG_CACHE_HOME"
        case .config: return "XDG_CONFIG_HOME"
        }
    }

    private var underHome: String {
        switch self {
        case .state: return ".local/state"
        case .cache: return ".cache"
        case .config: return ".config"
        }
    }

    /// `$XDG_…_HOME/cardguide`, else `$HOME/<default>/cardguide`; nil when neither is an
    /// absolute path.
    package func folder(_ environment: (String) -> String?) -> String? {
        if let base = environment(variable), base.hasPrefix("/") {
            return PathText.join(base, "cardguide")
        }
        if let home = environment("HOME"), home.hasPrefix("/") {
            return PathText.join(home, underHome, "cardguide")
        }
        return nil
    }

    package func folder(_ environment: [String: String]) -> String? { folder { environment[$0] } }
}
