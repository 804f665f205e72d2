import Foundation
import ParityKit

/// `parity ready PLAN`: GO exits 0; NO-GO and PAUSE exit 1; invalid input and sources that
/// cannot answer exit 2.
enum ReadyCommand {
    @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> RunStatus {
        var options = ReadyRun.Options(plan: arguments.positionals[0])
        options.phase = arguments.value("phase")
        options.environment = context.environment
        for written in arguments.all("source") {
            guard let equals = written.firstIndex(of: "="), equals != written.startIndex,
                written.index(after: equals) != written.endIndex
            else {
                throw UsageError(
                    "--source takes NAME=URL or NAME=FILE, found '\(written)'", commandPath: "parity ready")
            }
            options.sources.append((String(written[..<equals]), String(written[written.index(after: equals)...])))
        }
        if let at = arguments.value("at") {
            guard let seconds = EpochText.seconds(at) else {
                throw UsageError(
                    "--at takes an RFC 3339 time (2026-11-30T12:00:00Z) or seconds since the epoch, found '\(at)'",
                    commandPath: "parity ready")
            }
            options.at = seconds
        }
        let outcome = ReadyRun(sources: context.sources).run(options)
        context.report(outcome.diagnostics)
        guard let report = outcome.report else { return outcome.status }
        // The parser checked the value against the formats.
        let format = arguments.choice("format", as: ReportFormat.self) ?? .text
        var render = ReportFormat.Options(
            base: ReportItem.repositoryRoot(containing: FileManager.default.currentDirectoryPath))
        render.colour = format == .text && arguments.value("output") == nil && context.colourOut
        let text = ReadyFormat.render(report, as: format, render)
        if let output = arguments.value("output") {
            if OutputCollision.input(among: [output], read: context.sources) != nil || output.isEmpty {
                throw UsageError(
                    "--output '\(output)' names no file this run may write; name a new file",
                    commandPath: "parity ready")
            }
            try AtomicFile.write(text, to: output)
        } else {
            context.out(text)
        }
        return outcome.status
    }
}
