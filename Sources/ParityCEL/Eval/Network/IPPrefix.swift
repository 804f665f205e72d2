/// An address range in CIDR notation (`10.0.0.0/16`, `2001:db8::/32`), as Go's
/// `netip.ParsePrefix` reads it; the address keeps the bits past the prefix as written.
struct IPPrefix: Hashable, Sendable {
    let address: IPAddress
    let bits: Int

    init?(address: IPAddress, bits: Int) {
        guard (0...address.bitCount).contains(bits) else { return nil }
        self.address = address
        self.bits = bits
    }

    init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPAddress(parsing: String(parts[0])),
              (1...3).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
              parts[1].count == 1 || parts[1].first != "0", let bits = Int(parts[1])
        else { return nil }
        self.init(address: address, bits: bits)
    }

    var text: String { "\(address.text)/\(bits)" }
    var masked: IPPrefix { IPPrefix(address: address.masked(bits), bits: bits) ?? self }

    func contains(_ other: IPAddress) -> Bool {
        other.family == address.family && other.masked(bits) == address.masked(bits)
    }

    func contains(_ other: IPPrefix) -> Bool {
        other.bits >= bits && contains(other.address)
    }

    /// Whether the two ranges share an address: the shorter one contains the longer one.
    func overlaps(_ other: IPPrefix) -> Bool {
        other.address.family == address.family
            && address.masked(min(bits, other.bits)) == other.address.masked(min(bits, other.bits))
    }
}
