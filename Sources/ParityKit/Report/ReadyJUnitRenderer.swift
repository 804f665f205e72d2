/// `parity ready --format junit`: one test case per criterion and item, in a suite named after
/// the phase; a no-go is a failure, a pause is a skipped case that says why.
public struct ReadyJUnitRenderer: Sendable {
    public init() {}

    public func render(_ report: ReadinessReport) -> String {
        let failures = report.criteria.filter { $0.effect == .noGo }.count
        let skipped = report.criteria.filter { $0.effect == .pause }.count
        let errors = report.diagnostics.filter { $0.severity == .error }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<testsuites name=\"parity ready\" tests=\"\(report.criteria.count + errors.count)\" failures=\"\(failures)\" errors=\"\(errors.count)\" skipped=\"\(skipped)\">\n"
        out +=
            "  <testsuite name=\"\(xml("\(report.plan): \(report.phase)"))\" tests=\"\(report.criteria.count + errors.count)\" failures=\"\(failures)\" errors=\"\(errors.count)\" skipped=\"\(skipped)\" timestamp=\"\(report.timeText)\">\n"
        for result in report.criteria {
            out +=
                "    <testcase classname=\"\(xml("\(report.phase).\(result.role.rawValue)"))\" name=\"\(xml(result.title))\""
            let body = result.evidence.map { "\($0.label): \($0.text)" }.joined(separator: "\n")
            switch result.effect {
            case .none:
                out += "/>\n"
            case .noGo:
                out += ">\n      <failure message=\"\(xml(result.reason))\">\(xml(body))</failure>\n    </testcase>\n"
            case .pause:
                out +=
                    ">\n      <skipped message=\"\(xml("pause: " + result.reason))\"/>\n      <system-out>\(xml(body))</system-out>\n    </testcase>\n"
            }
        }
        for error in errors {
            out += "    <testcase classname=\"\(xml(report.phase)).input\" name=\"\(xml(error.code.rawValue))\">\n"
            out += "      <error message=\"\(xml(error.message))\">\(xml(error.description))</error>\n    </testcase>\n"
        }
        return out + "  </testsuite>\n</testsuites>\n"
    }

    private func xml(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
