#if canImport(Glibc)
import Glibc
#endif

/// DCMTK's `index.dat` read for import (spec §5.6): the used study and
/// instance slots. Read one record at a time; never written.
package struct DCMTKIndexFile: Sendable, Equatable {
    package var path: String
    /// Used study slots, in slot order.
    package var studies: [DCMTKStudyDescriptor]
    /// Used instance slots, in slot order.
    package var records: [DCMTKIndexRecord]
    /// Instance slots in the file, used or free.
    package var slotCount: Int
    /// Bytes after the last whole slot (a torn write), ignored as DCMTK does.
    package var trailingBytes: Int

    /// `<area>/index.dat`.
    package static func path(inArea area: String) -> String {
        area.hasSuffix("/") ? area + "index.dat" : area + "/index.dat"
    }

    /// Reads the file at `path`. An empty file (DCMTK writes the header on
    /// first use) has no slots; a wrong header throws with dcmqrscp's message.
    package static func read(atPath path: String,
                             fileSystem: any FileSystemOperations = GlibcFileSystem()) throws(DCMTKIndexError) -> DCMTKIndexFile {
        let file: Int32
        do { file = try fileSystem.openFile(named: path, in: AT_FDCWD) } catch { throw .cannotOpen(path: path, error) }
        defer { fileSystem.close(file) }
        let reader = SlotReader(path: path, file: file, fileSystem: fileSystem)
        let size: Int
        do { size = Int(try fileSystem.status(of: file).size) } catch { throw .readFailed(path: path, error) }
        var index = DCMTKIndexFile(path: path, studies: [], records: [], slotCount: 0, trailingBytes: 0)
        guard size > 0 else { return index }

        let header = try reader.read(DCMTKIndexLayout.headerSize, at: 0)
        try checkHeader(header, path: path)

        let studyBytes = try reader.read(min(size, DCMTKIndexLayout.recordsOffset) - DCMTKIndexLayout.headerSize, at: DCMTKIndexLayout.headerSize)
        studyBytes.withUnsafeBytes { raw in
            for slot in 0..<(raw.count / DCMTKIndexLayout.studyDescriptorSize) {
                let start = slot * DCMTKIndexLayout.studyDescriptorSize
                let bytes = UnsafeRawBufferPointer(rebasing: raw[start..<start + DCMTKIndexLayout.studyDescriptorSize])
                if let study = DCMTKStudyDescriptor(slot: slot, bytes: bytes) { index.studies.append(study) }
            }
        }

        let recordBytes = max(size - DCMTKIndexLayout.recordsOffset, 0)
        index.slotCount = recordBytes / DCMTKIndexLayout.recordSize
        index.trailingBytes = recordBytes % DCMTKIndexLayout.recordSize
        for slot in 0..<index.slotCount {
            let bytes = try reader.read(DCMTKIndexLayout.recordSize, at: DCMTKIndexLayout.recordsOffset + slot * DCMTKIndexLayout.recordSize)
            let record = bytes.withUnsafeBytes { DCMTKIndexRecord(slot: slot, bytes: $0) }
            if let record { index.records.append(record) }
        }
        return index
    }

    /// `QRDB` and the version as two hex digits, 5 being DCMTK 3.6's.
    static func checkHeader(_ header: [UInt8], path: String) throws(DCMTKIndexError) {
        guard header.count == DCMTKIndexLayout.headerSize, Array(header.prefix(4)) == DCMTKIndexLayout.magic,
              let high = hexDigit(header[4]), let low = hexDigit(header[5])
        else { throw .unknownFormat(path: path) }
        let version = high * 16 + low
        guard version == DCMTKIndexLayout.supportedVersion else { throw .unsupportedVersion(path: path, version: version) }
    }

    private static func hexDigit(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}

/// Reads exact byte ranges of the index file; a short file yields fewer bytes.
private struct SlotReader {
    var path: String
    var file: Int32
    var fileSystem: any FileSystemOperations

    func read(_ count: Int, at offset: Int) throws(DCMTKIndexError) -> [UInt8] {
        guard count > 0 else { return [] }
        var failure: SystemCallError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            while initialized < count {
                let target = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[initialized...])
                do throws(SystemCallError) {
                    let got = try fileSystem.read(file, into: target, at: Int64(offset + initialized))
                    if got == 0 { return }
                    initialized += got
                } catch {
                    failure = error
                    return
                }
            }
        }
        if let failure { throw .readFailed(path: path, failure) }
        return bytes
    }
}
