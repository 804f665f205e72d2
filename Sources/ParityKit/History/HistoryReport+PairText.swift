extension HistoryReport.Pair {
    /// A pair as `--pair` takes it: `production:staging`; nil for anything else.
    public init?(text: String) {
        let sides = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty else { return nil }
        self.init(reference: sides[0], mirror: sides[1])
    }
}
