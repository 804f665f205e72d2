import Testing
@testable import ParityKit

/// Mann-Whitney U against SciPy 1.17's `mannwhitneyu` (values recorded; SciPy is not needed
/// to run): the exact distribution for small samples without ties, the normal approximation
/// with tie and continuity corrections otherwise.
@Suite struct MannWhitneyTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var x: [Double]
        var y: [Double]
        var alternative: MannWhitney.Alternative
        var u: Double
        var p: Double
        var exact: Bool
        var testDescription: String { "\(name) \(alternative.rawValue)" }
    }

    static let small = ([1.1, 2.3, 3.5, 4.2, 5.9], [2.0, 6.1, 7.4, 8.8, 9.3, 10.5])
    static let tied: ([Double], [Double]) = ([1, 2, 2, 3, 3, 3, 4, 5, 6, 7], [3, 4, 4, 5, 6, 7, 8, 8, 9, 9, 10])
    static let large = ((0..<20).map { 0.1 * Double($0) }, (0..<25).map { 0.1 * Double($0) + 0.35 })

    static let cases: [Case] = [
        Case(name: "exact", x: small.0, y: small.1, alternative: .greater, u: 4, p: 0.9848484848484849, exact: true),
        Case(name: "exact", x: small.0, y: small.1, alternative: .less, u: 4, p: 0.025974025974025976, exact: true),
        Case(name: "exact", x: small.0, y: small.1, alternative: .twoSided, u: 4, p: 0.05194805194805195, exact: true),
        Case(name: "ties", x: tied.0, y: tied.1, alternative: .greater, u: 17, p: 0.996822375426963, exact: false),
        Case(name: "ties", x: tied.0, y: tied.1, alternative: .less, u: 17, p: 0.0039304518495143085, exact: false),
        Case(name: "ties", x: tied.0, y: tied.1, alternative: .twoSided, u: 17, p: 0.007860903699028617, exact: false),
        Case(name: "large", x: large.0, y: large.1, alternative: .greater, u: 136, p: 0.9955433834646592, exact: false),
        Case(name: "large", x: large.0, y: large.1, alternative: .less, u: 136, p: 0.004763744778164281, exact: false),
        Case(
            name: "large", x: large.0, y: large.1, alternative: .twoSided, u: 136, p: 0.009527489556328561, exact: false
        ),
    ]

    @Test(arguments: cases) func matchesSciPy(_ test: Case) {
        let result = MannWhitney(test.x, test.y, alternative: test.alternative)
        #expect(result.u == test.u)
        #expect(abs(result.pValue - test.p) < 1e-12, "p = \(result.pValue), SciPy \(test.p)")
        #expect(result.exact == test.exact)
    }

    /// Cliff's delta: every pair favours one side at the extremes, none at equality.
    @Test func effectSize() {
        #expect(MannWhitney([5, 6, 7], [1, 2, 3], alternative: .greater).effect == 1)
        #expect(MannWhitney([1, 2, 3], [5, 6, 7], alternative: .greater).effect == -1)
        #expect(MannWhitney([1, 2, 3], [1, 2, 3], alternative: .twoSided).effect == 0)
        // U = 4 of 30 pairs: delta = 2 * 4 / 30 - 1.
        #expect(abs(MannWhitney(Self.small.0, Self.small.1, alternative: .less).effect - (8.0 / 30 - 1)) < 1e-12)
    }

    /// The exact distribution of U for m = 2, n = 2: orderings 1 1 2 1 1 (Mann and Whitney's table).
    @Test func exactDistribution() {
        #expect(MannWhitney.distribution(2, 2) == [1, 1, 2, 1, 1])
        #expect(MannWhitney.distribution(3, 2).reduce(0, +) == 10)
        #expect(MannWhitney.distribution(8, 60).count == 481)
    }

    @Test func averageRanks() {
        #expect(MannWhitney.ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4])
    }
}
