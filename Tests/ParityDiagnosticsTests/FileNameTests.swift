import Foundation
import Testing
@testable import ParityDiagnostics

/// File names in bytes that are not UTF-8 survive the trip into a `String` and back, so a
/// listed file can be opened again (issue 17, point 17).
@Suite struct FileNameTests {
    static let names: [[UInt8]] = [
        Array("staging.yaml".utf8),
        Array("st".utf8) + [0xFF] + Array("ging.yaml".utf8),
        [0xC3, 0x28, 0x80, 0xFE],  // a broken two-byte sequence, a lone continuation, a byte UTF-8 never uses
        Array("ü\u{F780}\u{F7FF}.yaml".utf8),  // real scalars of the stand-in block
        [0xEF, 0x9E],  // the block's first bytes, cut short
    ]

    @Test(arguments: names)
    func bytesComeBackExactly(_ bytes: [UInt8]) {
        let name = FileName.string(bytes: bytes)
        #expect(FileName.bytes(name) == bytes)
        FileName.withPath(name) { path in
            #expect(strlen(path) == bytes.count)
            #expect(memcmp(path, bytes, bytes.count) == 0)
        }
    }

    @Test func aUTF8NameIsItself() {
        #expect(FileName.string(bytes: Array("plain ü.yaml".utf8)) == "plain ü.yaml")
    }

    @Test func aByteThatIsNotUTF8ReadsAsItsHexInAMessage() {
        let name = FileName.string(bytes: Array("st".utf8) + [0xFF] + Array("ging.yaml".utf8))
        #expect(TerminalText.escaped(name) == #"st\xFFging.yaml"#)
    }

    @Test func aListedNameOpensByItsBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = Array((folder.path + "/b").utf8) + [0xFF] + Array(".yaml".utf8)
        let descriptor = bytes.withUnsafeBufferPointer { buffer -> Int32 in
            let path = Array(buffer) + [0]
            return path.withUnsafeBufferPointer { creat(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), 0o644) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let name = FileName.string(bytes: bytes)
        #expect(FileName.kind(of: name) == (exists: true, isDirectory: false))
        #expect(!FileManager.default.fileExists(atPath: name))  // what a lossy name would find
    }
}
