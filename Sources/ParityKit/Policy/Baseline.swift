public import ParityDiagnostics
import ParityYAML

/// Known findings and gaps recorded by `--write-baseline`, so an existing repository can
/// adopt the gate and be told only about what is new. Entries are identified by rule (or
/// pair), environment and item path, never by line numbers, so unrelated edits keep them.
public struct Baseline: Sendable {
    /// The entries' fingerprints, in their stable text form.
    public var fingerprints: Set<String>

    public init(fingerprints: Set<String>) {
        self.fingerprints = fingerprints
    }

    /// Whether the baseline holds the item of `fingerprint`.
    public func contains(_ fingerprint: Fingerprint) -> Bool {
        fingerprints.contains(fingerprint.description)
    }

    public static let version = 1

    /// The fingerprint of a gap: pair and path.
    public static func fingerprint(_ gap: Gap, reference: String, mirror: String) -> Fingerprint {
        Fingerprint(.gap, .pair(reference: reference, mirror: mirror), gap.path)
    }

    /// The baseline file for these findings and gaps (JSON, entries sorted): every one the
    /// gate would fail on, and every one an earlier baseline already covers, so writing a
    /// baseline while reading one keeps what the old one held.
    public static func render(findings: [Finding], gaps: [(Gap, String, String)]) -> String {
        var entries: [(Fingerprint, JSONValue)] = []
        for finding in findings where (finding.isActive || finding.isBaselined) && !finding.isEvaluationError {
            entries.append((finding.fingerprint, .object([
                ("fingerprint", .string(finding.fingerprint.description)), ("rule", .string(finding.ruleID)),
                ("environment", .string(finding.environment)), ("item", .string(finding.item.description)),
            ])))
        }
        for (gap, reference, mirror) in gaps where gap.isFailing || gap.isBaselined {
            let fingerprint = Self.fingerprint(gap, reference: reference, mirror: mirror)
            entries.append((fingerprint, .object([
                ("fingerprint", .string(fingerprint.description)), ("pair", .string(fingerprint.scope.description)),
                ("path", .string(gap.path.description)),
            ])))
        }
        let sorted = entries.sorted { $0.0 < $1.0 }.map(\.1)
        return JSONValue.object([("version", .int(version)), ("entries", .array(sorted))]).pretty
    }

    /// Reads a baseline file written by `render`.
    public static func load(_ path: String, sources: SourceStore) throws(DiagnosticList) -> Baseline {
        let documents = try YAMLLoader().loadFile(path, sources: sources)
        guard let root = documents.first?.root, root["version"]?.scalar?.value == .int(version), let entries = root["entries"]?.sequence else {
            throw DiagnosticList([.error(.baselineInvalid, "'\(path)' is not a Parity baseline (version \(version)); write one with --write-baseline", at: documents.first?.root.location ?? .file(path))])
        }
        return Baseline(fingerprints: Set(entries.compactMap { $0["fingerprint"]?.scalar?.text }))
    }
}

extension Diagnostic.Code {
    public static let baselineInvalid: Self = "baseline.invalid"
}
