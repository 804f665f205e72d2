import ParityDiagnostics

/// `parity check --format sarif`: SARIF 2.1.0 for GitHub code scanning. One run; a rule for
/// every rule with a result (gaps as `parity.gap.SECTION`); a result for every active gap and
/// finding at its own level; allowed, waived and baselined items left out, since code scanning
/// ignores suppressions. The first location is where a fix goes, the reference side a related
/// location the message links to; identity in `partialFingerprints`, never a line number.
public struct SARIFRenderer: Sendable {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The key of Parity's identity hash in `partialFingerprints`.
    public static let fingerprintKey = "parityIdentity/v1"

    public var base: String

    public init(base: String) {
        self.base = base
    }

    public func render(_ report: CheckReport) -> String {
        let items = ReportItem.items(of: report, base: base)
        let rules = ReportRule.rules(for: items, in: report)
        let index = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let anchor = ReportItem.anchorFile(of: report, base: base)
        let driver: JSONValue = .object([
            ("name", "Parity"), ("semanticVersion", .string(Parity.version)),
            ("informationUri", .string(Parity.informationURI)),
            ("rules", .array(rules.map(rule))),
        ])
        let run: JSONValue = .object([
            ("tool", .object([("driver", driver)])),
            ("automationDetails", .object([("id", "parity/")])),
            ("invocations", .array([invocation(report)])),
            ("results", .array(items.map { result($0, ruleIndex: index[$0.ruleID] ?? 0, anchor: anchor) })),
        ])
        return JSONValue.object([("$schema", .string(Self.schemaURI)), ("version", "2.1.0"), ("runs", .array([run]))])
            .pretty
    }

    private func rule(_ rule: ReportRule) -> JSONValue {
        let fix = rule.fix ?? "Change the item so that it meets the rule: \(rule.title)."
        var fields: [(String, JSONValue)] = [
            ("id", .string(rule.id)),
            ("shortDescription", .object([("text", .string(rule.title))])),
            ("fullDescription", .object([("text", .string(rule.rationale ?? rule.title))])),
            ("help", .object([("text", .string(fix)), ("markdown", .string(fix))])),
            ("defaultConfiguration", .object([("level", .string(rule.level.rawValue))])),
        ]
        if rule.isSecurity {
            fields.append(
                (
                    "properties",
                    .object([("tags", .array(["security"])), ("security-severity", .string(rule.securitySeverity))])
                ))
        }
        return .object(fields)
    }

    private func result(_ item: ReportItem, ruleIndex: Int, anchor: String) -> JSONValue {
        var text = item.message
        if let explanation = item.explanation { text += "; " + explanation }
        if let related = item.related { text += "; \(related.label) [here](1)" }
        var fields: [(String, JSONValue)] = [
            ("ruleId", .string(item.ruleID)), ("ruleIndex", .int(ruleIndex)), ("level", .string(item.level.rawValue)),
            ("message", .object([("text", .string(text))])),
            ("locations", .array([physical(item.location, item.region, anchor: anchor)])),
        ]
        if let related = item.related {
            var location = physical(related.location, related.region, anchor: anchor)
            if case .object(let parts) = location {
                location = .object([("id", 1)] + parts + [("message", .object([("text", .string(related.label))]))])
            }
            fields.append(("relatedLocations", .array([location])))
        }
        fields.append(("partialFingerprints", .object([(Self.fingerprintKey, .string(item.fingerprint))])))
        return .object(fields)
    }

    private func physical(_ location: SourceLocation?, _ region: SourceRegion?, anchor: String) -> JSONValue {
        var physical: [(String, JSONValue)] = [
            ("artifactLocation", .object([("uri", .string(Self.uri(location?.file ?? anchor)))]))
        ]
        if let location, location.line > 0 {
            let region =
                region
                ?? SourceRegion(
                    startLine: location.line, startColumn: location.column, endLine: location.line,
                    endColumn: location.column + 1)
            physical.append(
                (
                    "region",
                    .object([
                        ("startLine", .int(region.startLine)), ("startColumn", .int(region.startColumn)),
                        ("endLine", .int(region.endLine)), ("endColumn", .int(region.endColumn)),
                    ])
                ))
        }
        return .object([("physicalLocation", .object(physical))])
    }

    private func invocation(_ report: CheckReport) -> JSONValue {
        let notifications: [JSONValue] = report.diagnostics.map { diagnostic in
            var fields: [(String, JSONValue)] = [
                ("level", .string(diagnostic.severity.rawValue)),
                ("message", .object([("text", .string(diagnostic.message))])),
                ("descriptor", .object([("id", .string(diagnostic.code.rawValue))])),
            ]
            if let location = diagnostic.location {
                let region = report.sources?.region(at: location)
                fields.append(
                    (
                        "locations",
                        .array([physical(ReportItem.relative(location, to: base), region, anchor: location.file)])
                    ))
            }
            return .object(fields)
        }
        return .object([
            ("executionSuccessful", .bool(report.verdict != .invalid)),
            ("toolExecutionNotifications", .array(notifications)),
        ])
    }

    /// A relative URI reference: each path segment percent-encoded where URIs need it.
    static func uri(_ path: String) -> String {
        let allowed = Set(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/!$&'()*+,;=:@".unicodeScalars)
        var out = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, allowed.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
