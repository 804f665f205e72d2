import Testing
@testable import ParityKit

@Suite struct ContentKeyTests {
    @Test func equalKeysExactlyForEqualContent() {
        let values: [Value] = [
            Value(.string("a"), at: nil), Value(.string("a:"), at: nil), Value(.int(1), at: nil),
            Value(.double(1), at: nil),
            Value(.list([Value(.string("a"), at: nil), Value(.string("b"), at: nil)]), at: nil),
            Value(.list([Value(.string("ab"), at: nil)]), at: nil),
            Value(.object(Fields([("x", Value(.int(1), at: nil)), ("y", Value(.null, at: nil))])), at: nil),
            Value(.object(Fields([("y", Value(.null, at: .file("f"))), ("x", Value(.int(1), at: nil))])), at: nil),
            Value(.bool(true), at: nil), Value(.null, at: nil),
        ]
        for a in values {
            for b in values {
                #expect((a.contentKey == b.contentKey) == a.sameContent(as: b), "\(a.contentKey) vs \(b.contentKey)")
            }
        }
    }
}
