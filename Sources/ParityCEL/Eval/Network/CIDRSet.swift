/// Address ranges indexed for overlap queries: what `cidrs(list)` builds, so that a policy
/// asking which of one environment's thousands of ranges overlap each of another's does
/// not compare every range with every other.
///
/// Two ranges overlap when the shorter contains the longer. The members that contain a
/// query are found by masking it to each member length present (one dictionary look-up
/// each); the members it contains are one run of the members sorted by address.
struct CIDRSet: Sendable {
    private struct Member {
        let network: IPAddress
        let bits: Int
        let position: Int
    }

    private var byPrefix: [IPPrefix: [Int]] = [:]
    /// The member lengths present, per family, ascending.
    private var lengths: [Int: [Int]] = [:]
    /// Members by network address, per family.
    private var sorted: [Int: [Member]] = [:]
    /// The ranges as given, in order.
    let prefixes: [IPPrefix]

    init(_ prefixes: [IPPrefix]) {
        self.prefixes = prefixes
        var lengths: [Int: Set<Int>] = [:]
        for (position, prefix) in prefixes.enumerated() {
            let network = prefix.masked
            byPrefix[network, default: []].append(position)
            lengths[prefix.address.family, default: []].insert(prefix.bits)
            sorted[prefix.address.family, default: []].append(
                Member(network: network.address, bits: prefix.bits, position: position))
        }
        self.lengths = lengths.mapValues { $0.sorted() }
        for family in sorted.keys {
            sorted[family]?.sort { a, b in
                a.network.bytes.lexicographicallyPrecedes(b.network.bytes) || (a.network == b.network && a.bits < b.bits)
            }
        }
    }

    /// The positions, in the list `cidrs` was given, of the members overlapping `query`, ascending.
    func overlapping(_ query: IPPrefix) -> [Int] {
        let family = query.address.family
        var positions: [Int] = []
        // Members as long as the query or shorter: each contains it when it equals the query masked to its length.
        for bits in lengths[family] ?? [] where bits <= query.bits {
            if let key = IPPrefix(address: query.address.masked(bits), bits: bits), let found = byPrefix[key] {
                positions += found
            }
        }
        // Longer members inside the query: their networks start with the query's, one run in address order.
        if let members = sorted[family] {
            let start = query.address.masked(query.bits)
            var low = 0, high = members.count
            while low < high {
                let middle = (low + high) / 2
                if members[middle].network.bytes.lexicographicallyPrecedes(start.bytes) {
                    low = middle + 1
                } else {
                    high = middle
                }
            }
            var index = low
            while index < members.count, members[index].network.masked(query.bits) == start {
                if members[index].bits > query.bits { positions.append(members[index].position) }
                index += 1
            }
        }
        return positions.sorted()
    }

    /// Whether any member overlaps `query`.
    func overlaps(_ query: IPPrefix) -> Bool { !overlapping(query).isEmpty }
}

/// The `net.CIDRSet` value `cidrs(list)` returns; it prints as the call that builds it.
struct CIDRSetValue: CELScalarObject {
    static let typeName = "net.CIDRSet"
    let set: CIDRSet

    var celTypeName: String { Self.typeName }
    var celText: String { "[" + set.prefixes.map(\.text).joined(separator: ", ") + "]" }
    var celLiteral: String { "cidrs([" + set.prefixes.map { "\"\($0.text)\"" }.joined(separator: ", ") + "])" }
    func celIsEqual(_ other: any CELObject) -> Bool { (other as? CIDRSetValue)?.set.prefixes == set.prefixes }
}
