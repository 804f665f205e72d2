#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A shape a string field's text must have beyond being text (an address range).
public struct StringFormat: Sendable {
    /// What a valid text looks like, for messages: "an address range such as 10.0.0.0/16".
    public var expectation: String
    /// A regular expression for the JSON Schema: as close as a pattern gets.
    public var pattern: String
    /// Whether `text` has the shape.
    public var isValid: @Sendable (String) -> Bool

    public init(expectation: String, pattern: String, isValid: @escaping @Sendable (String) -> Bool) {
        self.expectation = expectation
        self.pattern = pattern
        self.isValid = isValid
    }

    /// An IPv4 or IPv6 range in CIDR notation: `10.0.0.0/16`, `2001:db8::/32`.
    public static let cidr = StringFormat(
        expectation: "an address range such as 10.0.0.0/16",
        pattern:
            #"^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/(3[0-2]|[12]?[0-9])$"#
            + #"|^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$"#,
        isValid: isCIDR)

    private static func isCIDR(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
            parts[1].count <= 3,
            let prefix = Int(parts[1])
        else { return false }
        let address = String(parts[0])
        if address.contains(":") {
            var storage = in6_addr()
            return prefix <= 128 && inet_pton(AF_INET6, address, &storage) == 1
        }
        let octets = address.split(separator: ".", omittingEmptySubsequences: false)
        return prefix <= 32 && octets.count == 4
            && octets.allSatisfy { octet in
                !octet.isEmpty && octet.count <= 3 && octet.allSatisfy { $0.isASCII && $0.isNumber }
                    && Int(octet).map { $0 <= 255 } == true
            }
    }
}
