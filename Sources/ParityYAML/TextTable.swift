import Foundation
import ParityDiagnostics

/// The texts a reader has made, found again by their bytes: a large file writes the same long
/// texts (a runbook's address, a role's permission, a network's id) thousands of times, and
/// each made anew was an allocation that the model then kept. A repeated text is one string,
/// shared.
///
/// Only texts too long to be stored inline in a `String` (more than 15 bytes) are kept: a
/// shorter one costs no allocation. Open addressing over a power-of-two table, at most half full.
struct TextTable {
    private var hashes: [UInt64] = []
    private var texts: [String?] = []
    private var count = 0

    static let maximumProbes = 32

    /// The longest text kept inline in a `String`, on 64-bit platforms.
    static let inlineBytes = 15

    /// `bytes` as a string: the one made before for the same bytes, if any. `bytes` are UTF-8.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > Self.inlineBytes else { return String(decoding: bytes, as: UTF8.self) }
        if count * 2 >= texts.count { grow() }
        let hash = ByteHash.hash(UnsafeRawBufferPointer(bytes))
        let mask = texts.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        var probes = 0
        while let known = texts[slot] {
            if hashes[slot] == hash, Self.equal(known, bytes) { return known }
            // Texts written to collide (the hash is not seeded) are made afresh past a few
            // probes, so no file can make the look-ups quadratic.
            probes += 1
            if probes == Self.maximumProbes { return String(decoding: bytes, as: UTF8.self) }
            slot = (slot + 1) & mask
        }
        let text = String(decoding: bytes, as: UTF8.self)
        hashes[slot] = hash
        texts[slot] = text
        count += 1
        return text
    }

    private mutating func grow() {
        let old = (hashes, texts)
        let size = max(64, texts.count * 2)
        hashes = Array(repeating: 0, count: size)
        texts = Array(repeating: nil, count: size)
        let mask = size - 1
        for (hash, text) in zip(old.0, old.1) {
            guard let text else { continue }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while texts[slot] != nil { slot = (slot + 1) & mask }
            hashes[slot] = hash
            texts[slot] = text
        }
    }

    private static func equal(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // A string this table made is native, so its UTF-8 is contiguous.
        text.utf8.withContiguousStorageIfAvailable { known in
            known.count == bytes.count && memcmp(known.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        } ?? text.utf8.elementsEqual(bytes)
    }
}
