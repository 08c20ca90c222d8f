import Archive
import DICOM

/// An identifier: `level` as (0008,0052) (nil: absent, "": zero-length) and keys
/// written `Keyword=value`, `Keyword` (zero-length) or `(gggg,eeee)=value`.
/// US values are encoded as binary, everything else as text.
func identifier(_ level: String?, _ keys: [String] = []) -> DataSet {
    var ds = DataSet()
    if let level { ds.setString(.queryRetrieveLevel, .CS, level) }
    for key in keys {
        let parts = key.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0]), value = parts.count > 1 ? String(parts[1]) : ""
        let tag: Tag
        if name.hasPrefix("("), let raw = UInt32(name.filter { $0.isHexDigit }, radix: 16) {
            tag = Tag(raw: raw)
        } else {
            tag = DataDictionary.entry(forKeyword: name)?.tag ?? Tag(0xFFFF, 0xFFFF)
        }
        let vr = DataDictionary.entry(for: tag)?.vr ?? .LO
        if vr == .US {
            let numbers = value.split(separator: "\\").compactMap { UInt16($0) }
            ds.set(DataElement(tag: tag, vr: .US, bytes: numbers.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        } else if vr == .SQ {
            ds.set(DataElement(tag: tag, vr: .SQ, value: .sequence(ItemSequence(items: []))))
        } else {
            ds.setString(tag, vr, value)
        }
    }
    return ds
}

func model(_ root: QueryRetrieveInformationModel.Root, _ service: QueryRetrieveInformationModel.Service = .find)
    -> QueryRetrieveInformationModel {
    QueryRetrieveInformationModel(root: root, service: service)
}

/// The query, or the failure's status.
func build(_ model: QueryRetrieveInformationModel, _ identifier: DataSet, _ options: QueryOptions = QueryOptions())
    -> Result<Query, QueryFailure> {
    do throws(QueryFailure) {
        return .success(try Query(model: model, identifier: identifier, options: options))
    } catch {
        return .failure(error)
    }
}

extension Result where Success == Query, Failure == QueryFailure {
    var status: UInt16? { if case .failure(let f) = self { f.status } else { nil } }
    var query: Query? { if case .success(let q) = self { q } else { nil } }
    var failure: QueryFailure? { if case .failure(let f) = self { f } else { nil } }
}

func tag(forKeyword keyword: String) -> Tag { DataDictionary.entry(forKeyword: keyword)?.tag ?? Tag(0xFFFF, 0xFFFF) }

/// A flattened record from `Keyword=value` pairs.
func record(_ pairs: [String: String]) -> [Tag: String] {
    Dictionary(uniqueKeysWithValues: pairs.map { (tag(forKeyword: $0.key), $0.value) })
}
