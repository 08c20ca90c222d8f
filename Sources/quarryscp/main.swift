#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ToolSupport

switch ServerCommandLine.interface.run(CommandLine.arguments, evaluate: ServerCommandLine.evaluate) {
case .exit(let status):
    exit(status)
case .proceed(let invocation):
    exit(runServer(invocation.options, log: invocation.log))
}
