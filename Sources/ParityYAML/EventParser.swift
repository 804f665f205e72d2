internal import CYAML
import Foundation
import ParityDiagnostics

/// libyaml's event parser over a buffer of bytes; frees what libyaml allocated in `deinit`.
///
/// The buffer must outlive the parser: `reading(_:file:_:)` makes both inside one
/// `withUnsafeBufferPointer` scope. No libyaml pointer leaves this module.
final class EventParser {
    let parser: UnsafeMutablePointer<yaml_parser_t>
    let event: UnsafeMutablePointer<yaml_event_t>
    private var holdsEvent = false
    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: String
    /// The file as locations hold it, looked up once rather than once per node.
    private let fileKey: SourceLocation.File

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        fileKey = SourceLocation.File(file)
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        // The loader never passes a buffer without an address (see `YAMLLoader.load`).
        yaml_parser_set_input_string(parser, bytes.baseAddress!, bytes.count)
    }

    /// `body`'s result over a parser of `bytes`, read from `file`. The parser reads the bytes
    /// in place, so it is valid only inside `body`.
    static func reading<Result>(_ bytes: [UInt8], file: String, _ body: (EventParser) -> Result) -> Result {
        // libyaml needs an address even for no bytes.
        let storage = bytes.isEmpty ? [0] : bytes
        return storage.withUnsafeBufferPointer { whole in
            body(EventParser(bytes: UnsafeBufferPointer(rebasing: whole[0..<bytes.count]), file: file))
        }
    }

    deinit {
        if holdsEvent { yaml_event_delete(event) }
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
    }

    /// Advances to the next event, which `event` then holds until the next call.
    func next() throws(Diagnostic) -> yaml_event_type_t {
        if holdsEvent {
            yaml_event_delete(event)
            holdsEvent = false
        }
        guard yaml_parser_parse(parser, event) == 1 else { throw error() }
        holdsEvent = true
        return event.pointee.type
    }

    /// The location of a libyaml mark.
    func location(_ mark: yaml_mark_t) -> SourceLocation {
        let (line, column) = position(mark)
        return SourceLocation(file: fileKey, line: line, column: column)
    }

    /// The 1-based line and column of a libyaml mark, lines broken only at LF, CR and CRLF
    /// as editors break them: libyaml also breaks at NEL, LS and PS (YAML 1.1's breaks).
    func position(_ mark: yaml_mark_t) -> (line: Int, column: Int) {
        guard let starts = lineStartsInCharacters else { return (Int(mark.line) + 1, Int(mark.column) + 1) }
        // The last line starting at or before the mark's character index.
        var low = 0, high = starts.count - 1
        let index = Int(mark.index)
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return (low + 1, index - starts[low] + 1)
    }

    /// Where each line starts, counted in characters as libyaml's mark index counts them;
    /// nil (marks are right as they are) when the text holds no NEL, LS or PS.
    private lazy var lineStartsInCharacters: [Int]? = {
        // NEL is C2 85, LS and PS E2 80 A8 and A9: each lead byte found with memchr (most
        // files hold none), not by looking at every byte.
        let hasOtherBreaks = Self.contains(bytes, lead: 0xC2) { $0.count > 1 && $0[1] == 0x85 }
            || Self.contains(bytes, lead: 0xE2) { $0.count > 2 && $0[1] == 0x80 && ($0[2] == 0xA8 || $0[2] == 0xA9) }
        guard hasOtherBreaks else { return nil }
        var starts = [0]
        var characters = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            characters += 1
            if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A {
                index += 1
                characters += 1
                starts.append(characters)
            } else if byte == 0x0A || byte == 0x0D {
                starts.append(characters)
            }
        }
        return starts
    }()

    /// Whether some occurrence of `lead` in `bytes` starts a run of bytes that `matches`.
    private static func contains(
        _ bytes: UnsafeBufferPointer<UInt8>, lead: UInt8, where matches: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var offset = 0
        while offset < bytes.count, let found = memchr(base + offset, Int32(lead), bytes.count - offset) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if matches(UnsafeBufferPointer(rebasing: bytes[at...])) { return true }
            offset = at + 1
        }
        return false
    }

    private func error() -> Diagnostic {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown problem"
        switch state.error {
        case YAML_READER_ERROR:
            let place = location(ofOffset: Int(state.problem_offset))
            if state.problem_value >= 0, problem.contains("control characters") {
                let value = String(state.problem_value, radix: 16, uppercase: true)
                let name =
                    state.problem_value == 0
                    ? "a NUL byte"
                    : "the control character U+\(String(repeating: "0", count: max(0, 4 - value.count)))\(value)"
                return .error(.yamlEncoding, "\(name) is not allowed in YAML text", at: place)
            }
            return .error(.yamlEncoding, "\(problem) (the file must be UTF-8 text)", at: place)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            var message = problem
            var notes: [Diagnostic.Note] = []
            if let context = state.context.map({ String(cString: $0) }) {
                message += " \(context)"
                let contextPlace = location(state.context_mark)
                if contextPlace != location(state.problem_mark) {
                    notes.append(
                        .init(
                            "the construct \(context.replacingPrefix("while ", with: "")) starts here", at: contextPlace
                        ))
                }
            }
            if let offset = byteOffset(line: Int(state.problem_mark.line), column: Int(state.problem_mark.column)),
                offset < bytes.count, bytes[offset] == 0x09
            {
                // libyaml's words for a tab say nothing of tabs; the fix is simple to name, and
                // the construct the tab interrupted (often the line above) is no help.
                message += "; YAML indents with spaces, not tabs: replace the tab with spaces"
                notes = []
            } else if problem == "mapping values are not allowed in this context" {
                message +=
                    "; this usually means a missing space after a colon ('key: value'),"
                    + " or a key indented under a value: line the key up with the keys beside it"
            }
            return .error(.yamlSyntax, message, at: location(state.problem_mark), notes: notes)
        case YAML_MEMORY_ERROR:
            return .error(.yamlLimit, "out of memory while parsing", at: .file(file))
        default:
            return .error(.yamlSyntax, problem, at: location(state.problem_mark))
        }
    }

    /// The byte offset of a 0-based line and column (columns count characters, as libyaml's
    /// marks do; its `index` counts characters too, so it is no byte offset).
    private func byteOffset(line: Int, column: Int) -> Int? {
        var index = 0, currentLine = 0
        while currentLine < line, index < bytes.count {
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A))
            {
                currentLine += 1
            }
            index += 1
        }
        var remaining = column
        while remaining > 0, index < bytes.count {
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            remaining -= 1
        }
        return currentLine == line ? index : nil
    }

    /// Line and column of a byte offset, for reader errors, which libyaml gives as an offset only.
    /// The indentation of a block scalar's first content line, whose header (`|`, `>`)
    /// starts at byte `offset`: the spaces that begin the first line after the header
    /// that is not blank.
    func blockIndent(after offset: Int) -> UInt16 {
        var index = offset
        while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
        while index < bytes.count {
            while index < bytes.count, bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 }
            var spaces = 0
            while index < bytes.count, bytes[index] == 0x20 {
                spaces += 1
                index += 1
            }
            if index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { return UInt16(clamping: spaces) }
        }
        return 0
    }

    func location(ofOffset offset: Int) -> SourceLocation {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80, byte != 0x0D {
                column += 1
            }
            index += 1
        }
        return SourceLocation(file: fileKey, line: line, column: column)
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
