import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit

/// Each format's own conventions, as its consumer documents them.
@Suite struct ReportFormatTests {
    static let root = Golden.repositoryRoot
    static var sample: CheckReport { ReportFixtures.report(at: root) }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(String(repeating: "a", count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func sarifDescribesEveryRuleWithAResult() throws {
        let object = try #require(
            try JSONSerialization.jsonObject(
                with: Data(ReportFixtures.render(.sarif, Self.sample, root: Self.root).utf8)) as? [String: Any])
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        #expect((run["automationDetails"] as? [String: Any])?["id"] as? String == "parity/")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "Parity")
        #expect(driver["semanticVersion"] as? String == Parity.version)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(Set(results.compactMap { $0["ruleId"] as? String }) == Set(ids))
        for (index, result) in results.enumerated() {
            let ruleIndex = try #require(result["ruleIndex"] as? Int)
            #expect(ids[ruleIndex] == result["ruleId"] as? String, "result \(index)")
            let location = try #require(
                (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let uri = try #require((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
            #expect(!uri.hasPrefix("/") && !uri.hasPrefix("file:"), "\(uri)")
            let region = try #require(location["region"] as? [String: Int])
            #expect(Set(region.keys) == ["startLine", "startColumn", "endLine", "endColumn"])
            #expect(region["endColumn"]! > region["startColumn"]! || region["endLine"]! > region["startLine"]!)
            if let related = result["relatedLocations"] as? [[String: Any]] {
                #expect(related.first?["id"] as? Int == 1)
                #expect(((result["message"] as? [String: Any])?["text"] as? String)?.contains("[here](1)") == true)
            }
            #expect(result["partialFingerprints"] as? [String: String] != nil)
        }
        let gap = try #require(rules.first { $0["id"] as? String == "parity.gap.services" })
        #expect((gap["help"] as? [String: Any])?["markdown"] as? String == GapRule.fix)
        let secret = try #require(rules.first { $0["id"] as? String == "credentials.no-plaintext-values" })
        let properties = try #require(secret["properties"] as? [String: Any])
        #expect(properties["tags"] as? [String] == ["security"])
        #expect(properties["security-severity"] as? String == "8.0")
        #expect(
            (secret["fullDescription"] as? [String: Any])?["text"] as? String
                == "Files are copied, committed and reviewed; a secret in one is a secret shared.")
        #expect(
            (secret["help"] as? [String: Any])?["text"] as? String
                == "Store the secret in the secret manager and set secretRef instead of value.")
        // A missing item's first location is the mirror's collection; the reference links from the message.
        let missing = try #require(
            results.first {
                (($0["message"] as? [String: Any])?["text"] as? String)?.hasPrefix(
                    "services[fraud-detector] is missing") == true
            })
        #expect(
            ((missing["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]).flatMap {
                ($0["artifactLocation"] as? [String: Any])?["uri"] as? String
            } == "environments/staging.yaml")
        #expect(
            ((missing["message"] as? [String: Any])?["text"] as? String)?.hasSuffix("production has it [here](1)")
                == true)
    }

    @Test func warningsBelowFailOnStayWarnings() throws {
        let root = Golden.repositoryRoot.appendingPathComponent("examples/leaking-staging")
        let sarif = ReportFixtures.render(.sarif, at: root)
        #expect(sarif.contains(#""level": "warning""#))
        let github = ReportFixtures.render(.github, at: root)
        #expect(github.contains("::warning file=environments/staging.yaml,line=123,"))
    }

    @Test func gitlabMeetsCodeQualityRules() throws {
        for repository in ReportFixtures.repositories {
            let text = ReportFixtures.render(.gitlab, at: repository.root)
            #expect(!text.hasPrefix("\u{FEFF}"))
            let issues = try #require(
                try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]], "\(repository.name)")
            var fingerprints = Set<String>()
            for issue in issues {
                #expect(!((issue["description"] as? String) ?? "").isEmpty)
                #expect(!((issue["check_name"] as? String) ?? "").isEmpty)
                let fingerprint = try #require(issue["fingerprint"] as? String)
                #expect(fingerprints.insert(fingerprint).inserted, "fingerprint \(fingerprint) twice")
                #expect(["info", "minor", "major", "critical", "blocker"].contains(issue["severity"] as? String ?? ""))
                let location = try #require(issue["location"] as? [String: Any])
                let path = try #require(location["path"] as? String)
                #expect(!path.hasPrefix("/") && !path.hasPrefix("file:") && !path.hasPrefix("./"), "\(path)")
                let lines = try #require(location["lines"] as? [String: Any])
                #expect(lines["begin"] is Int && (lines["begin"] as? Int ?? 0) >= 1)
            }
        }
    }

    @Test func githubEscapesAsTheToolkitDoes() {
        #expect(GitHubRenderer.data("50% a\r\nb") == "50%25 a%0D%0Ab")
        #expect(GitHubRenderer.property("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
    }

    @Test func githubAnnotatesTenOfEachKindThenSaysHowManyMore() throws {
        let text = ReportFixtures.render(.github, Self.sample, root: Self.root)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("::error ") }.count == 10)
        #expect(
            lines.contains(
                "::notice title=parity%3A 13 more::13 more items not annotated (GitHub shows 10 of each kind a step); run 'parity check' to see them all"
            ))
        #expect(lines.last?.hasPrefix("NO-GO: ") == true)
        // Security findings come first.
        #expect(lines.first?.contains("title=credentials.no-plaintext-values") == true)
        var summary = ReportFormat.Options(base: Self.root.path)
        summary.writesStepSummary = true
        #expect(ReportFormat.github.render(Self.sample, summary).contains("the job summary lists them all"))
    }

    @Test func markdownIsCutUnderItsLimitWithALineSayingSo() throws {
        let whole = MarkdownRenderer(base: Self.root.path).render(Self.sample)
        #expect(whole.count < MarkdownRenderer.limit)
        #expect(whole.hasPrefix("## Parity check: NO-GO\n\n**NO-GO**: 13 parity gaps"))
        for limit in [2_000, 5_000, 12_000] {
            let cut = MarkdownRenderer(base: Self.root.path, limit: limit).render(Self.sample)
            #expect(cut.count < limit)
            #expect(cut.contains("left out to stay under \(limit) characters; run `parity check`"))
            #expect(cut.components(separatedBy: "<details>").count == cut.components(separatedBy: "</details>").count)
        }
    }

    @Test func secretsNeverAppearInAnyFormat() throws {
        // staging.yaml writes the taxjar key's value into the file.
        let line = try #require(
            try String(contentsOf: Self.root.appendingPathComponent("environments/staging.yaml"), encoding: .utf8)
                .split(separator: "\n").first { $0.contains("taxjar-api-key") && $0.contains("value:") })
        let value = try #require(
            line.range(of: "value: ").map { String(line[$0.upperBound...].prefix { $0 != "," && $0 != "}" }) })
        #expect(value.count > 8)
        let report = Self.sample
        for format in ReportFormat.allCases {
            let text = ReportFixtures.render(format, report, root: Self.root)
            #expect(!text.contains(value), "\(format) shows the secret")
        }
        #expect(
            ReportFixtures.render(.markdown, report, root: Self.root).contains(
                "access.credentials[taxjar-api-key].value is only in staging (staging: &lt;redacted&gt;)"))
    }

    @Test func outputValuesNameAFormatAndAFile() throws {
        #expect(
            try ReportOutput.parse("sarif=out/parity.sarif").get()
                == ReportOutput(format: .sarif, path: "out/parity.sarif"))
        #expect(try ReportOutput.parse("report.json").get() == ReportOutput(format: nil, path: "report.json"))
        #expect(try ReportOutput.parse("out/a=b.json").get() == ReportOutput(format: nil, path: "out/a=b.json"))
        guard case .failure(let problem) = ReportOutput.parse("sarfi=x.sarif") else {
            Issue.record("a misspelt format was taken for a file")
            return
        }
        #expect(problem.message.hasPrefix("unknown report format 'sarfi' in --output; did you mean 'sarif'?"))
        guard case .failure = ReportOutput.parse("junit=") else {
            Issue.record("a format without a file was accepted")
            return
        }
    }

    @Test func pathsAreRelativeToTheBaseWithDotsResolved() {
        #expect(ReportItem.relativePath("/r/environments/staging.yaml", to: "/r") == "environments/staging.yaml")
        #expect(
            ReportItem.relativePath("/r/examples/x/../../policies/a.yaml", to: "/r/examples/x")
                == "../../policies/a.yaml")
        #expect(ReportItem.relativePath("/r/./a.yaml", to: "/r/") == "a.yaml")
        #expect(ReportItem.relativePath("/elsewhere/f.yaml", to: "/r") == "../elsewhere/f.yaml")
    }

    @Test func junitGivesInputErrorsASuiteOfErrors() {
        let root = Golden.repositoryRoot.appendingPathComponent("examples/invalid-repo")
        let xml = ReportFixtures.render(.junit, at: root)
        #expect(xml.contains(#"<testsuite name="input" id="0" tests="3" failures="0" errors="3" skipped="0">"#))
        #expect(
            xml.contains(
                #"<testcase classname="parity input" name="schema.type-mismatch" file="environments/production.yaml" line="7">"#
            ))
    }

    @Test func stepSummaryAppends() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("summary.md", "earlier step\n")
        try StepSummary.append("## Parity\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "earlier step\n## Parity\n")
    }
}
