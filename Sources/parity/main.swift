import Foundation

// A reader that goes away (`parity check | head`) is no reason to die: writes then fail
// with EPIPE, and the run ends with its own status.
signal(SIGPIPE, SIG_IGN)
let context = CommandContext()
context.reserveStandardDescriptors()
let status = ParityCLI.run(Array(CommandLine.arguments.dropFirst()), context: context)
exit(context.finish(status))
