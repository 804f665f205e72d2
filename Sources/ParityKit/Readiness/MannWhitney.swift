import Foundation

/// The Mann-Whitney U test of two independent samples, with Cliff's delta as its effect size.
///
/// The p-value is exact (the U distribution counted) when either sample has at most eight
/// values and no value is tied, and otherwise the normal approximation with tie and continuity
/// corrections: the choice and the numbers SciPy's `mannwhitneyu` makes.
public struct MannWhitney: Sendable, Equatable {
    /// Which shift of `x` against `y` the test looks for.
    public enum Alternative: String, Sendable {
        /// `x` tends to be larger.
        case greater
        /// `x` tends to be smaller.
        case less
        case twoSided = "two-sided"
    }

    /// U of `x`: pairs where the `x` value is larger, ties counting a half.
    public var u: Double
    public var pValue: Double
    /// Cliff's delta, P(x > y) - P(x < y), from -1 to 1: the share of pairs that favour `x`.
    public var effect: Double
    public var exact: Bool

    /// The test of `x` against `y` (neither empty, no NaN).
    public init(_ x: [Double], _ y: [Double], alternative: Alternative) {
        let n1 = Double(x.count), n2 = Double(y.count)
        let ranks = Self.ranks(x + y)
        let rankSum = ranks.prefix(x.count).reduce(0, +)
        u = rankSum - n1 * (n1 + 1) / 2
        effect = 2 * u / (n1 * n2) - 1
        let ties = Self.tieCounts(x + y)
        exact = (x.count <= 8 || y.count <= 8) && ties.allSatisfy { $0 == 1 }
        let p: Double
        if exact {
            let distribution = Self.distribution(x.count, y.count)
            let total = distribution.reduce(0, +)
            let at = Int(u.rounded())
            let atLeast = distribution[at...].reduce(0, +) / total
            let atMost = distribution[...at].reduce(0, +) / total
            switch alternative {
            case .greater: p = atLeast
            case .less: p = atMost
            case .twoSided: p = 2 * min(atLeast, atMost)
            }
        } else {
            let n = n1 + n2
            let tieTerm = ties.reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) }
            let sigma = (n1 * n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1)))).squareRoot()
            let mean = n1 * n2 / 2
            func upper(_ statistic: Double) -> Double {
                sigma == 0
                    ? (statistic - mean - 0.5 >= 0 ? 0 : 1) : Self.normalUpperTail((statistic - mean - 0.5) / sigma)
            }
            switch alternative {
            case .greater: p = upper(u)
            case .less: p = upper(n1 * n2 - u)
            case .twoSided: p = 2 * upper(max(u, n1 * n2 - u))
            }
        }
        pValue = min(max(p, 0), 1)
    }

    /// P(Z > z) for a standard normal Z.
    static func normalUpperTail(_ z: Double) -> Double { 0.5 * erfc(z / 2.0.squareRoot()) }

    /// Average ranks, 1-based, ties sharing the mean of their ranks.
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = rank }
            start = end + 1
        }
        return ranks
    }

    /// How many times each distinct value occurs.
    static func tieCounts(_ values: [Double]) -> [Int] {
        var counts: [Double: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return Array(counts.values)
    }

    /// How many orderings of m and n values give each U from 0 to m*n (no ties).
    static func distribution(_ m: Int, _ n: Int) -> [Double] {
        // f(i, j, u) = f(i - 1, j, u - j) + f(i, j - 1, u): the largest value is an x or a y.
        // Column by column over j, so memory grows with m * (m * n), not with n twice.
        var previous = (0...m).map { _ in [1.0] }
        for j in 1...max(n, 1) where n > 0 {
            var column: [[Double]] = [[1.0]]
            for i in 1...max(m, 1) where m > 0 {
                var counts = [Double](repeating: 0, count: i * j + 1)
                for (u, count) in column[i - 1].enumerated() { counts[u + j] += count }
                for (u, count) in previous[i].enumerated() { counts[u] += count }
                column.append(counts)
            }
            previous = column
        }
        return previous[m]
    }
}
