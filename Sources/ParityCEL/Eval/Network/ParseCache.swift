import Synchronization

/// Parsed address ranges by their text, shared by every evaluation of a run: a pair rule that
/// compares each mirror network with each reference network parses every range once, not
/// once per comparison. Bounded: past `limit` texts it starts again, so no input grows it.
final class ParseCache<Parsed: Sendable>: Sendable {
    private let entries = Mutex<[String: Parsed?]>([:])
    private let limit: Int
    private let parse: @Sendable (String) -> Parsed?

    init(limit: Int = 4096, _ parse: @escaping @Sendable (String) -> Parsed?) {
        self.limit = limit
        self.parse = parse
    }

    func value(_ text: String) -> Parsed? {
        if let known = entries.withLock({ $0[text] }) { return known }
        let parsed = parse(text)
        entries.withLock { entries in
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[text] = .some(parsed)
        }
        return parsed
    }
}
