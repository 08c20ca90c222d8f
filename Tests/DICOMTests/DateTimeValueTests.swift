import DICOM
import Testing

@Suite struct DateTimeValueTests {
    static let dates: [ParseCase] = [
        .ok("20240229"), .ok("19000101"), .ok("99991231"), .ok("20000229"),
        .ok("20240131 ", "20240131"),                       // trailing padding
        .ok("2024.01.31", "20240131"),                      // ACR-NEMA form, DCMTK accepts in queries
        .bad("", .empty), .bad("  ", .empty),
        .bad("20230229", .outOfRange(field: "day")),        // not a leap year
        .bad("19000229", .outOfRange(field: "day")),        // century, not a leap year
        .bad("20241301", .outOfRange(field: "month")), .bad("20240001", .outOfRange(field: "month")),
        .bad("20240431", .outOfRange(field: "day")), .bad("20240100", .outOfRange(field: "day")),
        .bad("2024013", .format(expected: "YYYYMMDD")), .bad("202401311", .format(expected: "YYYYMMDD")),
        .bad("2024.0131", .format(expected: "YYYYMMDD")), .bad("2024-01-31", .invalidCharacter("-", offset: 4)),
        .bad("2024013a", .invalidCharacter("a", offset: 7)), .bad(" 2024 0131", .invalidCharacter(" ", offset: 5)),
    ]

    @Test(arguments: dates) func date(_ c: ParseCase) { c.check(DICOMDate.self) }

    static let times: [ParseCase] = [
        .ok("07"), .ok("0715"), .ok("071530"), .ok("071530.1"), .ok("071530.123456"), .ok("235960"),
        .ok("000000.000", "000000.000"), .ok(" 1200 ", "1200"),
        .ok("07:15", "0715"), .ok("07:15:30", "071530"), .ok("07:15:30.25", "071530.25"),  // ACR-NEMA form
        .bad("", .empty),
        .bad("24", .outOfRange(field: "hour")), .bad("0760", .outOfRange(field: "minute")),
        .bad("075961", .outOfRange(field: "second")),
        .bad("7", .format(expected: "HH[MM[SS[.F{1-6}]]]")), .bad("071", .format(expected: "HH[MM[SS[.F{1-6}]]]")),
        .bad("0715.5", .format(expected: "HH[MM[SS[.F{1-6}]]]")),       // fraction needs seconds
        .bad("071530.", .format(expected: "HH[MM[SS[.F{1-6}]]]")),
        .bad("071530.1234567", .format(expected: "HH[MM[SS[.F{1-6}]]]")),
        .bad("07:1530", .format(expected: "HH[MM[SS[.F{1-6}]]]")), .bad("07:", .format(expected: "HH[MM[SS[.F{1-6}]]]")),
        .bad("07h15", .invalidCharacter("h", offset: 2)), .bad("0715-", .invalidCharacter("-", offset: 4)),
    ]

    @Test(arguments: times) func time(_ c: ParseCase) { c.check(DICOMTime.self) }

    static let dtForm = "YYYY[MM[DD[HH[MM[SS[.F{1-6}]]]]]][&ZZXX]"
    static let dateTimes: [ParseCase] = [
        .ok("2024"), .ok("202402"), .ok("20240229"), .ok("2024022913"), .ok("202402291315"),
        .ok("20240229131559"), .ok("20240229131559.5"), .ok("20240229131559.123456"),
        .ok("20240229131559+0100"), .ok("2024-0500"), .ok("20240229131559.12-1200"), .ok("20240229+1400"),
        .ok("20240229131559 ", "20240229131559"),
        .bad("", .empty),
        .bad("20240230", .outOfRange(field: "day")), .bad("202413", .outOfRange(field: "month")),
        .bad("2024022924", .outOfRange(field: "hour")), .bad("20240229+1500", .outOfRange(field: "UTC offset")),
        .bad("20240229-1201", .outOfRange(field: "UTC offset")), .bad("20240229+0160", .outOfRange(field: "UTC offset")),
        .bad("202", .format(expected: dtForm)), .bad("20240", .format(expected: dtForm)),
        .bad("2024022913.5", .format(expected: dtForm)), .bad("20240229131559.1234567", .format(expected: dtForm)),
        .bad("20240229+01", .format(expected: dtForm)), .bad("2024+0100-0100", .format(expected: dtForm)),
        .bad("2024T02", .invalidCharacter("T", offset: 4)),
    ]

    @Test(arguments: dateTimes) func dateTime(_ c: ParseCase) { c.check(DICOMDateTime.self) }

    @Test func parsedFields() throws {
        let t = try DICOMTime(parsing: "071530.25")
        #expect(t.hour == 7 && t.minute == 15 && t.second == 30 && t.microsecond == 250_000 && t.fractionDigits == 2)
        let dt = try DICOMDateTime(parsing: "20240229131559.5-0530")
        #expect(dt.year == 2024 && dt.month == 2 && dt.day == 29 && dt.hour == 13 && dt.second == 59)
        #expect(dt.microsecond == 500_000 && dt.utcOffsetMinutes == -330)
        let d = try DICOMDate(parsing: "19700102")
        #expect(d.daysSinceEpoch == 1)
        #expect(try DICOMDate(parsing: "19691231").daysSinceEpoch == -1)
        #expect(try DICOMDate(parsing: "20000301").daysSinceEpoch == 11_017)
    }

    /// DCMTK compares parsed times: `235959.000` is `235959`; `2359` is not (spec §6.3).
    @Test func timeMatchingKeys() throws {
        #expect(try DICOMTime(parsing: "235959.000").matchingKey == DICOMTime(parsing: "235959").matchingKey)
        #expect(try DICOMTime(parsing: "2359").matchingKey != DICOMTime(parsing: "235959").matchingKey)
        #expect(try DICOMTime(parsing: "2359") != DICOMTime(parsing: "235900"))  // structural equality keeps precision
    }

    /// UTC offsets are taken into account: 12:00+0100 is 11:00 UTC.
    @Test func dateTimeOffsets() throws {
        #expect(try DICOMDateTime(parsing: "20240101120000+0100").matchingKey
                == DICOMDateTime(parsing: "20240101110000+0000").matchingKey)
    }
}
