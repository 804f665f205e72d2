/// The identity of a finding or a gap that survives unrelated edits: what judged it (a rule,
/// or the diff of a pair), where (an environment or a pair), and the item's model path;
/// never a line number or a file's place on disk. Baselines, SARIF and Code Quality use it.
public struct Fingerprint: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// What reported the item.
    public enum Source: Hashable, Sendable {
        /// A policy rule, by id.
        case rule(String)
        /// The diff of a pair.
        case gap
    }

    /// One environment, or a pair of reference and mirror.
    public enum Scope: Hashable, Sendable, CustomStringConvertible {
        case environment(String)
        case pair(reference: String, mirror: String)

        public var description: String {
            switch self {
            case .environment(let name): name
            case .pair(let reference, let mirror): "\(reference) -> \(mirror)"
            }
        }
    }

    public var source: Source
    public var scope: Scope
    public var path: ModelPath

    public init(_ source: Source, _ scope: Scope, _ path: ModelPath) {
        self.source = source
        self.scope = scope
        self.path = path
    }

    /// The stable text form baselines store: `rule|environment|path` or `gap|pair|path`.
    public var description: String {
        switch source {
        case .rule(let id): "\(id)|\(scope)|\(path)"
        case .gap: "gap|\(scope)|\(path)"
        }
    }

    public static func < (a: Fingerprint, b: Fingerprint) -> Bool { a.description < b.description }
    public static func == (a: Fingerprint, b: Fingerprint) -> Bool { a.description == b.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}
