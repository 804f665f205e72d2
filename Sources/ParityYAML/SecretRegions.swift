internal import CYAML
public import ParityDiagnostics

/// Where the values of secret keys are written in a file, found from libyaml's events rather
/// than from the text, so a quoted line can hide them whatever their style, tags or anchors.
///
/// A file too broken to parse hides everything after a secret key whose value did not
/// finish: what follows may be the secret itself.
public enum SecretRegions {
    /// The regions of `bytes` holding the value of a mapping key in `keys`, and of the
    /// anchored nodes such a value aliases.
    public static func find(in bytes: [UInt8], keys: Set<String>) -> [SourceRegion] {
        guard !keys.isEmpty, !bytes.isEmpty else { return [] }
        return bytes.withUnsafeBufferPointer { buffer in
            var scan = Scan(events: EventParser(bytes: buffer, file: ""), keys: keys)
            scan.run()
            return scan.regions
        }
    }

    private struct Frame {
        var isMapping: Bool
        /// Mapping: whether the next node is a key.
        var expectsKey = true
        /// The key just read names a secret.
        var secretKey = false
        /// Where this collection starts, when it is itself a secret value.
        var secretStart: yaml_mark_t?
        var anchor: String?
        var start: yaml_mark_t
    }

    private struct Scan {
        let events: EventParser
        let keys: Set<String>
        var stack: [Frame] = []
        var anchored: [String: SourceRegion] = [:]
        var regions: [SourceRegion] = []
        /// How many open collections are secret values themselves.
        var secretDepth = 0
        /// Where the secret value read last ends, until another event comes: if the parse
        /// fails there, the failing text may be the secret's own continuation line.
        var lastSecretEnd: yaml_mark_t?
        /// Where a secret key's value that has not finished starts.
        var openSecret: yaml_mark_t?

        init(events: EventParser, keys: Set<String>) {
            self.events = events
            self.keys = keys
        }

        mutating func run() {
            while true {
                let type: yaml_event_type_t
                do {
                    type = try events.next()
                } catch {
                    if let start = openSecret ?? lastSecretEnd { regions.append(region(from: start, toEnd: nil)) }
                    return
                }
                lastSecretEnd = nil
                let event = events.event.pointee
                switch type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_SCALAR_EVENT:
                    let anchor = Self.string(event.data.scalar.anchor)
                    let span = region(from: event.start_mark, toEnd: event.end_mark)
                    if let anchor { anchored[anchor] = span }
                    let isKey = stack.last.map { $0.isMapping && $0.expectsKey } ?? false
                    if isKey {
                        let text = String(
                            decoding: UnsafeBufferPointer(
                                start: event.data.scalar.value, count: event.data.scalar.length), as: UTF8.self)
                        stack[stack.count - 1].secretKey = keys.contains(text)
                        if keys.contains(text) { openSecret = event.end_mark }
                    } else if valueIsSecret {
                        regions.append(span)
                        lastSecretEnd = event.end_mark
                    }
                    advance()
                case YAML_ALIAS_EVENT:
                    if !(stack.last.map { $0.isMapping && $0.expectsKey } ?? false), valueIsSecret,
                        let anchor = Self.string(event.data.alias.anchor), let span = anchored[anchor]
                    {
                        regions.append(span)
                    }
                    advance()
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = type == YAML_MAPPING_START_EVENT
                    let anchor = Self.string(
                        isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                    let secret = valueIsSecret && !(stack.last.map { $0.isMapping && $0.expectsKey } ?? false)
                    if secret, openSecret == nil { openSecret = event.start_mark }
                    if secret { secretDepth += 1 }
                    // Deeper than the loader reads is an error there; here, the end of the scan.
                    guard stack.count < LoaderLimits.default.maxDepth else {
                        if let openSecret { regions.append(region(from: openSecret, toEnd: nil)) }
                        return
                    }
                    stack.append(
                        Frame(
                            isMapping: isMapping, secretStart: secret ? event.start_mark : nil, anchor: anchor,
                            start: event.start_mark))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let frame = stack.popLast() else { continue }
                    let span = region(from: frame.start, toEnd: event.end_mark)
                    if let anchor = frame.anchor { anchored[anchor] = span }
                    if let start = frame.secretStart {
                        regions.append(region(from: start, toEnd: event.end_mark))
                        lastSecretEnd = event.end_mark
                        secretDepth -= 1
                        if secretDepth == 0 { openSecret = nil }
                    }
                    advance()
                default:
                    continue
                }
            }
        }

        /// Whether the node being read is a secret: the value of a secret key, or inside one.
        private var valueIsSecret: Bool {
            guard let last = stack.last else { return false }
            return (last.isMapping && !last.expectsKey && last.secretKey) || secretDepth > 0
        }

        /// After a whole node: a mapping expects its next key or value.
        private mutating func advance() {
            guard let last = stack.last, last.isMapping else { return }
            if !last.expectsKey {
                stack[stack.count - 1].secretKey = false
                if secretDepth == 0 { openSecret = nil }
            }
            stack[stack.count - 1].expectsKey.toggle()
        }

        private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }

        /// From a mark to an end mark (exclusive), or to the end of the file.
        private func region(from start: yaml_mark_t, toEnd end: yaml_mark_t?) -> SourceRegion {
            let from = events.position(start)
            let to = end.map(events.position) ?? (line: Int.max, column: Int.max)
            return SourceRegion(startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column)
        }
    }
}
