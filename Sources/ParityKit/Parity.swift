/// The version of Parity, printed by `parity --version`.
public enum Parity {
    public static let version = "0.1.0"
}
