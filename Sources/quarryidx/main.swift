#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ToolSupport

switch IndexerCommandLine.interface.run(CommandLine.arguments, evaluate: IndexerCommandLine.evaluate) {
case .exit(let status):
    exit(status)
case .proceed(let invocation):
    exit(runIndexer(invocation.options, log: invocation.log))
}
