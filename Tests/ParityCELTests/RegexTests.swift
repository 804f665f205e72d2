import Foundation
import ParityCEL
import Testing
import ParityTestSupport

@Suite struct RegexTests {
    @Test(arguments: [
        ("registry.example.com/app", "^registry\\.example\\.com/", true),
        ("xregistry.example.com/", "^registry\\.example\\.com/", false),
        ("abc", "b", true),
        ("abc", "^b", false),
        ("abc", "c$", true),
        ("a1b2", "\\d\\w\\d", true),
        ("a b", "a\\sb", true),
        ("ab", "a\\Sb", false),
        ("xyz", "[^abc]+", true),
        ("abc", "^[a-c]+$", true),
        ("abd", "^[a-c]+$", false),
        ("HELLO", "(?i)hello", true),
        ("HELLO", "hello", false),
        ("HeLLo", "(?i:h)eLLo", true),
        ("aaa", "^a{3}$", true),
        ("aa", "^a{3}$", false),
        ("aaaa", "^a{2,3}$", false),
        ("aaaa", "^a{2,}$", true),
        ("ab", "^(?:a|b)+$", true),
        ("cat dog", "\\bdog\\b", true),
        ("catdog", "\\bdog\\b", false),
        ("a.b", "a.b", true),
        ("a\nb", "a.b", false),
        ("a\nb", "(?s)a.b", true),
        ("x\ny", "(?m)^y$", true),
        ("x\ny", "^y$", false),
        ("aab", "a*?b", true),
        ("{x}", "{x}", true),
        ("é", "^.$", true),
        ("prod-db", "^[[:alpha:]]+-[[:alpha:]]+$", true),
        ("Ünïcode", "^\\p{L}+$", true),
        ("abc", "", true),
        ("abc", "x|", true),
        ("a.b*c", "^\\Qa.b*\\Ec$", true),
        ("axbbc", "^\\Qa.b*\\Ec$", false),
    ])
    func matches(_ text: String, _ pattern: String, _ expected: Bool) throws {
        #expect(try eval("s.matches(p)", ["s": .string(text), "p": .string(pattern)]).celEquals(.bool(expected)))
        // The constant-pattern path compiles the regex once at compile time.
        let literal = CELValue.string(pattern).celLiteral
        #expect(try eval("s.matches(\(literal))", ["s": .string(text)]).celEquals(.bool(expected)))
    }

    @Test func catastrophicPatternRunsInLinearTime() throws {
        let text = String(repeating: "a", count: 30_000) + "b"
        let start = ContinuousClock.now
        #expect(try eval("s.matches('(a+)+$')", ["s": .string(text)]).celEquals(false))
        #expect(try eval("s.matches('(a+)+b$')", ["s": .string(text)]).celEquals(true))
        #expect(try eval("s.matches('^(a+)+$')", ["s": .string(text)]).celEquals(false))
        #expect(try eval("s.matches('(a|aa)*c')", ["s": .string(text)]).celEquals(false))
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test(arguments: [
        ("(a)\\1", "backreferences"),
        ("a(?=b)", "lookahead"),
        ("(?<=a)b", "lookbehind"),
        ("a**", "bad repetition operator"),
        ("(ab", "missing ')'"),
        ("[a", "missing ']'"),
        ("a{1001}", "repetition count above 1000"),
        ("*a", "missing argument"),
        ("\\pX", "unknown unicode class"),
    ])
    func unsupportedOrInvalidSyntaxIsAClearError(_ pattern: String, _ fragment: String) throws {
        let error = try #require(celError { _ = try eval("'x'.matches(p)", ["p": .string(pattern)]) })
        #expect(error.code == .regex)
        #expect(error.message.contains(fragment), "\(error.message)")
    }

    @Test func invalidConstantPatternFailsAtCompileTime() throws {
        let text = MarkedText("name.matches(‸'(?!x)')")
        let error = try #require(celError { _ = try CEL.compile(text.source) })
        #expect(error.code == .regex)
        #expect(error.location?.column == text.column)
    }
}
