import Archive
import Testing

/// DA: single or inclusive range, `YYYY.MM.DD` accepted, lists and wild cards never match.
@Test(arguments: [
    ("20200101", "20200101", true), ("20200101", "20200102", false),
    ("20200101-20211231", "20210615", true), ("20200101-20211231", "20200101", true),
    ("20200101-20211231", "20211231", true), ("20200101-20211231", "20221231", false),
    ("-20200101", "20190310", true), ("-20200101", "20200101", true), ("-20200101", "20200102", false),
    ("20200101-", "20221231", true), ("20200101-", "20191231", false),
    ("2020.01.01", "20200101", true), ("20200101", "2020.01.01", true), ("2020.01.01-2020.12.31", "20200615", true),
    ("2020*", "20200101", false), ("20200101\\20210615", "20200101", false),  // measured
    ("-", "20200101", true), ("-", "", false), ("20200101", "", false), ("20200101", "garbage", false),
    ("20201340", "20201340", false), ("20230229", "20230229", false), ("20240229", "20240229", true),
    ("20200101-20191231", "20200101", false), (" 20200101 ", "20200101", true), ("20221231-20221231", "20221231", true),
    ("2020010", "2020010", false), ("20200101-2021", "20200601", false),
])
func dateMatching(key: String, stored: String, expected: Bool) {
    #expect(AttributeMatcher(kind: .date, value: key).matches(stored) == expected)
}

/// TM: single or range on parsed times (spec §6.3, measured rows marked).
@Test(arguments: [
    ("235959.000", "235959", true),  // measured
    ("2359", "235959", false),  // measured: a single value is not a prefix match
    ("2359", "235900", true), ("1010-1011", "101010", true), ("1010-1011", "101100", true),
    ("1010-1011", "101100.000001", false), ("-1200", "120000", true), ("-1200", "080000", true),
    ("-1200", "120000.5", false), ("10:10:10", "101010", true), ("101010.5", "101010", false),
    ("101010.5", "101010.500000", true), ("235959.000000-", "235959", true), ("10", "100000", true),
    ("10", "101010", false), ("2400", "240000", false), ("1010*", "101010", false), ("101", "101", false),
    ("1200\\1300", "120000", false), ("-", "120000", true), ("120000", "", false), ("1200-", "10:00", false),
])
func timeMatching(key: String, stored: String, expected: Bool) {
    #expect(AttributeMatcher(kind: .time, value: key).matches(stored) == expected)
}

/// DT: single or range; UTC offsets compared as instants; `-ZZXX` is not a range.
@Test(arguments: [
    ("20200101120000", "20200101120000", true), ("20200101120000", "20200101120001", false),
    ("20200101-20200102", "20200101235959", true), ("20200101-20200102", "20200102000000", true),
    ("20200101-20200102", "20200102000001", false),
    ("20200101120000-20200101130000", "20200101123000", true),
    ("20200101120000+0100", "20200101110000+0000", true),
    ("20200101120000-0500", "20200101170000+0000", true),
    ("20200101120000-0500-20200101130000-0500", "20200101173000+0000", true),
    ("2020-", "20210101", true), ("-2020", "20200101000000", true), ("-2020", "20200101000001", false),
    ("2020*", "20200101", false), ("20200101", "", false),
])
func dateTimeMatching(key: String, stored: String, expected: Bool) {
    #expect(AttributeMatcher(kind: .dateTime, value: key).matches(stored) == expected)
}
