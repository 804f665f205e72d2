import Foundation

extension ParityBinary {
    /// Runs `script` in bash in `folder` (the repository by default), with `$PARITY` naming the
    /// binary: bash can name files by bytes that are not UTF-8 and plumb descriptors. Its status
    /// and what it wrote on standard error, standard output too with `withOutput` (else dropped).
    static func bash(_ script: String, in folder: URL? = nil, withOutput: Bool = false) throws -> (
        status: Int32, stderr: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = folder ?? repositoryRoot
        var environment = ProcessInfo.processInfo.environment
        environment["PARITY"] = executable.path
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = withOutput ? err : FileHandle.nullDevice
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
