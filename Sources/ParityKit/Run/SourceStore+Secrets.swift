public import ParityDiagnostics

extension SourceStore {
    /// This store, set to hide the values of the model's secret fields in every quoted line
    /// (found from each file's parsed events); each run calls it, so a library user gets the
    /// protection the command line has.
    @discardableResult
    public func maskingSecrets() -> SourceStore {
        if secretFinder == nil {
            secretFinder = { EnvironmentSchema.secretRegions(in: $0) }
        }
        return self
    }
}
