import Testing
import ParityDiagnostics
@testable import ParityKit

@Suite struct HTMLRenderingTests {
    @Test func diffPageGolden() throws {
        let page = HTMLRenderer(linkBase: "https://git.example.com/envs/-/blob/main/").render(
            try DiffRenderingTests.sampleReport())
        try Golden.check(page, against: Golden.testsFolder.appendingPathComponent("Golden/html/diff.html"))
    }

    @Test func everyValueFromAFileIsEscaped() throws {
        let hostile = #"<script>alert("x")</script>&'"#
        let report = try DiffFixtures.report(
            "services:\n  - {name: api, image: 'safe'}\n",
            "services:\n  - {name: api, image: '\(hostile.replacingOccurrences(of: "'", with: "''"))'}\n",
            variances: [], waivers: [])
        let page = HTMLRenderer().render(report)
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;"))
        // The only script is the page's own print helper.
        #expect(page.components(separatedBy: "<script>").count == 2)
    }

    @Test func linksPointAtTheFileAndLine() {
        let links = SourceLinks(base: "https://github.com/acme/envs/blob/main/")
        #expect(
            links.html(SourceLocation(file: "environments/staging copy.yaml", line: 12, column: 3))
                == #"<a href="https://github.com/acme/envs/blob/main/environments/staging%20copy.yaml#L12"><code>environments/staging copy.yaml:12:3</code></a>"#
        )
        #expect(
            SourceLinks(base: nil).html(SourceLocation(file: "a.yaml", line: 1, column: 1)) == "<code>a.yaml:1:1</code>"
        )
        // A base with a quote cannot leave the attribute.
        #expect(
            SourceLinks(base: "https://x/\"><b").html(SourceLocation(file: "a.yaml", line: 2, column: 1)).hasPrefix(
                #"<a href="https://x/&quot;&gt;&lt;b/a.yaml#L2">"#))
    }

    @Test func scoresReadWithoutColour() throws {
        let page = HTMLRenderer().render(try DiffRenderingTests.sampleReport())
        // Each coloured cell also writes its number and how many gaps fail.
        let cells = page.components(separatedBy: "<td class=\"score ").dropFirst().map {
            $0.components(separatedBy: "</td>")[0]
        }
        #expect(cells.count == 4)
        for cell in cells {
            #expect(
                cell.contains("%") && (cell.contains("failing</small>") || cell.contains("no gaps</small>")), "\(cell)")
        }
        #expect(
            HTML.band(1) == "full" && HTML.band(0.95) == "good" && HTML.band(0.8) == "fair" && HTML.band(0.79) == "poor"
        )
    }

    @Test func anchorsAreLettersDigitsAndDashes() {
        #expect(HTML.anchor("prod (eu)", "to", "staging/1") == "prod-eu-to-staging-1")
    }
}
