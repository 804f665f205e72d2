import ParityYAML

/// Hides the text of secrets in a file's bytes before they are kept for quoting in
/// diagnostics, so a problem on a line that holds a secret never prints the secret.
///
/// Each character of a secret becomes `*`, so columns, and so carets, stay where they were.
enum SecretMask {
    /// The secret nodes of a document of a kind Parity reads (none for any other YAML), for
    /// writers that print nodes as they are: `export --raw`, `eval --input`.
    static func secretNodes(of root: Node) -> Set<ObjectIdentifier> {
        guard case (let kind?, _) = DocumentHeader.kind(of: root), let schema = kind.schema else { return [] }
        return Set(SchemaDecoder().decode(root, as: schema).secrets.map(ObjectIdentifier.init))
    }

    static func mask(_ bytes: [UInt8], secrets: [Node]) -> [UInt8] {
        guard !secrets.isEmpty else { return bytes }
        let lines = lineStarts(bytes)
        var hidden = [Bool](repeating: false, count: bytes.count)
        for node in secrets {
            guard let scalar = node.scalar, node.location.line >= 1, node.location.line <= lines.count else { continue }
            var offset = advance(bytes, from: lines[node.location.line - 1], scalars: node.location.column - 1)
            switch scalar.style {
            case .plain:
                var remaining = scalar.text.unicodeScalars.count
                while remaining > 0, offset < bytes.count, !isBreak(bytes[offset]) {
                    offset = hide(bytes, at: offset, in: &hidden)
                    remaining -= 1
                }
            case .singleQuoted, .doubleQuoted:
                guard offset < bytes.count else { continue }
                let quote = bytes[offset]
                offset += 1
                while offset < bytes.count {
                    let byte = bytes[offset]
                    if byte == quote {
                        // Inside single quotes, '' is a quote, not the end.
                        guard quote == 0x27, offset + 1 < bytes.count, bytes[offset + 1] == 0x27 else { break }
                        offset = hide(bytes, at: hide(bytes, at: offset, in: &hidden), in: &hidden)
                        continue
                    }
                    if quote == 0x22, byte == 0x5C, offset + 1 < bytes.count, !isBreak(bytes[offset + 1]) {
                        // A backslash escape: hide the escaped character with it, even a quote.
                        offset = hide(bytes, at: hide(bytes, at: offset, in: &hidden), in: &hidden)
                        continue
                    }
                    offset = isBreak(byte) ? offset + 1 : hide(bytes, at: offset, in: &hidden)
                }
            case .literal, .folded:
                // The content lines follow the indicator; hide each of them whole.
                // The text's last line break ends its last line; it starts none.
                let text = scalar.text.hasSuffix("\n") ? scalar.text.dropLast() : Substring(scalar.text)
                let count = text.split(separator: "\n", omittingEmptySubsequences: false).count
                for line in node.location.line..<min(lines.count, node.location.line + count) {
                    var position = lines[line]
                    while position < bytes.count, bytes[position] == 0x20 { position += 1 }
                    while position < bytes.count, !isBreak(bytes[position]) { position = hide(bytes, at: position, in: &hidden) }
                }
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var offset = 0
        while offset < bytes.count {
            let end = scalarEnd(bytes, offset)
            if hidden[offset] { out.append(UInt8(ascii: "*")) } else { out.append(contentsOf: bytes[offset..<end]) }
            offset = end
        }
        return out
    }

    private static func isBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }

    /// Marks the character at `offset` hidden; returns where the next one starts.
    private static func hide(_ bytes: [UInt8], at offset: Int, in hidden: inout [Bool]) -> Int {
        hidden[offset] = true
        return scalarEnd(bytes, offset)
    }

    private static func scalarEnd(_ bytes: [UInt8], _ offset: Int) -> Int {
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }

    private static func advance(_ bytes: [UInt8], from start: Int, scalars: Int) -> Int {
        var offset = start
        for _ in 0..<max(0, scalars) where offset < bytes.count { offset = scalarEnd(bytes, offset) }
        return offset
    }

    /// Where each line starts, counting line breaks as the source store does.
    private static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var offset = 0
        while offset < bytes.count {
            if bytes[offset] == 0x0D, offset + 1 < bytes.count, bytes[offset + 1] == 0x0A { offset += 1 }
            if isBreak(bytes[offset]) { starts.append(offset + 1) }
            offset += 1
        }
        return starts
    }
}
