import Foundation

/// Parses remembered by file path, kind and content id: across a history, a file unchanged
/// between commits is read and parsed once.
public final class ParseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var parses: [String: Any] = [:]
    /// How many parses were answered from memory, and how many were made (for benchmarks).
    public private(set) var hits = 0
    public private(set) var misses = 0

    public init() {}

    /// The parse of kind `kind` for `key`, made by `parse` the first time it is asked for.
    func value<Parsed>(_ key: String, _ parse: () -> Parsed) -> Parsed {
        lock.lock()
        if let known = parses[key] as? Parsed {
            hits += 1
            lock.unlock()
            return known
        }
        lock.unlock()
        let made = parse()
        lock.lock()
        parses[key] = made
        misses += 1
        lock.unlock()
        return made
    }
}
