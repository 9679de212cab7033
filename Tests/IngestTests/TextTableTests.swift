import Testing

@testable import Ingest

@Suite("The text table and its recent short texts")
struct TextTableTests {
    /// Texts of every length around the key's word sizes, many sharing their first and last bytes.
    static let texts: [[UInt8]] = {
        var texts: [[UInt8]] = []
        for length in 0...20 {
            texts.append(Array(repeating: UInt8(ascii: "A"), count: length))
            texts.append((0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) })
            if length > 2 {
                // The same ends, a different middle byte.
                var middle = Array(repeating: UInt8(ascii: "A"), count: length)
                middle[length / 2] = UInt8(ascii: "B")
                texts.append(middle)
            }
        }
        texts += ["Yes", "No", "yes", "L2", "L12", "Sales", "Engineering", "Operations", "Singapore", "É", "Zoë"].map {
            Array($0.utf8)
        }
        return texts
    }()

    @Test("two short texts have the same key exactly when their bytes are the same")
    func keys() throws {
        for a in Self.texts where a.count <= 16 {
            for b in Self.texts where b.count <= 16 {
                let keyA = try #require(a.withUnsafeBytes { RecentTexts.Key($0) })
                let keyB = try #require(b.withUnsafeBytes { RecentTexts.Key($0) })
                #expect((keyA == keyB) == (a == b), "\(a) and \(b)")
            }
        }
        let long = Array(repeating: UInt8(ascii: "x"), count: 17)
        #expect(long.withUnsafeBytes { RecentTexts.Key($0) } == nil)
    }

    @Test("find gives the number the hash table gives, before and after texts are added")
    func find() {
        var table = TextTable()
        var numbers: [[UInt8]: Int] = [:]
        // Three rounds: absent, then added, then looked up again (from the recent texts).
        for text in Self.texts {
            #expect(text.withUnsafeBytes { table.find($0) } == nil)
        }
        for text in Self.texts where numbers[text] == nil {
            numbers[text] = text.withUnsafeBytes { table.intern($0).index }
        }
        for _ in 0..<2 {
            for text in Self.texts {
                #expect(text.withUnsafeBytes { table.find($0) } == numbers[text])
                #expect(text.withUnsafeBytes { table.index(of: $0) } == numbers[text])
            }
        }
        #expect(Array("absent".utf8).withUnsafeBytes { table.find($0) } == nil)
    }
}
