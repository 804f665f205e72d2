import Foundation
public import ParityDiagnostics

/// Reads blobs from one long-running `git cat-file --batch`: one process for the whole
/// history, not one per file.
public final class GitObjectReader: @unchecked Sendable {
    private let process: Process
    private let input: FileHandle
    private let output: Int32
    private let lock = NSLock()
    private var buffer: [UInt8] = []
    private var start = 0

    public init(_ git: GitCommand) throws(DiagnosticList) {
        // A git that exits early must make a write fail, not end this process.
        signal(SIGPIPE, SIG_IGN)
        let requests = Pipe()
        let answers = Pipe()
        process = try git.launch(
            ["cat-file", "--batch"], input: requests, output: answers, errors: FileHandle.nullDevice)
        input = requests.fileHandleForWriting
        output = answers.fileHandleForReading.fileDescriptor
        answersPipe = answers
    }

    /// Kept so the reading end stays open as long as the reader.
    private let answersPipe: Pipe

    deinit {
        try? input.close()
        process.waitUntilExit()
    }

    /// The content of blob `id`; nil when the repository has no such object.
    public func blob(_ id: String) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        guard (try? input.write(contentsOf: Data((id + "\n").utf8))) != nil, let header = line() else { return nil }
        // `<id> <type> <size>`, or `<id> missing`.
        let words = header.split(separator: " ")
        guard words.count == 3, let size = Int(words[2]) else { return nil }
        guard let content = bytes(size + 1) else { return nil }
        return words[1] == "blob" ? Array(content.dropLast()) : nil
    }

    private func line() -> String? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let text = String(decoding: buffer[start..<newline], as: UTF8.self)
                start = newline + 1
                return text
            }
            guard fill() else { return nil }
        }
    }

    private func bytes(_ count: Int) -> ArraySlice<UInt8>? {
        while buffer.count - start < count {
            guard fill() else { return nil }
        }
        let slice = buffer[start..<start + count]
        start += count
        return slice
    }

    /// Reads more of git's answer into the buffer; false at the end of the stream.
    private func fill() -> Bool {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(output, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer += chunk[0..<count]
            return true
        }
    }
}
