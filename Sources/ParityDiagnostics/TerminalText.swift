/// Text made safe for a terminal: control and bidirectional-formatting characters from the
/// input (ESC, CR, BEL, OSC, U+202E...) are written as `\uXXXX` instead of being printed raw,
/// so a value, a key or a file name can never erase a line, fake a verdict, set the window
/// title or reorder what is read.
///
/// The escape is JSON's and CEL's own spelling, so inside a JSON or CEL string it reads back
/// as the same character: the pass is lossless there and can run over every output.
public enum TerminalText {
    /// One line of text from the input (a message, a file name, a key): every control
    /// character is escaped, line breaks and tabs too; a byte of a file name that is not UTF-8
    /// (as `FileName` holds it) reads `\xFF`.
    public static func escaped(_ text: String) -> String {
        guard needsEscaping(text.utf8, keepingBreaks: false) || FileName.holdsBlockScalar(text.utf8) else {
            return text
        }
        return String(
            decoding: escape(Array(text.utf8), keepingBreaks: false, keepingStyles: false, namingBytes: true),
            as: UTF8.self)
    }

    /// A whole output: as `escaped`, but line breaks and tabs stay, and with `keepingStyles`
    /// so do the colour sequences (`ESC [ digits m`) the renderers paint with. Bytes that are
    /// not UTF-8 pass through untouched.
    public static func sanitized(_ text: String, keepingStyles: Bool) -> String {
        guard needsEscaping(text.utf8, keepingBreaks: true) else { return text }
        return String(
            decoding: escape(Array(text.utf8), keepingBreaks: true, keepingStyles: keepingStyles), as: UTF8.self)
    }

    /// `sanitized` over bytes, for writers that print bytes as they are (`export --raw`).
    public static func sanitized(_ bytes: [UInt8], keepingStyles: Bool) -> [UInt8] {
        guard needsEscaping(bytes, keepingBreaks: true) else { return bytes }
        return escape(bytes, keepingBreaks: true, keepingStyles: keepingStyles)
    }

    /// `text` cut to `limit` Unicode scalars (with `...`), for quoting input in a message: a
    /// megabyte-long tag, key or pattern is no message.
    public static func clipped(_ text: String, to limit: Int = 80) -> String {
        guard text.utf8.count > limit else { return text }
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return text }
        return String(String.UnicodeScalarView(scalars.prefix(limit - 3))) + "..."
    }

    /// Whether `scalar` is one this type escapes (line breaks and tabs included).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `\u001B` for ESC: what `scalar` is shown as.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private static func needsEscaping(_ bytes: some Sequence<UInt8>, keepingBreaks: Bool) -> Bool {
        // A whole report is scanned: a generic `contains` over a string's UTF-8 view costs
        // ~45 instructions a byte; a loop over the contiguous bytes costs a few.
        let found = bytes.withContiguousStorageIfAvailable { needsEscaping(buffer: $0, keepingBreaks: keepingBreaks) }
        if let found { return found }
        return Array(bytes).withUnsafeBufferPointer { needsEscaping(buffer: $0, keepingBreaks: keepingBreaks) }
    }

    private static func needsEscaping(buffer: UnsafeBufferPointer<UInt8>, keepingBreaks: Bool) -> Bool {
        let table = keepingBreaks ? unsafeLeadsButBreaks : unsafeLeads
        return table.withUnsafeBufferPointer { isUnsafeLead in buffer.contains { isUnsafeLead[Int($0)] } }
    }

    /// For each byte, whether an unsafe scalar may start with it: every one starts with a byte
    /// below 0x20, 0x7F, or the lead bytes of U+0080-U+009F (0xC2), U+061C (0xD8) and the
    /// U+20xx formatting characters (0xE2). A table: one load a byte over a whole report.
    private static let unsafeLeads: [Bool] = (0...255).map { byte in
        byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
    }

    /// `unsafeLeads`, line breaks and tabs allowed.
    private static let unsafeLeadsButBreaks: [Bool] = unsafeLeads.enumerated().map { byte, unsafe in
        unsafe && byte != 0x0A && byte != 0x09
    }

    private static func escape(_ bytes: [UInt8], keepingBreaks: Bool, keepingStyles: Bool, namingBytes: Bool = false)
        -> [UInt8]
    {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if keepingBreaks, byte == 0x0A || byte == 0x09 {
                out.append(byte)
                offset += 1
                continue
            }
            if keepingStyles, byte == 0x1B, let end = styleEnd(bytes, from: offset) {
                out.append(contentsOf: bytes[offset..<end])
                offset = end
                continue
            }
            let (scalar, length) = decode(bytes, at: offset)
            if let scalar, isUnsafe(scalar) {
                out.append(contentsOf: escape(scalar).utf8)
            } else if namingBytes, let scalar, FileName.block.contains(scalar.value) {
                out.append(contentsOf: "\\x\(String(scalar.value - 0xF700, radix: 16, uppercase: true))".utf8)
            } else {
                out.append(contentsOf: bytes[offset..<offset + length])
            }
            offset += length
        }
        return out
    }

    /// Where a colour sequence `ESC [ digits-and-semicolons m` starting at `start` ends.
    private static func styleEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard start + 2 < bytes.count, bytes[start + 1] == UInt8(ascii: "[") else { return nil }
        var index = start + 2
        while index < bytes.count, index - start < 16 {
            let byte = bytes[index]
            if byte == UInt8(ascii: "m") { return index + 1 }
            guard (0x30...0x39).contains(byte) || byte == UInt8(ascii: ";") else { return nil }
            index += 1
        }
        return nil
    }

    /// The scalar at `offset` and its length in bytes; nil (length 1) for a byte that does
    /// not start well-formed UTF-8.
    private static func decode(_ bytes: [UInt8], at offset: Int) -> (Unicode.Scalar?, Int) {
        let lead = bytes[offset]
        let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
        guard length > 0, offset + length <= bytes.count else { return (nil, 1) }
        var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
        for index in offset + 1..<offset + length {
            guard bytes[index] & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(bytes[index] & 0x3F)
        }
        return (Unicode.Scalar(value), length)
    }
}
