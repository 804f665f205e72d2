import ParityDiagnostics

/// `parity diff --format json`: a documented, versioned structure for scripts.
///
/// Version 1: `{version, reference, mirror, score, summary{differences (all, whatever their
/// status), failing, allowed, waived},
/// sections[{name, attributes, failing, score}], gaps[{kind, path, section, status,
/// explanation?, edges?[{from, to, field, inferred, evidence?, location?}] (kind missing-edge),
/// reference?{value, location?}, mirror?{value, location?}, variance?{rule,
/// reason}, waiver?{owner, ticket, expires, reason, pairs, expired}}], diagnostics[{severity, code, message,
/// location?}]}`. Secrets are
/// "<redacted>". New fields may be added; none will change meaning within a version.
public struct DiffJSONRenderer: Sendable {
    public static let version = 1

    public init() {}

    public func json(_ report: PairReport) -> JSONValue {
        let failing = report.gaps.filter(\.isFailing).count
        let allowed = report.gaps.filter { if case .allowed = $0.status { true } else { false } }.count
        return .object([
            ("version", .int(Self.version)),
            ("reference", .string(report.reference)),
            ("mirror", .string(report.mirror)),
            ("score", .double(report.score)),
            ("summary", .object([
                ("differences", .int(report.gaps.count)), ("failing", .int(failing)),
                ("allowed", .int(allowed)), ("waived", .int(report.gaps.count - failing - allowed)),
            ])),
            ("sections", .array(report.sections.map { section in
                .object([("name", .string(section.section)), ("attributes", .int(section.attributes)),
                         ("failing", .int(section.failing)), ("score", .double(section.score))])
            })),
            ("gaps", .items(count: report.gaps.count) { gap(report.gaps[$0]) }),
            ("diagnostics", .array(report.diagnostics.map(Self.diagnostic))),
        ])
    }

    public func render(_ report: PairReport) -> String { json(report).pretty }

    /// A diagnostic as the JSON reports write it: `{severity, code, message, location?}`.
    static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        .object([("severity", .string(diagnostic.severity.rawValue)), ("code", .string(diagnostic.code.rawValue)),
                 ("message", .string(diagnostic.message)), ("location", .optional(diagnostic.location?.description))])
    }

    private func gap(_ gap: Gap) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("kind", .string(gap.kind.rawValue)),
            ("path", .string(gap.path.description)),
            ("section", .string(gap.section)),
        ]
        if !gap.missingEdges.isEmpty { fields.append(("edges", .array(gap.missingEdges.map(GraphJSONRenderer.edge)))) }
        switch gap.status {
        case .failing(let explanation):
            fields.append(("status", "failing"))
            if let explanation { fields.append(("explanation", .string(explanation))) }
            if let waiver = gap.expiredWaiver { fields.append(("waiver", waiver.json(expired: true))) }
        case .allowed(let variance):
            fields.append(("status", "allowed"))
            fields.append(
                ("variance", .object([("rule", .string(variance.rule.name)), ("reason", .string(variance.reason))])))
        case .baselined:
            fields.append(("status", "baselined"))
        case .waived(let waiver):
            fields.append(("status", "waived"))
            fields.append(("waiver", waiver.json(expired: false)))
        }
        if let reference = gap.reference {
            fields.append(("reference", side(reference, gap.referenceLocation, gap)))
        }
        if let mirror = gap.mirror {
            fields.append(("mirror", side(mirror, gap.mirrorLocation, gap)))
        } else if let location = gap.mirrorLocation {
            fields.append(("mirror", .object([("value", .null), ("location", .string(location.description))])))
        }
        return .object(fields)
    }

    private func side(_ value: Value, _ location: SourceLocation?, _ gap: Gap) -> JSONValue {
        .object([
            ("value", gap.sensitive ? .string(ModelExport.redacted) : ModelExport.json(value, as: gap.type ?? .any)),
            ("location", .optional(location?.description)),
        ])
    }
}
