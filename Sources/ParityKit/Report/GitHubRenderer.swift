/// `parity check --format github`: workflow commands that GitHub Actions turns into
/// annotations on the pull request. GitHub shows 10 error and 10 warning annotations a step
/// and drops the rest silently, so the most important come first, at most 10 of each, then
/// one notice says how many more there are and where to read them. The verdict ends the log.
public struct GitHubRenderer: Sendable {
    /// Annotations of one kind GitHub shows a step.
    public static let limit = 10

    public var base: String
    /// The Markdown report also goes to the job summary (`GITHUB_STEP_SUMMARY`).
    public var writesStepSummary: Bool

    public init(base: String, writesStepSummary: Bool) {
        self.base = base
        self.writesStepSummary = writesStepSummary
    }

    public func render(_ report: CheckReport) -> String {
        let items = ReportItem.items(of: report, base: base)
        let security = Set(report.rules.filter(\.isSecurity).map(\.id))
        // Security findings first, then gaps, then the rest; the report's order within each.
        // A migration phase held back, and security, first: GitHub shows only the first ten.
        func rank(_ item: ReportItem) -> Int {
            item.readiness != nil || security.contains(item.ruleID) ? 0 : item.isGap ? 1 : 2
        }
        let ordered = items.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(
            \.element)
        var out = ""
        var shown: [ReportItem.Level: Int] = [:]
        var left = 0
        for item in ordered {
            // One notice is kept for the count of what is left out.
            let limit = item.level == .note ? Self.limit - 1 : Self.limit
            guard shown[item.level, default: 0] < limit else {
                left += 1
                continue
            }
            shown[item.level, default: 0] += 1
            out += command(item)
        }
        if left > 0 {
            let where_ = writesStepSummary ? "the job summary lists them all" : "run 'parity check' to see them all"
            let text =
                "\(left) more item\(left == 1 ? "" : "s") not annotated (GitHub shows \(Self.limit) of each kind a step); \(where_)"
            out += "::notice title=\(Self.property("parity: \(left) more"))::\(Self.data(text))\n"
        }
        return out + CheckTextRenderer(style: TextStyle(enabled: false)).verdict(report) + "\n"
    }

    private func command(_ item: ReportItem) -> String {
        let name =
            switch item.level {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
        var properties: [(String, String)] = []
        if let location = item.location {
            properties.append(("file", location.file))
            if location.line > 0 {
                let region = item.region
                properties += [("line", "\(location.line)"), ("col", "\(location.column)")]
                if let region {
                    properties += [("endLine", "\(region.endLine)"), ("endColumn", "\(region.endColumn)")]
                }
            }
        }
        properties.append(("title", "\(item.ruleID) (\(item.subject))"))
        var message = item.message
        if let explanation = item.explanation { message += "\n" + explanation }
        if let related = item.related { message += "\n\(related.label) at \(related.location)" }
        let list = properties.map { "\($0.0)=\(Self.property($0.1))" }.joined(separator: ",")
        return "::\(name) \(list)::\(Self.data(message))\n"
    }

    /// A command's message, escaped as the Actions toolkit does (`%`, CR, LF).
    static func data(_ text: String) -> String { escape(text, property: false) }

    /// A command's property value: as a message, and `:` and `,` too.
    static func property(_ text: String) -> String { escape(text, property: true) }

    private static func escape(_ text: String, property: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
