import Testing
@testable import ParityKit

@Suite struct TextFormatsTests {
    @Test(arguments: [
        ("90d", 7_776_000), ("12h", 43_200), ("1h30m", 5_400), ("45s", 45), ("2w", 1_209_600), ("1d12h", 129_600),
    ])
    func durations(_ text: String, _ seconds: Int) {
        #expect(DurationText.seconds(text) == seconds)
    }

    @Test(arguments: ["", "90", "d", "90 days", "30m1h", "1h1h", "1.5h", "-1d", "99999999999999999999d"])
    func notDurations(_ text: String) {
        #expect(DurationText.seconds(text) == nil)
    }

    @Test func dates() {
        #expect(DateText.isValid("2026-03-31"))
        #expect(DateText.isValid("2024-02-29"))
        #expect(!DateText.isValid("2026-02-29"))
        #expect(!DateText.isValid("1900-02-29"))
        #expect(DateText.isValid("2000-02-29"))
        #expect(!DateText.isValid("2026-13-01"))
        #expect(!DateText.isValid("2026-1-01"))
        #expect(!DateText.isValid("26-01-01"))
        #expect(!DateText.isValid("2026-04-31"))
    }

    @Test func sameContentIgnoresPlacesAndFieldOrder() {
        let a = Value(.object(Fields([("x", Value(.int(1), at: nil)), ("y", Value(.string("s"), at: nil))])), at: nil)
        let b = Value(
            .object(Fields([("y", Value(.string("s"), at: .file("f"))), ("x", Value(.int(1), at: .file("g")))])),
            at: nil)
        let c = Value(.object(Fields([("x", Value(.int(2), at: nil)), ("y", Value(.string("s"), at: nil))])), at: nil)
        #expect(a.sameContent(as: b))
        #expect(!a.sameContent(as: c))
        #expect(!Value(.int(1), at: nil).sameContent(as: Value(.double(1), at: nil)))
    }
}
