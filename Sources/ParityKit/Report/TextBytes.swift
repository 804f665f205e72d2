import ParityDiagnostics

/// A report's text built as UTF-8 bytes. Appending to one `String` piece by piece costs a few
/// hundred instructions a piece (each append looks for a grapheme boundary, each
/// interpolation makes a string first); appending bytes is a copy. A drifted pair has
/// hundreds of thousands of gap lines, each a dozen pieces.
struct TextBytes {
    private(set) var bytes: [UInt8] = []
    /// The names of the files locations were written in, as bytes: a report's locations are
    /// in a handful of files (a gap's two sides in two), each looked up once.
    private var fileNames: [(key: SourceLocation.File, name: [UInt8])] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ text: String) {
        bytes.appendUTF8(of: text)
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// A number in decimal, without making a string of it.
    mutating func append(_ number: Int) {
        guard number != 0 else { return bytes.append(UInt8(ascii: "0")) }
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        // The digits, last first, into a scratch buffer, then appended in one copy.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var magnitude = number.magnitude
            var start = digits.count
            while magnitude > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// `file:line:col`, as `SourceLocation.description` writes it.
    mutating func append(_ location: SourceLocation) {
        let key = location.fileKey
        if let known = fileNames.firstIndex(where: { $0.key == key }) {
            bytes.append(contentsOf: fileNames[known].name)
        } else {
            let name = Array(location.file.utf8)
            if fileNames.count < 16 { fileNames.append((key, name)) }
            bytes.append(contentsOf: name)
        }
        guard location.line > 0 else { return }
        bytes.append(UInt8(ascii: ":"))
        append(location.line)
        bytes.append(UInt8(ascii: ":"))
        append(location.column)
    }

    /// ` (` the pieces `)`.
    mutating func append(parenthesized pieces: String...) {
        bytes.append(contentsOf: " (".utf8)
        for piece in pieces { bytes.appendUTF8(of: piece) }
        bytes.append(UInt8(ascii: ")"))
    }

    mutating func append(_ path: ModelPath) {
        path.write(into: &bytes)
    }

    /// Appends what another buffer holds (a piece of the report written on another core).
    mutating func append(_ other: TextBytes) {
        bytes.append(contentsOf: other.bytes)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

extension [UInt8] {
    /// Appends `text`'s UTF-8 in one copy: appending a string's `utf8` view as a sequence
    /// costs over a hundred instructions a call, and a report makes millions.
    mutating func appendUTF8(of text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}
