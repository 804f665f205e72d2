import Foundation

/// Many paths' `ModelPath.sortKey`s as UTF-8 bytes, for sorting them: a drifted pair sorts
/// hundreds of thousands of gaps, and joining each key as a `String` cost thousands of
/// instructions. The keys are written one after another into one buffer (an array for each
/// was as large again as the gaps it sorted, while the pair was at its largest). ASCII keys
/// (nearly all) compare byte by byte, which is how their texts compare; a key with other
/// characters compares as text, as Unicode orders it.
struct PathOrder {
    private var bytes: [UInt8] = []
    /// Where each key ends in `bytes`; key `i` starts where key `i - 1` ends.
    private var ends: [Int] = []
    /// The keys with other characters than ASCII, as text, by position.
    private var texts: [Int: String] = [:]

    init(_ paths: some Collection<ModelPath>) {
        bytes.reserveCapacity(paths.count * 48)
        ends.reserveCapacity(paths.count)
        for path in paths {
            let start = bytes.count
            path.writeSortKey(into: &bytes)
            if bytes[start...].contains(where: { $0 >= 0x80 }) {
                texts[ends.count] = String(decoding: bytes[start...], as: UTF8.self)
            }
            ends.append(bytes.count)
        }
    }

    private func range(of key: Int) -> Range<Int> {
        (key == 0 ? 0 : ends[key - 1])..<ends[key]
    }

    /// Less than zero when key `a` sorts first, zero when the keys are equal, greater than zero when `b` does.
    func compare(_ a: Int, _ b: Int) -> Int {
        if !texts.isEmpty, texts[a] != nil || texts[b] != nil {
            let x = texts[a] ?? String(decoding: bytes[range(of: a)], as: UTF8.self)
            let y = texts[b] ?? String(decoding: bytes[range(of: b)], as: UTF8.self)
            return x < y ? -1 : (y < x ? 1 : 0)
        }
        let x = range(of: a), y = range(of: b)
        let common = min(x.count, y.count)
        guard common > 0 else { return x.count - y.count }
        // Both ranges hold at least `common` > 0 bytes of a buffer that is not empty.
        let order = bytes.withUnsafeBufferPointer { buffer in
            memcmp(buffer.baseAddress! + x.lowerBound, buffer.baseAddress! + y.lowerBound, common)
        }
        return order != 0 ? Int(order) : x.count - y.count
    }
}
