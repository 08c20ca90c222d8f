/// A PN value (PS3.5 §6.2.1): up to three component groups separated by `=`
/// (alphabetic, ideographic, phonetic), each of up to five components
/// separated by `^` (family name, given name, middle name, prefix, suffix).
/// Trailing spaces are padding; at most 64 characters per component group.
package struct PersonName: ParsableValue, CustomStringConvertible {
    package static let vr = VR.PN

    /// One component group (PS3.5 §6.2.1.1).
    package struct ComponentGroup: Hashable, Sendable, CustomStringConvertible {
        package var familyName = ""
        package var givenName = ""
        package var middleName = ""
        package var namePrefix = ""
        package var nameSuffix = ""

        package init(familyName: String = "", givenName: String = "", middleName: String = "",
                     namePrefix: String = "", nameSuffix: String = "") {
            (self.familyName, self.givenName, self.middleName) = (familyName, givenName, middleName)
            (self.namePrefix, self.nameSuffix) = (namePrefix, nameSuffix)
        }

        /// The five components in order.
        package var components: [String] { [familyName, givenName, middleName, namePrefix, nameSuffix] }

        package var isEmpty: Bool { components.allSatisfy(\.isEmpty) }

        /// The group as PS3.5 writes it, trailing empty components left out (`Doe^John`).
        package var description: String {
            var parts = components
            while parts.last?.isEmpty == true { parts.removeLast() }
            return parts.joined(separator: "^")
        }
    }

    package var alphabetic: ComponentGroup
    package var ideographic: ComponentGroup
    package var phonetic: ComponentGroup

    package init(alphabetic: ComponentGroup = .init(), ideographic: ComponentGroup = .init(),
                 phonetic: ComponentGroup = .init()) {
        (self.alphabetic, self.ideographic, self.phonetic) = (alphabetic, ideographic, phonetic)
    }

    /// Parses decoded text. Refuses `\` (a value separator) and control
    /// characters other than ESC (PS3.5 §6.2: LF, FF, CR, … are excluded; ESC
    /// belongs to ISO 2022 code extensions).
    package init(parsing text: some StringProtocol) throws(InvalidValue) {
        let t = try ValueText(.PN, text, trimLeading: false)
        try t.check { $0 != "\\" && ($0.value >= 0x20 || $0 == "\u{1B}") && $0.value != 0x7F }
        let groups = t.scalars.split(separator: "=", omittingEmptySubsequences: false)
        guard groups.count <= 3 else { throw t.error(.tooManyComponents(maximum: 3)) }
        var parsed: [ComponentGroup] = []
        for group in groups {
            guard group.count <= 64 else { throw t.error(.tooLong(maximum: 64)) }
            let parts = group.split(separator: "^", omittingEmptySubsequences: false).map {
                var s = String.UnicodeScalarView()
                s.append(contentsOf: $0)
                return String(s)
            }
            guard parts.count <= 5 else { throw t.error(.tooManyComponents(maximum: 5)) }
            func part(_ k: Int) -> String { k < parts.count ? parts[k] : "" }
            parsed.append(ComponentGroup(familyName: part(0), givenName: part(1), middleName: part(2),
                                         namePrefix: part(3), nameSuffix: part(4)))
        }
        func group(_ k: Int) -> ComponentGroup { k < parsed.count ? parsed[k] : ComponentGroup() }
        self.init(alphabetic: group(0), ideographic: group(1), phonetic: group(2))
    }

    /// The name as PS3.5 writes it, trailing empty groups and components left out
    /// (`Yamada^Tarou=山田^太郎=やまだ^たろう`).
    package var description: String {
        var groups = [alphabetic, ideographic, phonetic].map(\.description)
        while groups.last?.isEmpty == true { groups.removeLast() }
        return groups.joined(separator: "=")
    }
}
