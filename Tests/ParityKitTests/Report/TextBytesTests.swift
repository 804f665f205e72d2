import ParityDiagnostics
import Testing

@testable import ParityKit

/// The byte buffer the text reports are written into writes what string interpolation would.
@Suite struct TextBytesTests {
    @Test(arguments: [0, 7, 10, 99, 1_234_567, -1, -250, Int.max, Int.min])
    func numbersReadAsTheirDescription(_ number: Int) {
        var out = TextBytes()
        out.append("n=")
        out.append(number)
        #expect(out.text == "n=\(number)")
    }

    @Test func locationsReadAsTheirDescriptionWhicheverFileCameBefore() {
        let locations = [
            SourceLocation(file: "environments/staging.yaml", line: 4, column: 10),
            SourceLocation(file: "environments/production.yaml", line: 12, column: 3),
            SourceLocation(file: "environments/staging.yaml", line: 5, column: 1),
            .file("parity.yaml"),
        ]
        var out = TextBytes()
        for location in locations {
            out.append(location)
            out.append(byte: UInt8(ascii: "\n"))
        }
        #expect(out.text == locations.map { "\($0)\n" }.joined())
    }

    @Test func pathsReadAsTheirDescriptionAfterOtherText() {
        let paths = [
            ModelPath.root.field("services").item("checkout-api").field("replicas"),
            ModelPath.root.field("config").item("spring.url"),
            ModelPath([.field("regions"), .index(3)]),
            ModelPath([.anyField, .field("a.b"), .anyItem, .anyField]),
            ModelPath.root.field("x").item("12"),
        ]
        for path in paths {
            var out = TextBytes()
            out.append("at ")
            out.append(path)
            #expect(out.text == "at \(path)")
        }
        #expect(paths.map(\.description)[0] == "services[checkout-api].replicas")
        #expect(paths.map(\.description)[3] == "*[\"a.b\"][*].*")
    }
}
