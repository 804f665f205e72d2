import ParityDiagnostics
import Testing

/// Testing has a type of the same name.
private typealias SourceLocation = ParityDiagnostics.SourceLocation

@Suite struct SourceLocationTests {
    /// Millions of nodes and values carry one: it must stay a few bytes with nothing to retain.
    @Test func holdsNoReference() {
        #expect(MemoryLayout<SourceLocation>.size == 12)
        #expect(_isPOD(SourceLocation.self))
    }

    /// Files order by name, whichever was seen first.
    @Test func ordersByFileNameThenPosition() {
        let later = SourceLocation(file: "zz-first-seen.yaml", line: 1, column: 1)
        let earlier = SourceLocation(file: "aa-seen-second.yaml", line: 9, column: 9)
        #expect(earlier < later)
        #expect(!(later < earlier))
        #expect(SourceLocation(file: "aa-seen-second.yaml", line: 9, column: 8) < earlier)
        #expect(earlier == SourceLocation(file: SourceLocation.File("aa-seen-second.yaml"), line: 9, column: 9))
        #expect(earlier.description == "aa-seen-second.yaml:9:9")
    }

    @Test func fileCanBeRenamed() {
        var location = SourceLocation(file: "/repo/environments/staging.yaml", line: 3, column: 5)
        location.file = "environments/staging.yaml"
        #expect(location.description == "environments/staging.yaml:3:5")
        #expect(location.fileKey == SourceLocation.File("environments/staging.yaml"))
    }
}
