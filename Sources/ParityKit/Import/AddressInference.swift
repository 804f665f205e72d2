import Foundation

/// Reads environment variables for the services they name (`CART_SERVICE_ADDR:
/// "cartservice:7070"`, `http://orders.shop.svc.cluster.local/api`), and for values that
/// must not be copied because they look like secrets.
enum AddressInference {
    /// A service an environment variable names.
    struct Named {
        var host: String
        /// The variable is clearly an address (its name says so, or the value is a URL, a
        /// host and port, or a cluster DNS name): a host that matches nothing is worth reporting.
        var isAddress: Bool
    }

    static func named(variable: String, value: String) -> Named? {
        var rest = Substring(value.trimmingCharacters(in: .whitespaces))
        guard !rest.contains(" "), !rest.isEmpty else { return nil }
        var hasScheme = false
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            hasScheme = true
        }
        if let at = rest.firstIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        var hasPort = false
        if let colon = rest.lastIndex(of: ":") {
            let port = rest[rest.index(after: colon)...]
            guard !port.isEmpty, port.allSatisfy(\.isNumber) else { return nil }
            rest = rest[..<colon]
            hasPort = true
        }
        var host = rest.lowercased()
        var clusterName = false
        for suffix in [".svc.cluster.local", ".svc"] where host.hasSuffix(suffix) {
            host = String(host.dropLast(suffix.count))
            // service.namespace: the service is the first label.
            host = host.split(separator: ".").first.map(String.init) ?? host
            clusterName = true
            break
        }
        guard !host.contains("."), isLabel(host), host != "localhost" else { return nil }
        let addressName = addressSuffixes.contains { variable.uppercased().hasSuffix($0) }
        guard clusterName || hasScheme || hasPort || addressName else { return nil }
        return Named(host: host, isAddress: clusterName || (addressName && (hasPort || hasScheme)))
    }

    /// Whether a variable's name says its value is a secret, so the value is not copied.
    static func looksSecret(_ variable: String) -> Bool {
        let name = variable.uppercased()
        guard !name.hasSuffix("_FILE") else { return false }
        return ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "CREDENTIAL"].contains {
            name.contains($0)
        }
    }

    /// Whether `value` is a URL with a password in it (`postgres://app:PASSWORD@db/app`).
    static func holdsPassword(_ value: String) -> Bool {
        guard let scheme = value.range(of: "://") else { return false }
        let authority = value[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else {
            return false
        }
        return authority.index(after: colon) < at
    }

    private static let addressSuffixes = [
        "ADDR", "ADDRESS", "HOST", "HOSTNAME", "URL", "URI", "ENDPOINT", "SERVER", "SERVICE",
    ]

    /// A DNS label: letters, digits and hyphens, with at least one letter.
    private static func isLabel(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, first != "-", last != "-" else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            && text.contains { $0.isLetter }
    }
}
