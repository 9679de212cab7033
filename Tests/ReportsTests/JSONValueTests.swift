import Foundation
import Testing

@testable import Reports

@Suite("JSON text as summary.json writes it")
struct JSONValueTests {
    static let people: [JSONValue] = (0..<5_000).map { index in
        .object([
            ("id", .string("E\(index)")),
            ("name", .string(index % 7 == 0 ? "Zoë \"Z\" O'Neil\\\n\u{2028}\u{1}" : "Person \(index)")),
            ("score", .number(Double(index) / 4)),
            ("rank", .integer(-index)),
            ("tools", .array(index % 2 == 0 ? [] : [.string("TikTok"), .null, .bool(true)])),
        ])
    }

    @Test("an array made element by element reads exactly as the same array held whole")
    func elementsEqualArray() {
        let people = Self.people
        let held = JSONValue.object([("pairs", .array(people)), ("none", .array([]))])
        let made = JSONValue.object([
            ("pairs", .elements(JSONElements(count: people.count) { people[$0].write(to: &$1) })),
            ("none", .elements(JSONElements(count: 0) { _, writer in writer.null() })),
        ])
        #expect(made.serialized() == held.serialized())
    }

    @Test(
        "a long array made on two threads, a block each at a time, has the same bytes",
        arguments: [
            JSONElements.concurrentFrom - 1, JSONElements.concurrentFrom, JSONElements.concurrentFrom + 1,
            3 * JSONElements.concurrentBlock, 3 * JSONElements.concurrentBlock + 1, 5_000,
        ])
    func concurrentBlocks(count: Int) {
        let people = Array(Self.people.prefix(count))
        // Nested made arrays too: inside a block they are written on its thread.
        let held = JSONValue.object([
            ("pairs", .array(people)), ("nested", .array([.array(people), .integer(count)])),
        ])
        let made = JSONValue.object([
            ("pairs", .elements(JSONElements(count: people.count) { people[$0].write(to: &$1) })),
            (
                "nested",
                .elements(
                    JSONElements(count: 2) { index, writer in
                        let nested = JSONElements(count: people.count) { people[$0].write(to: &$1) }
                        (index == 0 ? JSONValue.elements(nested) : .integer(count)).write(to: &writer)
                    })
            ),
        ])
        var bytes: [UInt8] = []
        made.write { bytes.append(contentsOf: $0) }
        #expect(String(decoding: bytes, as: UTF8.self) == held.serialized())
    }

    @Test("empty objects and arrays as {} and [], at any depth; the lines after them as before")
    func empties() {
        let value = JSONValue.object([
            ("a", .object([])), ("b", .array([])), ("c", .array([.object([]), .array([.null]), .array([])])),
            ("d", .elements(JSONElements(count: 0) { _, writer in writer.null() })), ("e", .bool(false)),
        ])
        let expected = """
            {
              "a": {},
              "b": [],
              "c": [
                {},
                [
                  null
                ],
                []
              ],
              "d": [],
              "e": false
            }

            """
        #expect(value.serialized() == expected)
        #expect(JSONValue.object([]).serialized() == "{}\n")
        #expect(JSONValue.string("top").serialized() == "\"top\"\n")
    }

    @Test("written in chunks, the bytes are the whole text, and the chunks stay bounded")
    func chunks() {
        let value = JSONValue.array(Self.people)
        var bytes: [UInt8] = []
        var largest = 0
        value.write { chunk in
            bytes.append(contentsOf: chunk)
            largest = max(largest, chunk.count)
        }
        #expect(String(decoding: bytes, as: UTF8.self) == value.serialized())
        #expect(bytes.count > 200_000)
        #expect(largest < 70_000)
    }

    @Test("escapes: quotes, backslashes, control characters, U+2028/9; other text as it is")
    func escapes() throws {
        let text = "a\"b\\c\nd\re\tf\u{8}g\u{C}h\u{1}i\u{2028}j\u{2029}k–€😀"
        let written = JSONValue.string(text).serialized()
        #expect(written == "\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001i\\u2028j\\u2029k–€😀\"\n")
        let decoded = try JSONSerialization.jsonObject(with: Data(written.utf8), options: .fragmentsAllowed)
        #expect(decoded as? String == text)
    }

    @Test("numbers: whole ones without .0, others shortest, non-finite as null")
    func numbers() {
        let value = JSONValue.array([
            .number(3), .number(-0.0), .number(0.35), .number(-2.5e-7), .number(.infinity), .integer(Int.min),
        ])
        #expect(value.serialized() == "[\n  3,\n  0,\n  0.35,\n  -2.5e-07,\n  null,\n  -9223372036854775808\n]\n")
    }
}
