/// IP addresses and ranges, as Kubernetes' CEL library has them (`ip()`, `cidr()`, `isIP`,
/// `isCIDR`, `family`, `isLoopback`, ..., `containsIP`, `containsCIDR`, `prefixLength`,
/// `masked`), plus `overlaps`, for IPv4 and IPv6. As in Kubernetes, an IPv4-mapped IPv6
/// address (`::ffff:10.0.0.1`) and a zone (`fe80::1%eth0`) are refused.
///
/// `cidrs(list)` indexes a list of ranges (`net.CIDRSet`): `set.overlaps(range)` is whether
/// any of them overlaps `range`, and `set.overlapping(range)` the positions in the list of
/// those that do, ascending; each asks in time growing with the answer, not with the list.
enum NetworkExtensions {
    static let ipType = CELType.object(IPValue.typeName)
    static let cidrType = CELType.object(CIDRValue.typeName)
    static let cidrSetType = CELType.object(CIDRSetValue.typeName)

    static let signatures: [String: [Signatures.Signature]] = [
        "ip": [([.string], ipType), ([cidrType], ipType)],
        "cidr": [([.string], cidrType)],
        "isIP": [([.string], .bool)],
        "isCIDR": [([.string], .bool)],
        "family": [([ipType], .int)],
        "isUnspecified": [([ipType], .bool)],
        "isLoopback": [([ipType], .bool)],
        "isLinkLocalMulticast": [([ipType], .bool)],
        "isLinkLocalUnicast": [([ipType], .bool)],
        "isGlobalUnicast": [([ipType], .bool)],
        "containsIP": [([cidrType, ipType], .bool), ([cidrType, .string], .bool)],
        "containsCIDR": [([cidrType, cidrType], .bool), ([cidrType, .string], .bool)],
        "overlaps": [
            ([cidrType, cidrType], .bool), ([cidrType, .string], .bool), ([cidrSetType, cidrType], .bool),
            ([cidrSetType, .string], .bool),
        ],
        "cidrs": [([.list(.string)], cidrSetType), ([.list(cidrType)], cidrSetType)],
        "overlapping": [([cidrSetType, cidrType], .list(.int)), ([cidrSetType, .string], .list(.int))],
        "prefixLength": [([cidrType], .int)],
        "masked": [([cidrType], cidrType)],
    ]

    static let functions: [(String, Int, Function)] = [
        (
            "ip", 1,
            Function { (a: CELValue) throws(CELError) -> CELValue in
                if case .object(let object) = a, let range = object as? CIDRValue {
                    return .object(IPValue(address: range.prefix.address))
                }
                return .object(IPValue(address: try address(a, "ip")))
            }
        ),
        (
            "cidr", 1,
            Function { (a: CELValue) throws(CELError) -> CELValue in .object(CIDRValue(prefix: try prefix(a, "cidr"))) }
        ),
        (
            "isIP", 1,
            Function { (a: CELValue) throws(CELError) -> CELValue in
                guard case .string(let text) = a else { throw Builtins.noOverload("isIP", a) }
                return .bool(parseAddress(text) != nil)
            }
        ),
        (
            "isCIDR", 1,
            Function { (a: CELValue) throws(CELError) -> CELValue in
                guard case .string(let text) = a else { throw Builtins.noOverload("isCIDR", a) }
                return .bool(parsePrefix(text) != nil)
            }
        ),
        (
            "family", 1,
            Function { (a: CELValue) throws(CELError) -> CELValue in .int(Int64(try ip(a, "family").family)) }
        ),
        ("isUnspecified", 1, test("isUnspecified", \.isUnspecified)),
        ("isLoopback", 1, test("isLoopback", \.isLoopback)),
        ("isLinkLocalMulticast", 1, test("isLinkLocalMulticast", \.isLinkLocalMulticast)),
        ("isLinkLocalUnicast", 1, test("isLinkLocalUnicast", \.isLinkLocalUnicast)),
        ("isGlobalUnicast", 1, test("isGlobalUnicast", \.isGlobalUnicast)),
        (
            "containsIP", 2,
            Function { (a: CELValue, b: CELValue) throws(CELError) -> CELValue in
                .bool(try range(a, "containsIP").contains(try address(b, "containsIP")))
            }
        ),
        (
            "containsCIDR", 2,
            Function { (a: CELValue, b: CELValue) throws(CELError) -> CELValue in
                .bool(try range(a, "containsCIDR").contains(try prefix(b, "containsCIDR")))
            }
        ),
        (
            "overlaps", 2,
            Function { (a: CELValue, b: CELValue) throws(CELError) -> CELValue in
                if case .object(let object) = a, let set = object as? CIDRSetValue {
                    return .bool(set.set.overlaps(try prefix(b, "overlaps")))
                }
                return .bool(try range(a, "overlaps").overlaps(try prefix(b, "overlaps")))
            }
        ),
        (
            "cidrs", 1,
            Function(allocates: true) { (a: CELValue) throws(CELError) -> CELValue in
                guard case .list(let elements) = a else { throw Builtins.noOverload("cidrs", a) }
                var prefixes: [IPPrefix] = []
                prefixes.reserveCapacity(elements.count)
                for element in elements { prefixes.append(try prefix(element, "cidrs")) }
                return .object(CIDRSetValue(set: CIDRSet(prefixes)))
            }
        ),
        (
            "overlapping", 2,
            Function(allocates: true) { (a: CELValue, b: CELValue) throws(CELError) -> CELValue in
                guard case .object(let object) = a, let set = object as? CIDRSetValue else {
                    throw Builtins.noOverload("overlapping", a, b)
                }
                return .list(set.set.overlapping(try prefix(b, "overlapping")).map { .int(Int64($0)) })
            }
        ),
        (
            "prefixLength", 1,
            Function { (a: CELValue) throws(CELError) -> CELValue in .int(Int64(try range(a, "prefixLength").bits)) }
        ),
        (
            "masked", 1,
            Function { (a: CELValue) throws(CELError) -> CELValue in
                .object(CIDRValue(prefix: try range(a, "masked").masked))
            }
        ),
    ]

