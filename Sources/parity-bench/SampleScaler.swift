import Foundation

/// The scaled-sample profile: the bundled sample (`environments/`, `parity.yaml`,
/// `policies/`) grown to N production services by cloning every named item of every
/// environment `copies` times, copy k's names (and every reference to them) suffixed `-k`,
/// so the sample's drift and violations are cloned too. In `parity.yaml`, the variances and
/// waivers that name an item are cloned with them. Works on the text, so the files keep the
/// sample's style (block and flow collections, comments, anchors).
struct SampleScaler {
    var copies: Int
    /// The names of the sample's named items, collected from the blocks that get cloned.
    private(set) var names: Set<String> = []

    /// Scales `sample` (a folder with the three parts) into `folder`.
    static func write(sample: String, copies: Int, to folder: String) throws {
        var scaler = SampleScaler(copies: copies)
        let manager = FileManager.default
        let environments = sample + "/environments"
        let files = (manager.enumerator(atPath: environments)?.allObjects as? [String] ?? []).filter {
            $0.hasSuffix(".yaml")
        }.sorted()
        let texts = try files.map { try String(contentsOfFile: environments + "/" + $0, encoding: .utf8) }
        for text in texts { scaler.collectNames(text) }
        for (file, text) in zip(files, texts) {
            let path = folder + "/environments/" + file
            try manager.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try scaler.scaleEnvironment(text).write(toFile: path, atomically: true, encoding: .utf8)
        }
        let spec = try String(contentsOfFile: sample + "/parity.yaml", encoding: .utf8)
        try scaler.scaleSpec(spec).write(toFile: folder + "/parity.yaml", atomically: true, encoding: .utf8)
        try? manager.removeItem(atPath: folder + "/policies")
        try manager.copyItem(atPath: sample + "/policies", toPath: folder + "/policies")
    }

    /// How many production services the sample has, to turn N services into a number of copies.
    static func services(inSample sample: String) -> Int {
        let text =
            (try? String(contentsOfFile: sample + "/environments/production/services.yaml", encoding: .utf8)) ?? ""
        return max(1, text.split(separator: "\n").filter { $0.hasPrefix("  - name:") }.count)
    }

    // MARK: Blocks

    private struct Line {
        var text: Substring
        var indent: Int { text.prefix { $0 == " " }.count }
        var body: Substring { text.drop { $0 == " " } }
        var isSignificant: Bool { !body.isEmpty && body.first != "#" }
    }

    /// The ranges of lines holding the items of each outermost list of named items.
    private func namedLists(_ lines: [Line]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard line.isSignificant, !line.body.hasPrefix("- "), Self.isKeyLine(line.body) else {
                index += 1
                continue
            }
            guard let first = lines[(index + 1)...].firstIndex(where: \.isSignificant),
                  lines[first].indent >= line.indent,
                  lines[first].body.hasPrefix("- name:") || lines[first].body.hasPrefix("- {name:") else {
                index += 1
                continue
            }
            let itemIndent = lines[first].indent
            var end = first + 1
            while end < lines.count {
                let next = lines[end]
                if next.isSignificant,
                    next.indent < itemIndent || (next.indent == itemIndent && !next.body.hasPrefix("- "))
                {
                    break
                }
                end += 1
            }
            ranges.append(first..<end)
            index = end
        }
        return ranges
    }

    /// `services:` or `roles:   # a comment`: a key opening a block.
    private static func isKeyLine(_ body: Substring) -> Bool {
        let code = body.range(of: " #").map { body[..<$0.lowerBound] } ?? body
        return code.trimmingCharacters(in: .whitespaces).hasSuffix(":")
    }

    mutating func collectNames(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Line(text: $0) }
        for range in namedLists(lines) {
            for line in lines[range] {
                var rest = line.text[...]
                while let found = rest.range(of: "name: ") {
                    let before = found.lowerBound == rest.startIndex ? nil : rest[rest.index(before: found.lowerBound)]
                    rest = rest[found.upperBound...]
                    guard before == nil || before == " " || before == "{" || before == "," else { continue }
                    let name = rest.prefix(while: Self.isNameCharacter)
                    if !name.isEmpty { names.insert(String(name)) }
                }
            }
        }
    }

    func scaleEnvironment(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Line(text: $0) }
        var out = ""
        var index = 0
        for range in namedLists(lines) {
            for line in lines[index..<range.lowerBound] { out += line.text + "\n" }
            let block = lines[range].map { String($0.text) }.joined(separator: "\n") + "\n"
            for copy in 0..<copies { out += rename(block, copy: copy) }
            index = range.upperBound
        }
        for line in lines[index...] { out += line.text + "\n" }
        return String(out.dropLast())
    }

    /// The spec, with each item of an `allow` or `waivers` list that names an item cloned.
    func scaleSpec(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Line(text: $0) }
        var out = ""
        var index = 0
        var listIndent: Int?
        while index < lines.count {
            let line = lines[index]
            if line.isSignificant, line.body == "allow:" || line.body == "waivers:" {
                listIndent = line.indent
                out += line.text + "\n"
                index += 1
                continue
            }
            if let parent = listIndent, line.isSignificant, line.body.hasPrefix("- "), line.indent >= parent {
                var end = index + 1
                while end < lines.count, !lines[end].isSignificant || lines[end].indent > line.indent { end += 1 }
                let block = lines[index..<end].map { String($0.text) }.joined(separator: "\n") + "\n"
                let clones = rename(block, copy: 1, bracketedOnly: true) == block ? 1 : copies
                for copy in 0..<clones { out += rename(block, copy: copy, bracketedOnly: true) }
                index = end
                continue
            }
            if line.isSignificant, let parent = listIndent, line.indent <= parent { listIndent = nil }
            out += line.text + "\n"
            index += 1
        }
        return String(out.dropLast())
    }

    // MARK: Renaming

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-" || character == "_"
    }

    /// `text` with every whole-word name (not a mapping key) suffixed `-copy`; copy 0 as is.
    /// In the spec only the names in a path's brackets are items: `services[checkout-api]`.
    func rename(_ text: String, copy: Int, bracketedOnly: Bool = false) -> String {
        guard copy > 0 else { return text }
        let characters = Array(text)
        var out = ""
        out.reserveCapacity(characters.count + 64)
        var index = 0
        while index < characters.count {
            guard Self.isNameCharacter(characters[index]) else {
                out.append(characters[index])
                index += 1
                continue
            }
            var end = index
            while end < characters.count, Self.isNameCharacter(characters[end]) { end += 1 }
            let word = String(characters[index..<end])
            out += word
            let isKey =
                end < characters.count && characters[end] == ":"
                && (end + 1 == characters.count || characters[end + 1] == " " || characters[end + 1] == "\n")
            let bracketed =
                index > 0 && characters[index - 1] == "[" && end < characters.count && characters[end] == "]"
            if !isKey, !bracketedOnly || bracketed, names.contains(word) { out += "-\(copy)" }
            index = end
        }
        return out
    }
}
