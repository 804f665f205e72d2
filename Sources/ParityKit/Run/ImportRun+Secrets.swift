import ParityDiagnostics
import ParityYAML

extension ImportRun {
    /// Where the secrets of a compose file or Kubernetes manifest are written, found from its
    /// events as Parity's own files' are: the values of keys whose names say secret
    /// (`DB_PASSWORD`, a Secret's `data` and `stringData`, Parity's `value` and `apiKey`), list
    /// items `SECRET_KEY=...`, and URLs with a password, wherever they stand.
    static func secretRegions(in bytes: [UInt8]) -> [SourceRegion] {
        SecretRegions.find(in: bytes, rule: rule)
    }

    private static let rule = SecretRegions.Rule(
        isSecretKey: { key in
            EnvironmentSchema.sensitiveFieldNames.contains(key) || AddressInference.looksSecret(key)
                || key == "data" || key == "stringData"
        },
        isSecretScalar: { text in
            if AddressInference.holdsPassword(text) { return true }
            guard let equals = text.firstIndex(of: "=") else { return false }
            return AddressInference.looksSecret(String(text[..<equals]))
        })
}
