import Foundation
import ParityDiagnostics

// A reader that goes away (`parity check | head`) is no reason to die: writes then fail
// with EPIPE, and the run ends with its own status.
signal(SIGPIPE, SIG_IGN)
let context = CommandContext()
context.reserveStandardDescriptors()
// The arguments by their bytes: a file name that is not UTF-8 must still open.
let status = ParityCLI.run(FileName.commandLineArguments, context: context)
exit(context.finish(status))
