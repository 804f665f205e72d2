/// How much more eight times the work costs than the work: about 8 when it grows linearly,
/// 64 when it grows quadratically. Not a benchmark: two sizes measured in one run, alternating,
/// and the fastest of seven at each counts (the runs least disturbed by tests running in
/// parallel on a shared machine); `small` should be large enough that a pause elsewhere is a
/// small part of one run.
public enum ScaleRatio {
    /// The limit a linear cost stays under, with room for a loaded machine: half of what a
    /// quadratic cost gives (24 failed at 25x and 28x with the suite, a benchmark and a fuzzer
    /// sharing two cores).
    public static let linearLimit = 32.0

    public static func of(small: Int, _ measure: (Int) -> Duration) -> Double {
        var smaller: [Duration] = [], larger: [Duration] = []
        for _ in 0..<7 {
            smaller.append(measure(small))
            larger.append(measure(small * 8))
        }
        return larger.min()! / max(smaller.min()!, .nanoseconds(1))  // seven of each: never empty
    }
}
