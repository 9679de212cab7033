import Testing

@testable import Ingest

/// Looking entries of a text column up by their text: the index built on two threads against
/// the same texts inserted one after another.
@Suite("Column index")
struct ColumnIndexTests {
    /// Texts with repeats, canonically equivalent spellings (é composed and decomposed), case
    /// variants, an empty one, and enough entries that both halves of the hashes hold many.
    static func column(count: Int) -> TextColumn {
        var column = TextColumn()
        for n in 0..<count {
            switch n % 11 {
            case 0: column.append("E\(n % 7)")  // seven ids, repeated
            case 1: column.append("Ren\u{E9}e \(n % 50)")
            case 2: column.append("Rene\u{301}e \(n % 50)")  // equal to case 1 as Strings
            case 3: column.append("RENÉE \(n % 50)")
            case 4: column.append("")
            default: column.append("id-\(n)")
            }
        }
        return column
    }

    @Test(
        "built in two parts, each entry's holder is the first entry with its text, as inserting gives",
        arguments: [0, 1, 17, 5_000])
    func holders(count: Int) {
        let column = Self.column(count: count)
        for key in [ColumnIndex.Key.canonical, .lowercased] {
            var inserted = ColumnIndex(key: key, capacity: 4)
            let expected = (0..<count).map { Int32(inserted.insert($0, of: column)) }
            let (built, holders) = ColumnIndex.build(column, key: key)
            #expect(holders == expected)
            // Every text, and some that are in no entry, found alike by both.
            let probes = (0..<count).map { column.string($0) } + ["E-1", "renée 7", "RENE\u{301}E 7", "nobody", ""]
            for probe in probes {
                var text = probe
                let found = text.withUTF8 { bytes in
                    let raw = UnsafeRawBufferPointer(bytes)
                    return (
                        built.withKey(raw) { built.find(keyed: $0, in: column) },
                        inserted.withKey(raw) { inserted.find(keyed: $0, in: column) }
                    )
                }
                #expect(found.0 == found.1, "\(probe) with key \(key)")
            }
        }
    }

    @Test(
        "looked up a run at a time, each value finds what find finds, only the values asked for",
        arguments: [0, 1, 17, 5_000])
    func findEach(count: Int) {
        let column = Self.column(count: count)
        var values = Self.segmented()
        for n in 0..<count where n % 3 == 0 { values.append(column.string(n)) }
        values.append(contentsOf: Self.column(count: count / 2))
        for key in [ColumnIndex.Key.canonical, .lowercased] {
            let (index, _) = ColumnIndex.build(column, key: key)
            // Strings compare by canonical equivalence: the first entry of each text, as a String
            // (lower-cased for that key), is what a look-up must find.
            func form(_ text: String) -> String { key == .lowercased ? text.lowercased() : text }
            var firstOf: [String: Int] = [:]
            for n in 0..<count where firstOf[form(column.string(n))] == nil { firstOf[form(column.string(n))] = n }
            for run in [0..<values.count, values.count / 3..<values.count / 2] {
                var found: [Int: Int?] = [:]
                index.findEach(values, in: run, where: { $0 % 4 != 1 }, in: column) { value, entry in
                    #expect(found[value] == nil, "each value once")
                    found[value] = entry
                }
                #expect(found.keys.sorted() == run.filter { $0 % 4 != 1 })
                for (value, entry) in found {
                    let expected = values.withText(value) { text in
                        index.withKey(text) { index.find(keyed: $0, in: column) }
                    }
                    #expect(entry == expected, "\(values.string(value)) with key \(key)")
                    #expect(entry == firstOf[form(values.string(value))], "\(values.string(value)) with key \(key)")
                }
            }
        }
    }

    /// A column of three segments with an empty one between them, empty entries and non-ASCII
    /// texts.
    static func segmented() -> TextColumn {
        var column = TextColumn()
        for text in ["Ana", "", "Zoë"] { column.append(text) }
        var second = TextColumn()
        for text in ["", "émile", "x", "y"] { second.append(text) }
        column.append(contentsOf: second)
        column.append(contentsOf: TextColumn())  // an empty segment between two
        column.append(contentsOf: second)
        column.append("last")
        return column
    }

    @Test("a column's reader gives every entry's bytes, across its segments, empty entries too")
    func reader() {
        let column = Self.segmented()
        let texts = column.withReader { reader in
            (0..<column.count).map { String(decoding: reader.text($0), as: UTF8.self) }
        }
        #expect(texts == ["Ana", "", "Zoë", "", "émile", "x", "y", "", "émile", "x", "y", "last"])
        #expect(TextColumn().withReader { _ in 7 } == 7)
    }

    @Test("a column's texts visited in order over any range, across its segments, empty entries too")
    func forEachText() {
        let column = Self.segmented()
        let all = (0..<column.count).map { column.string($0) }
        for lower in 0...column.count {
            for upper in lower...column.count {
                var seen: [(Int, String)] = []
                column.forEachText(in: lower..<upper) { seen.append(($0, String(decoding: $1, as: UTF8.self))) }
                #expect(seen.map(\.0) == Array(lower..<upper))
                #expect(seen.map(\.1) == Array(all[lower..<upper]))
            }
        }
    }
}
