internal import CYAML
public import ParityDiagnostics

/// Where the values of secret keys are written in a file, found from libyaml's events rather
/// than from the text, so a quoted line can hide them whatever their style, tags or anchors.
///
/// A file too broken to parse hides everything after a secret key whose value did not
/// finish: what follows may be the secret itself. And a secret written over several lines
/// whose next line fell out of its block at a key's indentation (`value: |`, its lines, then
/// `  MORE-OF-IT: x`) parses as a key: a key right after such a secret that is none of the
/// `fields` the file may hold is taken for its continuation and hidden with its value, and so
/// is each such key after it, up to the next real field.
public enum SecretRegions {
    /// The regions of `bytes` holding the value of a mapping key in `keys`, of the anchored
    /// nodes such a value aliases, and of the keys of no name in `fields` that follow a
    /// multi-line secret (none when `fields` is empty).
    public static func find(
        in bytes: [UInt8], keys: Set<String>, fields: Set<String> = [], maxNodes: Int = LoaderLimits.default.maxNodes
    ) -> [SourceRegion] {
        guard !keys.isEmpty else { return [] }
        return find(in: bytes, rule: Rule(isSecretKey: { keys.contains($0) }, fields: fields, maxNodes: maxNodes))
    }

    /// What is secret in a file: the values of the keys `isSecretKey` accepts, and the
    /// scalars `isSecretScalar` accepts wherever they stand (`PASSWORD=...` as a list item,
    /// a URL with a password), and what follows a multi-line secret that is none of `fields`.
    /// Past `maxNodes` events in a document (the loader refuses it) the rest is hidden unread.
    public struct Rule: Sendable {
        public var isSecretKey: @Sendable (String) -> Bool
        public var isSecretScalar: (@Sendable (String) -> Bool)?
        public var fields: Set<String>
        public var maxNodes: Int

        public init(
            isSecretKey: @escaping @Sendable (String) -> Bool, isSecretScalar: (@Sendable (String) -> Bool)? = nil,
            fields: Set<String> = [], maxNodes: Int = LoaderLimits.default.maxNodes
        ) {
            self.isSecretKey = isSecretKey
            self.isSecretScalar = isSecretScalar
            self.fields = fields
            self.maxNodes = maxNodes
        }
    }

    /// The regions of `bytes` that `rule` calls secret, and of the anchored nodes a secret aliases.
    public static func find(in bytes: [UInt8], rule: Rule) -> [SourceRegion] {
        guard !bytes.isEmpty else { return [] }
        // libyaml reads UTF-16 after its byte-order mark, and its marks then count UTF-16
        // characters: no line of the file as quoted (its bytes as UTF-8) can be told apart
        // from a secret, so all of it is hidden.
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            return [SourceRegion(startLine: 1, startColumn: 1, endLine: .max, endColumn: .max)]
        }
        return bytes.withUnsafeBufferPointer { buffer in
            var scan = Scan(events: EventParser(bytes: buffer, file: ""), rule: rule)
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
        /// The key just read is taken for a secret's continuation (and hidden).
        var continuationKey = false
        /// Where this collection starts, when it is itself a secret value.
        var secretStart: yaml_mark_t?
        var anchor: String?
        var start: yaml_mark_t
    }

    private struct Scan {
        let events: EventParser
        let rule: Rule
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
        /// The node read last was a multi-line secret value, or a continuation of one: a key of
        /// no known name read next is its continuation too.
        var afterMultiLineSecret = false
        /// Events read in the current document.
        var nodes = 0

        init(events: EventParser, rule: Rule) {
            self.events = events
            self.rule = rule
        }

        mutating func run() {
            while true {
                let type: yaml_event_type_t
                do {
                    type = try events.next()
                } catch {
                    if let start = openSecret ?? lastSecretEnd { regions.append(region(from: start, toEnd: nil)) }
                    // Bytes that are not text (a NUL, a broken sequence): what follows them is unread.
                    if error.code == .yamlEncoding, let place = error.location {
                        regions.append(
                            SourceRegion(startLine: place.line, startColumn: place.column, endLine: .max, endColumn: .max))
                    }
                    return
                }
                lastSecretEnd = nil
                let event = events.event.pointee
                // A file past the loader's node limit is refused there; the scan stops too
                // (a 64 MiB flow list is 33 million events) and hides what it did not read.
                nodes += 1
                guard nodes <= rule.maxNodes else {
                    regions.append(region(from: event.start_mark, toEnd: nil))
                    return
                }
                switch type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_SCALAR_EVENT:
                    let anchor = Self.string(event.data.scalar.anchor)
                    let span = region(from: event.start_mark, toEnd: event.end_mark)
                    if let anchor { anchored[anchor] = span }
                    let isKey = stack.last.map { $0.isMapping && $0.expectsKey } ?? false
                    let text = { () -> String in
                        String(
                            decoding: UnsafeBufferPointer(
                                start: event.data.scalar.value, count: event.data.scalar.length), as: UTF8.self)
                    }
                    if isKey {
                        let text = text()
                        let secret = rule.isSecretKey(text)
                        let continuation = afterMultiLineSecret && !secret && !rule.fields.contains(text)
                        afterMultiLineSecret = false
                        if continuation || rule.isSecretScalar?(text) == true { regions.append(span) }
                        stack[stack.count - 1].secretKey = secret || continuation
                        stack[stack.count - 1].continuationKey = continuation
                        if secret || continuation { openSecret = event.end_mark }
                    } else if valueIsSecret {
                        regions.append(span)
                        lastSecretEnd = event.end_mark
                        let style = event.data.scalar.style
                        let multiLine =
                            style == YAML_LITERAL_SCALAR_STYLE || style == YAML_FOLDED_SCALAR_STYLE
                            || event.start_mark.line != event.end_mark.line
                        endSecretValue(multiLine: multiLine)
                    } else {
                        afterMultiLineSecret = false
                        if let isSecretScalar = rule.isSecretScalar, isSecretScalar(text()) { regions.append(span) }
                    }
                    advance()
                case YAML_ALIAS_EVENT:
                    if !(stack.last.map { $0.isMapping && $0.expectsKey } ?? false), valueIsSecret,
                        let anchor = Self.string(event.data.alias.anchor), let span = anchored[anchor]
                    {
                        regions.append(span)
                    }
                    afterMultiLineSecret = false
                    advance()
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = type == YAML_MAPPING_START_EVENT
                    let anchor = Self.string(
                        isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                    let secret = valueIsSecret && !(stack.last.map { $0.isMapping && $0.expectsKey } ?? false)
                    if secret, openSecret == nil { openSecret = event.start_mark }
                    // A new item of a list starts with its own first key, which decides.
                    if !isMapping { afterMultiLineSecret = false }
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
                        endSecretValue(multiLine: start.line != event.end_mark.line)
                    }
                    // Past the end of a collection, what fell out of a secret lands in an outer one.
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

        /// After the whole value of a secret key (not a node inside one): whether a key of no
        /// known name read next is taken for its continuation.
        private mutating func endSecretValue(multiLine: Bool) {
            guard let last = stack.last, last.isMapping, !last.expectsKey, secretDepth == 0 else { return }
            afterMultiLineSecret = !rule.fields.isEmpty && (multiLine || last.continuationKey)
        }

        /// After a whole node: a mapping expects its next key or value.
        private mutating func advance() {
            guard let last = stack.last, last.isMapping else { return }
            if !last.expectsKey {
                stack[stack.count - 1].secretKey = false
                stack[stack.count - 1].continuationKey = false
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
