import Testing
@testable import ParityCEL

/// The text every match must hold, looked for before the regular expression runs, never
/// turns a match away: on random texts built of the patterns' own pieces, `matches` (with the
/// look-up) answers as `search` (the VM alone) does.
@Suite struct RequiredLiteralTests {
    static let patterns = [
        "(^|[./@-])prod(uction)?([.:/-]|$)", "^prod(uction)?$", "(^|[^a-z])prod(uction)?([^a-z]|$)", "(?i)admin",
        "payment|billing", "ab{2}c", "a(bc)+d", "x(yz)?w", "a\\bb", "é+t", "(?i:P)rod", "^$", "", "a{0}b", "[ab]cd",
        "(ab|ab)c", "a.c", "\\Qa.b\\E",
    ]
    static let pieces = ["prod", "production", "-", ".", "/", "a", "b", "c", "d", "x", "yz", "w", "é", "t", "admin",
                         "ADMIN", "Prod", "e\u{301}", "bc", "ab", " ", "payment"]

    /// A deterministic generator, so a failure can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    @Test func neverTurnsAMatchAway() throws {
        var random = Generator(state: 5)
        for pattern in Self.patterns {
            let regex = try Regex(pattern)
            for _ in 0..<400 {
                let text = (0..<Int.random(in: 0...6, using: &random)).map { _ in
                    Self.pieces.randomElement(using: &random)!  // a non-empty list: cannot fail
                }.joined()
                #expect(regex.matches(text) == regex.search(text), "\(pattern) on \(text)")
            }
        }
    }

    @Test func findsTheLongestRunEveryMatchHolds() throws {
        let required = { (pattern: String) in
            String(String.UnicodeScalarView(RequiredLiteral.of(try RegexParser.parse(pattern))))
        }
        #expect(try required("(^|[./@-])prod(uction)?([.:/-]|$)") == "prod")
        #expect(try required("a(bc)+d") == "bc")
        #expect(try required("ab{2}c") == "abbc")
        #expect(try required("(?i)admin") == "")
        #expect(try required("payment|billing") == "")
    }
}
