import Foundation

/// A path's `ModelPath.sortKey` as UTF-8 bytes, for sorting many paths: a drifted pair sorts
/// hundreds of thousands of gaps, and joining each key as a `String` cost thousands of
/// instructions. ASCII keys (nearly all) compare byte by byte, which is how their texts
/// compare; a key with other characters compares as text, as Unicode orders it.
struct PathOrder {
    private let bytes: [UInt8]
    /// The key as text, kept only when it is not ASCII.
    private let text: String?

    init(_ path: ModelPath) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(48)
        path.writeSortKey(into: &bytes)
        self.bytes = bytes
        text = bytes.allSatisfy { $0 < 0x80 } ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// Negative when `a`'s key sorts before `b`'s, zero when they are equal, positive after.
    static func compare(_ a: PathOrder, _ b: PathOrder) -> Int {
        if a.text != nil || b.text != nil {
            let x = a.text ?? String(decoding: a.bytes, as: UTF8.self)
            let y = b.text ?? String(decoding: b.bytes, as: UTF8.self)
            return x < y ? -1 : (y < x ? 1 : 0)
        }
        let common = min(a.bytes.count, b.bytes.count)
        // Both buffers hold at least `common` > 0 bytes, so neither address is nil.
        let order =
            common == 0
            ? 0
            : a.bytes.withUnsafeBufferPointer { x in
                b.bytes.withUnsafeBufferPointer { y in memcmp(x.baseAddress!, y.baseAddress!, common) }
            }
        return order != 0 ? Int(order) : a.bytes.count - b.bytes.count
    }
}
