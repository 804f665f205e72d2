import ParityCEL
import Testing

@Suite struct TimeTests {
    @Test(arguments: [
        ("90s", "90s"), ("1h30m", "5400s"), ("1.5h", "5400s"), ("-1.5s", "-1.5s"), ("300ms", "0.3s"),
        ("1us", "0.000001s"), ("1µs", "0.000001s"), ("5ns", "0.000000005s"), ("0", "0s"), ("+2m", "120s"),
        ("2562047h", "9223369200s"),
    ])
    func durationsParseAndFormat(_ text: String, _ expected: String) throws {
        #expect(try CELDuration(parsing: text).text == expected)
    }

    @Test(arguments: ["", "s", "1", "1x", "1.s5", "--1s", "3000000h"])
    func invalidDurationsAreErrors(_ text: String) throws {
        let error = try #require(celError { _ = try CELDuration(parsing: text) })
        #expect(error.code == .invalidArgument || error.code == .overflow)
    }

    @Test(arguments: [
        ("2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
        ("2026-01-01T01:00:00+01:00", "2026-01-01T00:00:00Z"),
        ("2025-12-31T20:30:00.123456789-03:30", "2026-01-01T00:00:00.123456789Z"),
        ("2024-02-29t12:00:00.1z", "2024-02-29T12:00:00.1Z"),
        ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"),
        ("9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.999999999Z"),
    ])
    func timestampsParseAndFormat(_ text: String, _ expected: String) throws {
        #expect(try CELTimestamp(parsing: text).rfc3339 == expected)
    }

    @Test(arguments: ["2026-13-01T00:00:00Z", "2025-02-29T00:00:00Z", "2026-01-01 00:00:00Z", "2026-01-01T00:00:00",
                      "2026-01-01T24:00:00Z", "2026-01-01T00:00:00+0100", "10000-01-01T00:00:00Z"])
    func invalidTimestampsAreErrors(_ text: String) throws {
        let error = try #require(celError { _ = try CELTimestamp(parsing: text) })
        #expect(error.code == .invalidArgument || error.code == .overflow)
    }

    @Test(arguments: [
        ("getFullYear", "2009"), ("getMonth", "1"), ("getDate", "13"), ("getDayOfMonth", "12"),
        ("getDayOfYear", "43"), ("getDayOfWeek", "5"), ("getHours", "23"), ("getMinutes", "31"),
        ("getSeconds", "30"), ("getMilliseconds", "250"),
    ])
    func timestampAccessors(_ name: String, _ expected: String) throws {
        #expect(try eval("timestamp('2009-02-13T23:31:30.250Z').\(name)()").celLiteral == expected)
    }

    @Test(arguments: [
        ("'Australia/Sydney'", "14"), ("'+11:00'", "14"), ("'-02:30'", "13"), ("'02:00'", "14"), ("'UTC'", "13"),
    ])
    func timeZones(_ zone: String, _ expectedDate: String) throws {
        #expect(try eval("timestamp('2009-02-13T23:31:30Z').getDate(\(zone))").celLiteral == expectedDate)
    }
}
