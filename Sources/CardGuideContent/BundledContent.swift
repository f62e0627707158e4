import Foundation

/// Where the content pack shipped with the program lives. The pack is kept under the
/// package's top-level `Resources/content` and copied into this target's resource bundle.
public enum BundledContent {
    public static var directory: String {
        Bundle.module.url(forResource: "content", withExtension: nil)!.path
    }
}
