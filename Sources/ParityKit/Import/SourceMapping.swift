public import ParityDiagnostics
public import ParityYAML

/// A mapping of the source being imported, read key by key: the keys never taken are
/// reported, each at its line, so nothing the importer does not map goes unsaid.
public final class SourceMapping {
    public let node: Node
    /// What the mapping belongs to, for messages ("container 'server' of Deployment 'frontend'").
    public let context: String
    /// Where the mapping is inside what it belongs to (`spec.template`); empty at its top.
    public let path: String
    private var taken = Set<String>()
    /// Why a key is not mapped, where more can be said than that parity has no such field.
    private var reasons: [String: String] = [:]
    private let report: UnmappedReport

    init(_ node: Node, context: String, path: String = "", report: UnmappedReport) {
        self.node = node
        self.context = context
        self.path = path
        self.report = report
        report.open(self)
    }

    /// The value of `key`, marking it as mapped.
    public func take(_ key: String) -> Node? {
        taken.insert(key)
        return node[key]
    }

    /// The mapping at `key`, marking it as mapped; its own keys are tracked in turn.
    public func mapping(_ key: String, context: String? = nil) -> SourceMapping? {
        guard let child = take(key), child.mapping != nil else { return nil }
        if let context { return SourceMapping(child, context: context, report: report) }
        return SourceMapping(child, context: self.context, path: path.isEmpty ? key : "\(path).\(key)", report: report)
    }

    /// The scalar text of `key`, marking it as mapped.
    public func text(_ key: String) -> String? {
        take(key)?.scalar?.text
    }

    /// Leaves `key` unmapped with a reason more precise than the default one.
    public func explain(_ key: String, _ reason: String) {
        reasons[key] = reason
    }

    /// A key written but not taken: where it is, below which key of the object, and why.
    struct Unmapped {
        /// The key of the object it is under (`securityContext`), or the key itself at the top.
        var top: String
        /// The key's place below `top` (`fsGroup`), or the whole place at the top.
        var place: String
        var reason: String
        var location: SourceLocation
    }

    /// The keys written but not taken.
    func unmapped() -> [Unmapped] {
        (node.mapping ?? []).compactMap { pair in
            guard let key = pair.key.scalar?.text, !taken.contains(key) else { return nil }
            let reason = reasons[key] ?? "parity has no field for it"
            let parts = path.isEmpty ? [key] : path.split(separator: ".").map(String.init) + [key]
            let below = parts.dropFirst().joined(separator: ".")
            return Unmapped(
                top: parts[0], place: below.isEmpty ? parts[0] : below, reason: reason, location: pair.key.location)
        }
    }
}

/// Every mapping opened during one import, so their unmapped keys are reported together.
final class UnmappedReport {
    private var mappings: [SourceMapping] = []

    func open(_ mapping: SourceMapping) {
        mappings.append(mapping)
    }

    func mapping(_ node: Node, context: String) -> SourceMapping {
        SourceMapping(node, context: context, report: self)
    }

    /// One warning per key of each object: a key not imported says why; several keys not
    /// imported below one key (`securityContext.fsGroup`, `securityContext.runAsGroup`) are
    /// one warning naming each with its reason, and a note at each one's place.
    var diagnostics: [Diagnostic] {
        var order: [String] = []
        var groups: [String: (context: String, items: [SourceMapping.Unmapped])] = [:]
        for mapping in mappings {
            for item in mapping.unmapped() {
                let key = mapping.context + "\u{0}" + item.top
                if groups[key] == nil { order.append(key) }
                groups[key, default: (mapping.context, [])].items.append(item)
            }
        }
        return order.compactMap { key in
            guard let (context, items) = groups[key], let first = items.first else { return nil }
            guard items.count > 1 else {
                let place = first.place == first.top ? first.top : "\(first.top).\(first.place)"
                return .warning(
                    .importUnmapped, "'\(place)' of \(context) is not imported: \(first.reason)", at: first.location)
            }
            let sorted = items.sorted { $0.location < $1.location }
            let listed = sorted.map { "'\($0.place)' (\($0.reason))" }.joined(separator: "; ")
            return .warning(
                .importUnmapped,
                "\(items.count) keys under '\(first.top)' of \(context) are not imported: \(listed)",
                at: sorted[0].location,
                notes: sorted.dropFirst().map { Diagnostic.Note("'\($0.place)' is here", at: $0.location) })
        }
    }
}

extension Diagnostic.Code {
    /// A key of the source an importer did not map.
    public static let importUnmapped: Self = "import.unmapped"
    /// A name in the source that refers to something the source does not define.
    public static let importUnknownReference: Self = "import.unknown-reference"
    /// A document or value an importer cannot read.
    public static let importInvalid: Self = "import.invalid"
    /// An output that would overwrite an existing file.
    public static let importOutputExists: Self = "import.output-exists"
}
