import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Synchronization
import Testing

/// The durability order of one store (DESIGN.md, "The way of one C-STORE"),
/// recorded call by call, since a kill cannot show that a sync happened:
/// data sync of the temporary file → rename to the final name → directory
/// sync → journal sync → the result.
@Suite struct StoreSyncOrderTests {
    enum Step: Equatable { case dataSync(String), rename(String, String), directorySync, journalSync, answered }

    @Test func oneStoreSyncsDataThenRenamesThenSyncsTheFolderThenTheJournal() throws {
        let dir = try TemporaryDirectory()
        let fileSystem = RecordingFileSystem()
        let areaPath = dir.path + "/STORE"
        // The journal's sync is not a file system call of the area: its hook notes
        // how many file system events had happened by then, to merge the two.
        let journalSyncs = Mutex<[Int]>([])
        let area = try ArchiveArea.open(atPath: areaPath, fileSystem: fileSystem,
                                        journalSynced: { journalSyncs.withLock { $0.append(fileSystem.events.count) } },
                                        log: .silent)
        fileSystem.resetEvents()
        journalSyncs.withLock { $0 = [] }

        let object = StoreTestObject(1)
        let incoming = area.beginStore(object.request(), options: StoreOptions())
        incoming.append(try object.encoded()[...])
        let result = incoming.finish()
        let answeredAt = fileSystem.events.count
        #expect(result.status == .success)
        let file = try #require(result.storedFile)

        let events = fileSystem.events
        let syncPositions = journalSyncs.withLock { $0 }
        var timeline: [Step] = []
        for (position, event) in events.enumerated() {
            timeline += syncPositions.filter { $0 == position }.map { _ in .journalSync }
            switch event {
            case .synchronizeData(let name): timeline.append(.dataSync(name))
            case .renameWithoutReplacing(let from, let to), .link(let from, let to): timeline.append(.rename(from, to))
            case .synchronize(let name) where name == areaPath: timeline.append(.directorySync)
            default: break
            }
        }
        timeline += syncPositions.filter { $0 >= events.count }.map { _ in .journalSync }
        if answeredAt >= events.count { timeline.append(.answered) }
        let temporary = try #require(events.compactMap { if case .createFile(let n) = $0 { n } else { nil } }.first)
        #expect(timeline == [.dataSync(temporary), .rename(temporary, file.name), .directorySync, .journalSync, .answered])
    }
}
