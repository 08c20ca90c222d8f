#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DICOM
import ToolSupport

switch IndexerCommandLine.interface.run(CommandLine.arguments, evaluate: IndexerCommandLine.evaluate) {
case .exit(let status):
    exit(status)
case .proceed(let invocation):
    invocation.log.debug("\(IndexerCommandLine.tool.banner)\nquarryidx options: \(invocation.options)")
    exit(runIndexer(invocation.options, log: invocation.log))
}
