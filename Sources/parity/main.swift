import Foundation

let context = CommandContext()
let status = ParityCLI.run(Array(CommandLine.arguments.dropFirst()), context: context)
context.flush()
exit(status)
