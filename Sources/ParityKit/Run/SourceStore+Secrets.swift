public import ParityDiagnostics

extension SourceStore {
    /// This store, set to mask the values of the model's secret fields in every quoted line;
    /// each run calls it, so a library user gets the protection the command line has.
    @discardableResult
    public func maskingSecrets() -> SourceStore {
        maskedKeys.formUnion(EnvironmentSchema.sensitiveFieldNames)
        return self
    }
}
