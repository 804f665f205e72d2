import Synchronization
import Testing
@testable import ParityDiagnostics

/// A file registered to be read again keeps only its fingerprint until a line of it is quoted.
@Suite struct SourceStoreTests {
    /// What a file holds on "disk", and how often it was read.
    final class Disk: Sendable {
        let bytes: Mutex<[UInt8]>
        let reads = Atomic<Int>(0)

        init(_ text: String) { bytes = Mutex(Array(text.utf8)) }

        func read() -> [UInt8]? {
            reads.add(1, ordering: .relaxed)
            return bytes.withLock { $0 }
        }
    }

    @Test func readsTheFileAgainOnlyWhenALineIsQuoted() {
        let text = "a: 1\nb: 2\n"
        let disk = Disk(text)
        let sources = SourceStore()
        sources.register("env.yaml", bytes: Array(text.utf8)) { disk.read() }
        #expect(disk.reads.load(ordering: .relaxed) == 0)
        #expect(sources.files == ["env.yaml"])
        #expect(sources.line(2, of: "env.yaml") == "b: 2")
        #expect(sources.lineBytes(1, of: "env.yaml").map(Array.init) == Array("a: 1".utf8))
        #expect(sources.index(ofColumn: 4, onLine: 1, of: "env.yaml") == 3)
        // Read once, then kept.
        #expect(disk.reads.load(ordering: .relaxed) == 1)
    }

    @Test func aChangedFileIsNotQuoted() {
        let disk = Disk("a: 1\nb: 2\n")
        let sources = SourceStore()
        sources.register("env.yaml", bytes: Array("a: 1\nb: 2\n".utf8)) { disk.read() }
        // The same length, one byte changed: the fingerprint tells them apart.
        disk.bytes.withLock { $0 = Array("a: 1\nb: 3\n".utf8) }
        #expect(sources.line(2, of: "env.yaml") == nil)
        #expect(sources.hiddenRegions(of: "env.yaml").isEmpty)
        // Nor is a file that can no longer be read.
        let gone = SourceStore()
        gone.register("gone.yaml", bytes: Array("x: 1\n".utf8)) { nil }
        #expect(gone.line(1, of: "gone.yaml") == nil)
    }

    @Test func registeringTheBytesAgainReplacesTheRereading() {
        let disk = Disk("old\n")
        let sources = SourceStore()
        sources.register("f", bytes: Array("old\n".utf8)) { disk.read() }
        sources.register("f", bytes: Array("new\n".utf8))
        #expect(sources.line(1, of: "f") == "new")
        #expect(disk.reads.load(ordering: .relaxed) == 0)
        #expect(sources.files == ["f"])
    }

    @Test func fingerprintsTellBytesApart() {
        let base = Array("services:\n  - name: checkout-api\n".utf8)
        #expect(SourceStore.Fingerprint(base) == SourceStore.Fingerprint(base))
        // Every single-byte change, and every cut, gives another fingerprint; so do the tails
        // shorter than a word.
        for index in base.indices {
            var changed = base
            changed[index] ^= 0x20
            #expect(SourceStore.Fingerprint(changed) != SourceStore.Fingerprint(base))
            #expect(SourceStore.Fingerprint(Array(base[..<index])) != SourceStore.Fingerprint(base))
        }
        #expect(SourceStore.Fingerprint([]) != SourceStore.Fingerprint([0]))
        #expect(SourceStore.Fingerprint([0]) != SourceStore.Fingerprint([0, 0]))
    }
}
