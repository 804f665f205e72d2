public import ParityDiagnostics
import ParityYAML

/// Known findings and gaps recorded by `--write-baseline`, so an existing repository can
/// adopt the gate and be told only about what is new. Entries are identified by rule (or
/// pair), environment and item path, never by a line number or an absolute path, so
/// unrelated edits keep them; identical findings share one entry with a count.
public struct Baseline: Sendable {
    /// One identity and how many of today's findings or gaps have it.
    public struct Entry: Sendable {
        public var fingerprint: String
        public var count: Int
        /// What the fingerprint says, spelt out for a reader of the file.
        public var details: [(String, String)]
        /// Where the entry is written, for a baseline read from a file.
        public var location: SourceLocation?
    }

    /// Entries sorted by fingerprint, each fingerprint once.
    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// A baseline of one entry for each fingerprint (in its text form).
    public init(fingerprints: Set<String>) {
        self.init(entries: fingerprints.sorted().map { Entry(fingerprint: $0, count: 1, details: []) })
    }

    public static let version = 1

    /// Every fingerprint the baseline knows, in its stable text form.
    public var fingerprints: Set<String> { Set(entries.map(\.fingerprint)) }

    /// Whether the baseline holds the item of `fingerprint`.
    public func contains(_ fingerprint: Fingerprint) -> Bool {
        fingerprints.contains(fingerprint.description)
    }

    /// How many findings and gaps the entries stand for.
    public var itemCount: Int { entries.reduce(0) { $0 + $1.count } }

    /// The fingerprint of a gap: pair and path.
    public static func fingerprint(_ gap: Gap, reference: String, mirror: String) -> Fingerprint {
        Fingerprint(.gap, .pair(reference: reference, mirror: mirror), gap.path)
    }

    /// Today's findings and failing gaps, the ones already in a baseline included, as a baseline.
    public static func recording(findings: [Finding], pairs: [PairReport]) -> Baseline {
        var byFingerprint: [String: Entry] = [:]
        func add(_ fingerprint: Fingerprint, _ details: [(String, String)]) {
            let text = fingerprint.description
            byFingerprint[text, default: Entry(fingerprint: text, count: 0, details: details)].count += 1
        }
        for finding in findings where (finding.isActive || finding.isBaselined) && !finding.isEvaluationError {
            add(
                finding.fingerprint,
                [
                    ("rule", finding.ruleID), ("environment", finding.environment),
                    ("item", (finding.identity ?? finding.item).description),
                ])
        }
        for pair in pairs {
            for gap in pair.gaps where gap.isFailing || gap.isBaselined {
                add(
                    fingerprint(gap, reference: pair.reference, mirror: pair.mirror),
                    [("pair", "\(pair.reference) -> \(pair.mirror)"), ("path", gap.path.description)])
            }
        }
        return Baseline(entries: byFingerprint.values.sorted { $0.fingerprint < $1.fingerprint })
    }

    /// The baseline file (JSON, entries sorted).
    public var rendered: String {
        let list = entries.map { entry in
            JSONValue.object(
                [("fingerprint", .string(entry.fingerprint))] + entry.details.map { ($0.0, JSONValue.string($0.1)) } + [
                    ("count", .int(entry.count))
                ])
        }
        return JSONValue.object([("version", .int(Self.version)), ("entries", .array(list))]).pretty
    }

    /// What `--write-baseline` says once it has written the file.
    public func summary(writtenTo path: String) -> String {
        let noun = entries.count == 1 ? "entry" : "entries"
        return
            "parity check: wrote \(entries.count) baseline \(noun) (\(itemCount) findings and gaps) to '\(path)'; check with --baseline \(path) to see only what is new\n"
    }

    /// Marks what the baseline knows as baselined, one finding or gap per count, and reports
    /// the entries that match nothing any more (the next `--write-baseline` drops them).
    public func apply(to findings: inout [Finding], pairs: inout [PairReport]) -> [Diagnostic] {
        var left = Dictionary(entries.map { ($0.fingerprint, $0.count) }, uniquingKeysWith: +)
        func take(_ fingerprint: Fingerprint) -> Bool {
            let text = fingerprint.description
            guard let count = left[text], count > 0 else { return false }
            left[text] = count - 1
            return true
        }
        for index in findings.indices where findings[index].isActive && take(findings[index].fingerprint) {
            findings[index].status = .baselined
        }
        for pairIndex in pairs.indices {
            let pair = pairs[pairIndex]
            for gapIndex in pair.gaps.indices
            where pair.gaps[gapIndex].isFailing
                && take(Self.fingerprint(pair.gaps[gapIndex], reference: pair.reference, mirror: pair.mirror))
            {
                pairs[pairIndex].gaps[gapIndex].status = .baselined
            }
        }
        return entries.compactMap { entry in
            guard let unused = left[entry.fingerprint], unused > 0 else { return nil }
            let what =
                unused == entry.count
                ? "matches nothing any more" : "counts \(entry.count), and \(unused) of them are gone"
            return .warning(
                .baselineStaleEntry,
                "baseline entry '\(entry.fingerprint)' \(what); the next --write-baseline drops it", at: entry.location)
        }
    }

    /// Reads a baseline file written by `rendered`; a malformed one is invalid input at its line.
    public static func load(_ path: String, sources: SourceStore) throws(DiagnosticList) -> Baseline {
        let documents = try YAMLLoader().loadFile(path, sources: sources)
        let hint = "write one with --write-baseline"
        guard let root = documents.first?.root, root.mapping != nil else {
            throw DiagnosticList([
                .error(
                    .baselineInvalid,
                    "'\(path)' is not a Parity baseline (an object with version and entries); \(hint)",
                    at: documents.first?.root.location ?? .file(path))
            ])
        }
        guard let version = root["version"], version.scalar?.value == .int(Self.version) else {
            throw DiagnosticList([
                .error(
                    .baselineInvalid, "'\(path)' is not a version \(Self.version) Parity baseline; \(hint)",
                    at: root["version"]?.location ?? root.location)
            ])
        }
        guard let list = root["entries"]?.sequence else {
            throw DiagnosticList([
                .error(
                    .baselineInvalid, "a baseline needs 'entries', a list; \(hint)",
                    at: root["entries"]?.location ?? root.location)
            ])
        }
        var entries: [Entry] = []
        var problems: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        for node in list {
            guard node.mapping != nil, let fingerprint = node["fingerprint"]?.scalar?.text, !fingerprint.isEmpty else {
                problems.append(.error(.baselineInvalid, "a baseline entry needs a 'fingerprint'", at: node.location))
                continue
            }
            var count = 1
            if let written = node["count"] {
                guard case .int(let number)? = written.scalar?.value, number >= 1 else {
                    problems.append(
                        .error(
                            .baselineInvalid,
                            "'count' is how many findings share the entry, a whole number from 1; found '\(written.scalar?.text ?? "a collection")'",
                            at: written.location))
                    continue
                }
                count = number
            }
            if let first = seen.updateValue(node.location, forKey: fingerprint) {
                problems.append(
                    .error(
                        .baselineInvalid,
                        "baseline entry '\(fingerprint)' is written twice; keep one, with the sum in 'count'",
                        at: node.location, notes: [.init("first written here", at: first)]))
                continue
            }
            entries.append(Entry(fingerprint: fingerprint, count: count, details: [], location: node.location))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return Baseline(entries: entries)
    }
}

extension Diagnostic.Code {
    public static let baselineInvalid: Self = "baseline.invalid"
    /// A baseline entry that no finding or gap matches any more.
    public static let baselineStaleEntry: Self = "baseline.stale-entry"
}
