/// A fast 64-bit hash of bytes, a word at a time (each mixed in by a multiply and a fold),
/// for telling texts apart where `Hasher` would cost more than the work it serves: the
/// fingerprint of a file of tens of megabytes, the look-up of a repeated text. Not seeded:
/// the same bytes hash alike in every process, so nothing an attacker writes should be kept
/// in a table by this hash alone (the tables that use it compare the bytes too).
public enum ByteHash {
    public static func hash(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
        func mix(_ word: UInt64) {
            state = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
            state ^= state >> 29
        }
        let words = raw.count / 8
        for index in 0..<words { mix(raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) }
        if words * 8 < raw.count {
            if raw.count >= 8 {
                // The last eight bytes, overlapping the words before: the tail without a loop.
                mix(raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self))
            } else {
                var tail: UInt64 = 0
                for (shift, byte) in raw.enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
                mix(tail)
            }
        }
        return state
    }
}
