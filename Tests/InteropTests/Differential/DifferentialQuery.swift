import QuarryTestSupport

/// One row of the differential C-FIND table: a query sent to dcmqrscp and to
/// quarryscp over the same stored files (F1 data + the differential set).
struct DifferentialQuery: Sendable, CustomStringConvertible {
    /// How quarryscp's answer must relate to dcmqrscp's.
    enum Expectation: Sendable {
        /// Same statuses, same matches, same values of dcmqrscp's keys.
        case same
        /// Quarry matches a key dcmqrscp drops (issue 6): same final status,
        /// quarryscp's matches are a subset of dcmqrscp's, each with the same values.
        case subsetOfReference(reason: String)
    }

    var name: String
    var operation: QROperation
    /// dcmqrscp's final status (spec §6.9), checked by the harness self-test.
    var referenceStatus: UInt16 = 0x0000
    /// dcmqrscp's number of pending responses, when the spec or the data fix it.
    var referenceMatches: Int?
    var expectation: Expectation = .same

    var description: String { name }
}
