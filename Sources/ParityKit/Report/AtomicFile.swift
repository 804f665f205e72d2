import Foundation
public import ParityDiagnostics

/// Writes output files without destroying what is at the path: a regular file is replaced
/// atomically (a temporary file beside it, then a rename, keeping its mode, and its owner
/// when run as root), so a failure leaves the old file whole; a character device or a FIFO
/// (`/dev/null`, `/dev/stdout`, a named pipe) is written into, never replaced.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(Diagnostic) {
        guard !path.isEmpty else { throw .error(.ioUnwritable, "cannot write to an empty path; name a file", at: nil) }
        var info = stat()
        guard stat(path, &info) == 0 else {
            guard errno == ENOENT else { throw failure(path, errno) }
            return try replace(path, with: text, keeping: nil)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            // Through a symbolic link, the file it names is replaced and the link kept.
            let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            try replace(target, with: text, keeping: info)
        case S_IFDIR:
            throw .error(.ioUnwritable, "cannot write '\(path)': it is a directory; name a file", at: .file(path))
        case S_IFCHR, S_IFIFO:
            try writeInto(path, text)
        default:
            throw .error(
                .ioUnwritable, "cannot write '\(path)': it is neither a file, a device nor a FIFO", at: .file(path))
        }
    }

    /// A new file at `path`, renamed over the old one; the old one's mode and owner kept.
    private static func replace(_ path: String, with text: String, keeping old: stat?) throws(Diagnostic) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .error(
                .ioUnwritable, "cannot write '\(path)': the folder '\(folder.path)' does not exist", at: .file(path))
        }
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).parity-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        ).path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure(path, errno) }
        var code = writeAll(Array(text.utf8), to: descriptor)
        if code == 0, let old {
            if fchmod(descriptor, old.st_mode & 0o7777) != 0 { code = errno }
            if code == 0, geteuid() == 0, fchown(descriptor, old.st_uid, old.st_gid) != 0 { code = errno }
        }
        if code == 0, fsync(descriptor) != 0 { code = errno }
        if close(descriptor) != 0, code == 0 { code = errno }
        if code == 0, rename(temporary, path) != 0 { code = errno }
        if code != 0 {
            unlink(temporary)
            throw failure(path, code)
        }
    }

    /// Writes into a device or FIFO as it is; a FIFO nobody reads is an error, not a wait.
    private static func writeInto(_ path: String, _ text: String) throws(Diagnostic) {
        let descriptor = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENXIO {
                throw .error(.ioUnwritable, "cannot write '\(path)': no process reads this FIFO", at: .file(path))
            }
            throw failure(path, errno)
        }
        defer { close(descriptor) }
        // Open without waiting, then write blocking, so a full pipe is waited for, not dropped.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        let code = writeAll(Array(text.utf8), to: descriptor)
        if code != 0 { throw failure(path, code) }
    }

    /// Writes all of `bytes` to `descriptor`, retrying interrupted writes: 0, or the errno of
    /// the write that failed (one that takes nothing counts as EIO). Standard output uses it too.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        bytes.withUnsafeBufferPointer { writeAll($0, to: descriptor) }
    }

    /// `writeAll` from bytes held elsewhere (a report's own storage, not copied first).
    public static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset) // non-empty: offset < count
            if written < 0, errno == EINTR { continue }
            if written < 0 { return errno }
            if written == 0 { return EIO }
            offset += written
        }
        return 0
    }

    private static func failure(_ path: String, _ code: Int32) -> Diagnostic {
        .error(
            .ioUnwritable, "cannot write '\(path)': \(String(cString: strerror(code)).lowercased())", at: .file(path))
    }
}

extension Diagnostic.Code {
    /// An output file could not be written.
    public static let ioUnwritable: Self = "io.unwritable"
}
