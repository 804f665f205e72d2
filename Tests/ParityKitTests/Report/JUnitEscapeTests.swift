import Testing

@testable import ParityKit

/// XML escaping in the JUnit report: markup characters as entities, line breaks in
/// attributes as character references, and what XML 1.0 cannot hold left out.
@Suite struct JUnitEscapeTests {
    @Test(arguments: [
        ("services[checkout-api].replicas", "\"services[checkout-api].replicas\""),
        ("parity gaps production -> staging", "\"parity gaps production -&gt; staging\""),
        ("a & b < c \"d\" 'e'", "\"a &amp; b &lt; c &quot;d&quot; 'e'\""),
        ("line\nbreak\r\ttab", "\"line&#10;break&#13;\ttab\""),
        ("bell\u{07} esc\u{1B} nul\u{0} end", "\"bell esc nul end\""),
        ("ü ✓ \u{FFFE}\u{FFFF}\u{FFFD} \u{EFBF}", "\"ü ✓ \u{FFFD} \u{EFBF}\""),
    ])
    func attributes(_ value: String, _ expected: String) {
        #expect(JUnitRenderer.attribute(value) == expected)
    }

    @Test func textKeepsQuotesAndLineBreaks() {
        #expect(JUnitRenderer.text("a \"b\"\n<c>\r") == "a \"b\"\n&lt;c&gt;&#13;")
    }
}
