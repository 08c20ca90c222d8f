import DICOM
import Synchronization
import Testing

final class Captured: Sendable {
    let lines = Mutex<[String]>([])
    var text: String { lines.withLock { $0.joined() } }
}

@Suite struct LogTests {
    @Test func prefixesEveryLineAndFiltersByLevel() {
        let captured = Captured()
        let log = Log(threshold: .info) { _, text in captured.lines.withLock { $0.append(text) } }
        log.debug("hidden")
        log.info("Association Received (localhost:VIEWER1 -> STORE)")
        log.warn("two\nlines")
        #expect(captured.text == "I: Association Received (localhost:VIEWER1 -> STORE)\nW: two\nW: lines\n")
    }
}