    private static func test(_ name: String, _ property: KeyPath<IPAddress, Bool> & Sendable) -> Function {
        Function { (a: CELValue) throws(CELError) -> CELValue in .bool(try ip(a, name)[keyPath: property]) }
    }

    static func parseAddress(_ text: String) -> IPAddress? {
        IPAddress(parsing: text).flatMap { $0.isIPv4Mapped ? nil : $0 }
    }

    static func parsePrefix(_ text: String) -> IPPrefix? {
        prefixes.value(text)
    }

    private static let prefixes = ParseCache<IPPrefix> { text in
        IPPrefix(parsing: text).flatMap { $0.address.isIPv4Mapped ? nil : $0 }
    }

    /// An `ip` receiver.
    private static func ip(_ value: CELValue, _ name: String) throws(CELError) -> IPAddress {
        guard case .object(let object) = value, let ip = object as? IPValue else {
            throw Builtins.noOverload(name, value)
        }
        return ip.address
    }

    /// A `cidr` receiver.
    private static func range(_ value: CELValue, _ name: String) throws(CELError) -> IPPrefix {
        guard case .object(let object) = value, let range = object as? CIDRValue else {
            throw Builtins.noOverload(name, value)
        }
        return range.prefix
    }

    /// An address given as an `ip` or as text.
    private static func address(_ value: CELValue, _ name: String) throws(CELError) -> IPAddress {
        guard case .string(let text) = value else { return try ip(value, name) }
        guard let address = parseAddress(text) else {
            let mapped = IPAddress(parsing: text)?.isIPv4Mapped == true
            throw CELError(.invalidArgument, mapped
                ? "IP address '\(text)' is IPv4-mapped IPv6; write the IPv4 address itself"
                : "'\(text)' is not an IP address; write one such as 10.0.0.1 or 2001:db8::1")
        }
        return address
    }

    /// A range given as a `cidr` or as text.
    private static func prefix(_ value: CELValue, _ name: String) throws(CELError) -> IPPrefix {
        guard case .string(let text) = value else { return try range(value, name) }
        guard let prefix = parsePrefix(text) else {
            let mapped = IPPrefix(parsing: text)?.address.isIPv4Mapped == true
            throw CELError(.invalidArgument, mapped
                ? "CIDR '\(text)' has an IPv4-mapped IPv6 address; write the IPv4 range itself"
                : "'\(text)' is not an address range; write one such as 10.0.0.0/16 or 2001:db8::/32")
        }
        return prefix
    }
}
