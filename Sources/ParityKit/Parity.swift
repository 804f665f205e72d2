/// The version of Parity, printed by `parity --version`.
public enum Parity {
    public static let version = "0.1.0"
}

extension Parity {
    /// Where Parity is documented, for reports that link to the tool (SARIF's `informationUri`).
    public static let informationURI = "https://example.com/parity"
}
