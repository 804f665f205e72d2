/// An IPv4 or IPv6 address, parsed as Go's `netip.ParseAddr` (and so Kubernetes' `ip()`)
/// parses it: dotted quads without leading zeros, RFC 4291 text for IPv6, no zones.
struct IPAddress: Hashable, Sendable {
    /// 4 bytes for IPv4, 16 for IPv6, in network order.
    let bytes: [UInt8]

    init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// 4 or 6.
    var family: Int { bytes.count == 4 ? 4 : 6 }
    var bitCount: Int { bytes.count * 8 }

    /// An IPv6 address that carries an IPv4 one (`::ffff:10.0.0.1`), which Kubernetes refuses.
    var isIPv4Mapped: Bool {
        bytes.count == 16 && bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff
    }

    /// Parses `text`, or nil when it is not an address.
    init?(parsing text: String) {
        let scalars = Array(text.unicodeScalars)
        if scalars.contains(":") {
            guard let bytes = Self.parseIPv6(scalars) else { return nil }
            self.bytes = bytes
        } else {
            guard let bytes = Self.parseIPv4(scalars[...]) else { return nil }
            self.bytes = bytes
        }
    }

    private static func parseIPv4(_ scalars: ArraySlice<Unicode.Scalar>) -> [UInt8]? {
        let fields = scalars.split(separator: ".", omittingEmptySubsequences: false)
        guard fields.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for field in fields {
            guard (1...3).contains(field.count), field.allSatisfy({ $0.isDigit }) else { return nil }
            // A leading zero reads as octal to some tools and decimal to others: refused.
            if field.count > 1, field.first == "0" { return nil }
            let value = field.reduce(0) { $0 * 10 + Int($1.value - 48) }
            guard value <= 255 else { return nil }
            bytes.append(UInt8(value))
        }
        return bytes
    }

    private static func parseIPv6(_ scalars: [Unicode.Scalar]) -> [UInt8]? {
        var groups: [UInt16] = []
        var gap: Int?
        var i = 0
        if scalars.count >= 2, scalars[0] == ":", scalars[1] == ":" {
            gap = 0
            i = 2
            if i == scalars.count { return [UInt8](repeating: 0, count: 16) }
        } else if scalars.first == ":" {
            return nil
        }
        while i < scalars.count {
            var j = i
            while j < scalars.count, scalars[j] != ":" { j += 1 }
            let field = scalars[i..<j]
            if field.contains(".") {
                // An IPv4 tail fills the last two groups.
                guard j == scalars.count, groups.count <= 6, let tail = parseIPv4(field) else { return nil }
                groups.append(UInt16(tail[0]) << 8 | UInt16(tail[1]))
                groups.append(UInt16(tail[2]) << 8 | UInt16(tail[3]))
                i = j
                break
            }
            guard (1...4).contains(field.count), let value = UInt16(String(String.UnicodeScalarView(field)), radix: 16),
                  field.allSatisfy({ $0.isHexDigit })
            else { return nil }
            groups.append(value)
            guard groups.count <= 8 else { return nil }
            if j == scalars.count { i = j; break }
            // j is a colon; a second one right after it is the gap.
            if j + 1 < scalars.count, scalars[j + 1] == ":" {
                guard gap == nil else { return nil }
                gap = groups.count
                i = j + 2
            } else {
                guard j + 1 < scalars.count else { return nil }
                i = j + 1
            }
        }
        if let gap {
            guard groups.count < 8 else { return nil }
            groups.insert(contentsOf: [UInt16](repeating: 0, count: 8 - groups.count), at: gap)
        }
        guard groups.count == 8 else { return nil }
        return groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }
    }

    /// The canonical text: dotted quad, or RFC 5952 (lowercase, the longest run of zero
    /// groups, the first of equals, written `::`).
    var text: String {
        if family == 4 { return bytes.map(String.init).joined(separator: ".") }
        let groups = stride(from: 0, to: 16, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
        var best = (start: -1, length: 0)
        var run = (start: -1, length: 0)
        for (index, group) in groups.enumerated() {
            if group == 0 {
                run = run.start < 0 ? (index, 1) : (run.start, run.length + 1)
                if run.length > best.length { best = run }
            } else {
                run = (-1, 0)
            }
        }
        func hex(_ range: Range<Int>) -> String { groups[range].map { String($0, radix: 16) }.joined(separator: ":") }
        guard best.length >= 2 else { return hex(0..<8) }
        return hex(0..<best.start) + "::" + hex((best.start + best.length)..<8)
    }

    /// The address with every bit after the first `bits` cleared.
    func masked(_ bits: Int) -> IPAddress {
        var out = bytes
        for index in out.indices {
            let kept = max(0, min(8, bits - index * 8))
            out[index] &= kept == 0 ? 0 : UInt8(truncatingIfNeeded: 0xff << (8 - kept))
        }
        return IPAddress(bytes: out) ?? self
    }

    private func inRange(_ prefix: [UInt8], _ bits: Int) -> Bool {
        IPAddress(bytes: prefix).map { masked(bits) == $0.masked(bits) && $0.bytes.count == bytes.count } ?? false
    }

    var isUnspecified: Bool { bytes.allSatisfy { $0 == 0 } }
    var isLoopback: Bool { family == 4 ? bytes[0] == 127 : bytes == [UInt8](repeating: 0, count: 15) + [1] }
    var isMulticast: Bool { family == 4 ? bytes[0] & 0xf0 == 0xe0 : bytes[0] == 0xff }
    var isLinkLocalMulticast: Bool {
        family == 4 ? inRange([224, 0, 0, 0], 24) : inRange([0xff, 0x02] + [UInt8](repeating: 0, count: 14), 16)
    }
    var isLinkLocalUnicast: Bool {
        family == 4 ? inRange([169, 254, 0, 0], 16) : inRange([0xfe, 0x80] + [UInt8](repeating: 0, count: 14), 10)
    }
    /// As Go's `IsGlobalUnicast`: private and unique-local ranges count as global.
    var isGlobalUnicast: Bool {
        if family == 4, bytes == [255, 255, 255, 255] { return false }
        return !isUnspecified && !isLoopback && !isMulticast && !isLinkLocalUnicast
    }
}
