#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// quarrybench: the measuring client of `make bench` (bench/run.py drives it).
/// The same client for every target — Quarry, DCMTK's dcmqrscp, Orthanc — built on
/// Quarry's own DICOMNetwork requestor, so a query's latency is the server's work
/// plus one loopback round trip, not a process start (findscu) or an interpreter's
/// per-message overhead (pynetdicom). Each command prints one JSON object.
let usage = """
    usage: quarrybench <command> [options]
      echo  HOST PORT --aec AE [--count N]            C-ECHO round trips in one association
      find  HOST PORT --aec AE --queries FILE [--seconds S] [--max-repeats N] [--echoes N]
      list  HOST PORT --aec AE [--out FILE]           every SOP Instance UID (IMAGE level, Study Root)
      move  HOST PORT --aec AE --study UID --dest-aet AE --dest-port P [--expect FILE]
      get   HOST PORT --aec AE --study UID [--expect FILE]
      index-build --manifest FILE --directory DIR      a Quarry index from a synthetic manifest
      index-load --directory DIR                       the time to load that index afresh
    common: --aet AE (calling AE title, default BENCHSCU), --timeout S (DIMSE, default 600)
    """

var arguments = BenchArguments(Array(CommandLine.arguments.dropFirst()))
do {
    let output: [String: Any]
    switch arguments.command {
    case "echo": output = try echoes(arguments)
    case "find": output = try FindBenchmark(arguments).run()
    case "list": output = try InstanceLister(arguments).run()
    case "move": output = try RetrieveBenchmark(arguments, operation: .move).run()
    case "get": output = try RetrieveBenchmark(arguments, operation: .get).run()
    case "index-build": output = try SyntheticIndex(arguments).run()
    case "index-load": output = try SyntheticIndex.load(try arguments.string("directory"))
    default:
        FileHandle.standardError.write(Data((usage + "\n").utf8))
        exit(2)
    }
    let json = try JSONSerialization.data(withJSONObject: output, options: [.sortedKeys])
    FileHandle.standardOutput.write(json + Data("\n".utf8))
} catch {
    FileHandle.standardError.write(Data("quarrybench: \(error)\n".utf8))
    exit(1)
}
