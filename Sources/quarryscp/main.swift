#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DICOM
import ToolSupport

switch ServerCommandLine.interface.run(CommandLine.arguments, evaluate: ServerCommandLine.evaluate) {
case .exit(let status):
    exit(status)
case .proceed(let invocation):
    invocation.log.debug("\(ServerCommandLine.tool.banner)\nquarryscp options: \(invocation.options)")
    exit(runServer(invocation.options, log: invocation.log))
}
