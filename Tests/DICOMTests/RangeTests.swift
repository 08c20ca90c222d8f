import DICOM
import Testing

struct RangeCase: Sendable, CustomStringConvertible {
    var query: String, lower: String?, upper: String?, single: Bool
    var description: String { query }
}

@Suite struct RangeTests {
    static let dateRanges: [RangeCase] = [
        .init(query: "20240101-20240131", lower: "20240101", upper: "20240131", single: false),
        .init(query: "-20240131", lower: nil, upper: "20240131", single: false),
        .init(query: "20240101-", lower: "20240101", upper: nil, single: false),
        .init(query: "20240101- ", lower: "20240101", upper: nil, single: false),       // padded to even length
        .init(query: "2024.01.01-2024.01.31", lower: "20240101", upper: "20240131", single: false),
        .init(query: "20240115", lower: "20240115", upper: "20240115", single: true),
    ]

    @Test(arguments: dateRanges) func dateRange(_ c: RangeCase) throws {
        let r = try DICOMRange<DICOMDate>(parsing: c.query)
        #expect(r.lower?.description == c.lower)
        #expect(r.upper?.description == c.upper)
        #expect(r.isSingleValue == c.single)
    }

    static let dateTimeRanges: [RangeCase] = [
        .init(query: "20240101-20240131", lower: "20240101", upper: "20240131", single: false),
        .init(query: "2024010112-0500", lower: "2024010112-0500", upper: "2024010112-0500", single: true),
        .init(query: "20240101120000-0500-20240102", lower: "20240101120000-0500", upper: "20240102", single: false),
        .init(query: "20240101-20240102+0100", lower: "20240101", upper: "20240102+0100", single: false),
        .init(query: "-2024", lower: nil, upper: "2024", single: false),
        .init(query: "2024-", lower: "2024", upper: nil, single: false),
    ]

    @Test(arguments: dateTimeRanges) func dateTimeRange(_ c: RangeCase) throws {
        let r = try DICOMRange<DICOMDateTime>(parsing: c.query)
        #expect(r.lower?.description == c.lower)
        #expect(r.upper?.description == c.upper)
        #expect(r.isSingleValue == c.single)
    }

    static let invalid: [(String, InvalidValue)] = [
        ("-", InvalidValue(.DA, "-", .format(expected: "a single value, a-b, -b or a-"))),
        ("2024-01-31", InvalidValue(.DA, "2024-01-31", .format(expected: "a single value, a-b, -b or a-"))),
        ("20240101-20241301", InvalidValue(.DA, "20241301", .outOfRange(field: "month"))),
        ("20240132-", InvalidValue(.DA, "20240132", .outOfRange(field: "day"))),
        ("*", InvalidValue(.DA, "*", .invalidCharacter("*", offset: 0))),
        ("20240101\\20240102", InvalidValue(.DA, "20240101\\20240102", .invalidCharacter("\\", offset: 8))),
    ]

    @Test(arguments: invalid) func invalidDateRange(_ query: String, _ error: InvalidValue) {
        #expect(throws: error) { try DICOMRange<DICOMDate>(parsing: query) }
    }

    @Test func timeRangeErrors() {
        #expect(throws: InvalidValue(.TM, "2500", .outOfRange(field: "hour"))) { try DICOMRange<DICOMTime>(parsing: "1000-2500") }
    }

    @Test func containment() throws {
        let january = try DICOMRange<DICOMDate>(parsing: "20240101-20240131")
        #expect(try january.contains(DICOMDate(parsing: "20240101")))
        #expect(try january.contains(DICOMDate(parsing: "20240131")))
        #expect(try !january.contains(DICOMDate(parsing: "20240201")))
        #expect(try !january.contains(DICOMDate(parsing: "20231231")))
        #expect(try DICOMRange<DICOMDate>(parsing: "-20240101").contains(DICOMDate(parsing: "19000101")))
        #expect(try DICOMRange<DICOMDate>(parsing: "20240101-").contains(DICOMDate(parsing: "99991231")))

        // TM as DCMTK compares (spec §6.3): parsed values, missing fields zero.
        #expect(try DICOMRange<DICOMTime>(parsing: "235959").contains(DICOMTime(parsing: "235959.000")))
        #expect(try !DICOMRange<DICOMTime>(parsing: "2359").contains(DICOMTime(parsing: "235959")))
        #expect(try DICOMRange<DICOMTime>(parsing: "0800-1200").contains(DICOMTime(parsing: "1000")))
        #expect(try !DICOMRange<DICOMTime>(parsing: "0800-1200").contains(DICOMTime(parsing: "120001")))

        let utc = try DICOMRange<DICOMDateTime>(parsing: "20240101100000+0000-20240101120000+0000")
        #expect(try utc.contains(DICOMDateTime(parsing: "20240101130000+0200")))   // 11:00 UTC
        #expect(try !utc.contains(DICOMDateTime(parsing: "20240101130000+0000")))
    }

    @Test func rangeDescriptions() throws {
        #expect(try DICOMRange<DICOMDate>(parsing: "2024.01.01-").description == "20240101-")
        #expect(try DICOMRange<DICOMTime>(parsing: "-10").description == "-10")
        #expect(try DICOMRange<DICOMDate>(parsing: "20240101").description == "20240101")
    }
}
