/// A JSON value whose objects keep their keys in the order they were built, so that
/// `summary.json` has a stable, readable key order and explicit `null`s.
package enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// An array whose elements are written one at a time, straight to bytes (see `JSONElements`).
    case elements(JSONElements)

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.elementsEqual(b) { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.elements, .elements): lhs.serialized() == rhs.serialized()
        default: false
        }
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(serialized())
    }

    /// A number, or null when absent or not finite.
    package static func optional(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    package static func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.integer) ?? .null }

    package static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// Pretty-printed with two-space indentation and a final newline.
    package func serialized() -> String {
        var bytes: [UInt8] = []
        write { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Pretty-printed as `serialized()`, handed to `emit` a chunk of bytes at a time (so that a
    /// large document never has to be held whole).
    package func write(_ emit: (UnsafeRawBufferPointer) -> Void) {
        JSONWriter.write(emit) { write(to: &$0) }
    }

    /// This value, where the writer stands.
    package func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let value): writer.bool(value)
        case .integer(let value): writer.integer(value)
        case .number(let value): writer.number(value)
        case .string(let value): writer.string(value)
        case .array(let values):
            writer.beginArray()
            for value in values {
                writer.element()
                value.write(to: &writer)
            }
            writer.endArray()
        case .elements(let elements): writer.array(elements)
        case .object(let members):
            writer.beginObject()
            for (key, value) in members {
                writer.key(key)
                value.write(to: &writer)
            }
            writer.endObject()
        }
    }
}
