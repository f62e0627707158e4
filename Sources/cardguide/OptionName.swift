/// Names `PackPrefetch` looks for on the raw command line while ArgumentParser, which takes
/// the same names from here, has not run yet.
enum OptionName {
    static let content = "content"
    static let noCache = "no-cache"
}
