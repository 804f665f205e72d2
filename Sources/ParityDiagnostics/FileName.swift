#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File names as the kernel keeps them, bytes that need not be UTF-8, held in a `String`
/// without loss: each byte that is not part of well-formed UTF-8 is written as one scalar of
/// the private-use block U+F780...U+F7FF (byte 0x80 + n as U+F780 + n), so a file listed with
/// a name like `st\xFFging.yaml` can be opened again by the bytes of its name.
///
/// A name that really holds a scalar of that block has its three UTF-8 bytes written the same
/// way, so reading and writing back are exact both ways. Every path Parity opens goes through
/// `withPath`; command-line arguments and folder listings come in through `string(bytes:)`.
public enum FileName {
    /// The scalar standing for the byte `0x80 + n` is `U+F780 + n`.
    static let block: ClosedRange<UInt32> = 0xF780...0xF7FF

    /// The name whose bytes are `bytes` (no NUL among them).
    public static func string(bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        if let text = String(validating: bytes, as: UTF8.self), !holdsBlockScalar(bytes) { return text }
        var scalars = String.UnicodeScalarView()
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        func standIn(_ range: Range<Int>) {
            for byte in bytes[range] { scalars.append(Unicode.Scalar(0xF700 + UInt32(byte))!) }  // 0xF780...0xF7FF
        }
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if block.contains(scalar.value) { standIn(offset..<offset + encoded.count) } else { scalars.append(scalar) }
                offset += encoded.count
            case .error(let length):
                standIn(offset..<offset + length)
                offset += length
            case .emptyInput:
                break loop
            }
        }
        return String(scalars)
    }

    /// The process's arguments after the program's name, each read by its bytes (where
    /// `CommandLine.arguments` replaces bytes that are not UTF-8 with U+FFFD).
    public static var commandLineArguments: [String] {
        (0..<Int(CommandLine.argc)).dropFirst().compactMap { index in
            CommandLine.unsafeArgv[index].map { argument in
                string(bytes: UnsafeBufferPointer(start: argument, count: strlen(argument)).map { UInt8(bitPattern: $0) })
            }
        }
    }

    /// The bytes of the name `name` stands for.
    public static func bytes(_ name: String) -> [UInt8] {
        guard holdsBlockScalar(name.utf8) else { return Array(name.utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            if block.contains(scalar.value) {
                bytes.append(UInt8(scalar.value - 0xF700))
            } else {
                bytes.append(contentsOf: UTF8.encode(scalar)!)  // every scalar has a UTF-8 form
            }
        }
        return bytes
    }

    /// Calls `body` with the NUL-terminated bytes of `path`, for the system calls that open it.
    public static func withPath<Result>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> Result) rethrows
        -> Result
    {
        guard holdsBlockScalar(path.utf8) else { return try path.withCString(body) }
        let bytes = self.bytes(path) + [0]
        return try bytes.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }  // never empty: the NUL
        }
    }

    /// Whether `path` names something, and what: a folder or not (a link to a folder is one
    /// only `followingLinks`).
    public static func kind(of path: String, followingLinks: Bool = true) -> (exists: Bool, isDirectory: Bool) {
        var status = stat()
        guard withPath(path, { followingLinks ? stat($0, &status) : lstat($0, &status) }) == 0 else {
            return (false, false)
        }
        return (true, status.st_mode & S_IFMT == S_IFDIR)
    }

    /// Whether the UTF-8 `bytes` hold a scalar of the stand-in block (`EF 9E 80` to `EF 9F BF`).
    static func holdsBlockScalar(_ bytes: some Collection<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == 0xEF, byte == 0x9E || byte == 0x9F { return true }
            previous = byte
        }
        return false
    }
}
