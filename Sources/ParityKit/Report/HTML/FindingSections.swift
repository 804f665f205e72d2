import ParityDiagnostics

/// The HTML of policy findings by severity, the spec's waivers, and input problems.
struct FindingSections {
    var links: SourceLinks

    /// Active findings under one heading per severity, worst first, each with the rule's
    /// rationale and fix.
    func findings(_ findings: [Finding], rules: [PolicyRule]) -> String {
        let active = findings.filter(\.isActive)
        var out = "<section aria-labelledby=\"findings\">\n<h2 id=\"findings\">Policy findings (\(active.count))</h2>\n"
        if active.isEmpty { out += "<p>No active finding.</p>\n" }
        let byID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for severity in Finding.Severity.allCases.reversed() {
            let mine = active.filter { $0.severity == severity }
                .sorted {
                    ($0.environment, $0.ruleID, $0.item.description) < ($1.environment, $1.ruleID, $1.item.description)
                }
            guard !mine.isEmpty else { continue }
            out += "<h3 id=\"findings-\(severity.rawValue)\">\(Self.heading(severity)) (\(mine.count))</h3>\n"
            for finding in mine { out += self.finding(finding, rule: byID[finding.ruleID]) }
        }
        return out + "</section>\n"
    }

    static func heading(_ severity: Finding.Severity) -> String {
        switch severity {
        case .error: "Errors"
        case .warning: "Warnings"
        case .info: "Information"
        }
    }

    private func finding(_ finding: Finding, rule: PolicyRule?) -> String {
        let item = finding.item.components.isEmpty ? "" : " <code>" + HTML.escape(finding.item.description) + "</code>"
        var out =
            "<details class=\"finding\"><summary><span class=\"tag sev-\(finding.severity.rawValue)\">\(finding.severity.rawValue)</span><strong>"
            + HTML.escape(finding.ruleID) + "</strong> in " + HTML.escape(finding.environment) + item + ": "
            + HTML.escape(finding.message) + "</summary>\n<div><dl>\n"
        out +=
            "<dt>Rule</dt><dd>" + HTML.escape(finding.title) + (finding.ruleLocation.map { " " + links.html($0) } ?? "")
            + "</dd>\n"
        if let location = finding.location { out += "<dt>Where</dt><dd>" + links.html(location) + "</dd>\n" }
        if let rationale = rule?.rationale { out += "<dt>Why it matters</dt><dd>" + HTML.escape(rationale) + "</dd>\n" }
        if let fix = rule?.fix { out += "<dt>Fix</dt><dd>" + HTML.escape(fix) + "</dd>\n" }
        return out + "</dl></div></details>\n"
    }

    /// Every waiver of the spec: what it covers, who owns it, until when, and whether it
    /// still does anything (expired and stale ones are told by the run's diagnostics).
    func waivers(_ waivers: [Waiver], findings: [Finding], diagnostics: [Diagnostic]) -> String {
        var out = "<section aria-labelledby=\"waivers\">\n<h2 id=\"waivers\">Waivers (\(waivers.count))</h2>\n"
        guard !waivers.isEmpty else { return out + "<p>The spec has no waivers.</p>\n</section>\n" }
        out +=
            "<table><caption>Accepted gaps and findings, with owners and expiry</caption>\n<thead><tr><th scope=\"col\">Covers</th>"
            + "<th scope=\"col\">Owner</th><th scope=\"col\">Ticket</th><th scope=\"col\">Expires</th><th scope=\"col\">Status</th>"
            + "<th scope=\"col\">Reason</th></tr></thead>\n<tbody>\n"
        for waiver in waivers {
            let problems = diagnostics.filter { $0.location != nil && $0.location == waiver.location }
            let status: String
            if problems.contains(where: { $0.code == .specExpiredWaiver }) {
                status = "<strong>expired</strong>: no longer waives"
            } else if problems.contains(where: { $0.code == .specStaleWaiver }) {
                status = "stale: matches nothing"
            } else {
                let waivedFindings = findings.filter {
                    if case .waived(let used) = $0.status { used.location == waiver.location } else { false }
                }.count
                status =
                    waivedFindings > 0
                    ? "active (\(waivedFindings) finding\(waivedFindings == 1 ? "" : "s"))" : "active"
            }
            let scope = waiver.environment.map { " in " + HTML.escape($0) } ?? ""
            out +=
                "<tr><th scope=\"row\"><code>" + HTML.escape(waiver.target) + "</code>" + scope
                + (waiver.location.map { "<br>" + links.html($0) } ?? "")
                + "</th><td>" + HTML.escape(waiver.owner) + "</td><td>"
                + (waiver.ticket.map(HTML.escape) ?? "<span class=\"muted\">none</span>")
                + "</td><td>" + HTML.escape(waiver.expires) + "</td><td>" + status + "</td><td>"
                + HTML.escape(waiver.reason) + "</td></tr>\n"
        }
        return out + "</tbody></table>\n</section>\n"
    }

    /// Input problems and warnings about the spec, one per line as the terminal shows them.
    func diagnostics(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "" }
        var out =
            "<section aria-labelledby=\"diagnostics\">\n<h2 id=\"diagnostics\">Input problems and warnings (\(diagnostics.count))</h2>\n<ul>\n"
        for diagnostic in diagnostics {
            out +=
                "<li><span class=\"tag sev-\(diagnostic.severity == .note ? "info" : diagnostic.severity.rawValue)\">\(diagnostic.severity.rawValue)</span>"
                + (diagnostic.location.map { links.html($0) + ": " } ?? "") + HTML.escape(diagnostic.message)
                + " <span class=\"muted\">["
                + HTML.escape(diagnostic.code.rawValue) + "]</span>"
            if !diagnostic.notes.isEmpty {
                out +=
                    "<ul>"
                    + diagnostic.notes.map {
                        "<li>" + ($0.location.map { links.html($0) + ": " } ?? "") + HTML.escape($0.message) + "</li>"
                    }.joined() + "</ul>"
            }
            out += "</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }
}
