import ParityDiagnostics

/// `--format html` for `check` and `diff`: one self-contained page (inline style, no
/// network), the verdict first, then the matrix of pairs by sections, every failing gap
/// with both values and both places, allowed variances, each pair's dependency graph (an
/// inline SVG), policy findings and waivers.
/// Every value is HTML-escaped and secrets are redacted, as in every format.
public struct HTMLRenderer: Sendable {
    /// Where locations link to: `--link-base URL`.
    public var links: SourceLinks

    public init(linkBase: String? = nil) {
        links = SourceLinks(base: linkBase)
    }

    /// The page of a whole `parity check`.
    public func render(_ report: CheckReport) -> String {
        let pairs = PairSections(links: links)
        let more = FindingSections(links: links)
        var main = verdict(report)
        var contents = [("verdict", "Verdict")]
        if !report.pairs.isEmpty {
            contents.append(("matrix", "Parity matrix"))
            main +=
                "<section aria-labelledby=\"matrix\">\n<h2 id=\"matrix\">Parity matrix</h2>\n"
                + pairs.matrix(report.pairs) + "</section>\n"
        }
        for pair in report.pairs {
            contents.append((pairs.anchor(pair), pairs.name(pair)))
            let graph =
                pair.graph
                ?? report.graphs[pair.reference].flatMap { reference in
                    report.graphs[pair.mirror].map { PairGraph(reference: reference, mirror: $0) }
                }
            main += pairs.pair(pair, graph: graph)
        }
        contents += [("findings", "Policy findings"), ("waivers", "Waivers")]
        main += more.findings(report.findings, rules: report.rules)
        if !report.readiness.isEmpty {
            contents.append(("readiness", "Migration readiness"))
            main += readiness(report.readiness)
        }
        main += more.waivers(report.spec.waivers, findings: report.findings, diagnostics: report.diagnostics)
        if !report.diagnostics.isEmpty { contents.append(("diagnostics", "Input problems")) }
        main += more.diagnostics(report.diagnostics)
        return HTMLPage(title: "Parity check", contents: contents, main: main).render()
    }

    /// The page of one `parity diff`, with the diagnostics of reading the pair.
    public func render(_ report: PairReport, diagnostics: [Diagnostic] = []) -> String {
        let pairs = PairSections(links: links)
        let failing = report.failingGaps.count
        var main =
            "<section aria-labelledby=\"verdict\" class=\"verdict \(failing == 0 ? "go" : "no-go")\">\n<h2 id=\"verdict\">Verdict</h2>\n"
        main +=
            "<p class=\"word\">" + (failing == 0 ? "No parity gaps" : "\(failing) parity gap\(failing == 1 ? "" : "s")")
            + "</p>\n"
        main +=
            "<p>Parity score of " + HTML.escape(pairs.name(report))
            + ": <strong>\(report.score.percentText)</strong>.</p>\n</section>\n"
        main +=
            "<section aria-labelledby=\"matrix\">\n<h2 id=\"matrix\">Parity matrix</h2>\n" + pairs.matrix([report])
            + "</section>\n"
        main += pairs.pair(report, graph: report.graph)
        main += FindingSections(links: links).diagnostics(diagnostics)
        var contents = [
            ("verdict", "Verdict"), ("matrix", "Parity matrix"), (pairs.anchor(report), pairs.name(report)),
        ]
        if !diagnostics.isEmpty { contents.append(("diagnostics", "Input problems")) }
        return HTMLPage(title: "Parity diff " + pairs.name(report), contents: contents, main: main).render()
    }

    /// Each migration phase the gate judges, with the criteria that hold it back.
    private func readiness(_ reports: [ReadinessReport]) -> String {
        var out = "<section aria-labelledby=\"readiness\">\n<h2 id=\"readiness\">Migration readiness</h2>\n"
        for report in reports {
            out +=
                "<h3>" + HTML.escape("\(report.plan), phase \(report.phase)")
                + ": <span class=\"tag\">\(report.verdict.word)</span></h3>\n<ul>\n"
            for criterion in report.criteria {
                let state = criterion.effect == .none ? "holds" : criterion.effect == .noGo ? "no-go" : "pause"
                var line = "<li><span class=\"tag\">\(state)</span> " + HTML.escape(criterion.reason)
                if criterion.effect == .noGo, let rollback = criterion.rollback {
                    line += "; roll back with <code>" + HTML.escape(rollback.name) + "</code>"
                }
                if let location = criterion.location { line += " " + links.html(location) }
                out += line + "</li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }

    private func verdict(_ report: CheckReport) -> String {
        let verdict = report.verdict
        var out =
            "<section aria-labelledby=\"verdict\" class=\"verdict \(verdict.rawValue)\">\n<h2 id=\"verdict\">Verdict</h2>\n"
        out += "<p class=\"word\">\(verdict.word)</p>\n"
        switch verdict {
        case .go: out += "<p>No gaps or findings at or above fail-on " + HTML.escape(report.failOn.rawValue) + ".</p>\n"
        case .invalid:
            let errors = report.diagnostics.filter { $0.severity == .error }.count
            out +=
                "<p>\(errors) input error\(errors == 1 ? "" : "s") (listed under Input problems): fix them and run again.</p>\n"
        case .noGo:
            out += "<ul>\n" + report.gate.reasons.map { "<li>" + HTML.escape($0.text) + "</li>\n" }.joined() + "</ul>\n"
        }
        let environments = report.environments.count, rules = report.ruleCount
        out +=
            "<p class=\"muted\">\(environments) environment\(environments == 1 ? "" : "s"), \(report.pairs.count) pair\(report.pairs.count == 1 ? "" : "s"), "
            + "\(rules) policy rule\(rules == 1 ? "" : "s").</p>\n"
        return out + "</section>\n"
    }
}
