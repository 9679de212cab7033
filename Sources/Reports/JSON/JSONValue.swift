import Dispatch

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
    /// An array whose elements are made one at a time while it is written, so that a long list
    /// (a large run's pairs) is never held as values all at once.
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
        case (.elements(let a), .elements(let b)):
            a.count == b.count && (0..<a.count).allSatisfy { a.element($0) == b.element($0) }
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
        withoutActuallyEscaping(emit) { emit in
            var output = JSONOutput(emit: emit)
            write(to: &output, indent: 0)
            output.append(UInt8(ascii: "\n"))
            output.flush()
        }
    }

    private func write(to output: inout JSONOutput, indent: Int) {
        switch self {
        case .null: output.append("null")
        case .bool(let value): output.append(value ? "true" : "false")
        case .integer(let value): output.append(integer: value)
        case .number(let value):
            if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
                output.append(integer: Int(value))
            } else {
                output.append(Self.format(value))
            }
        case .string(let value): output.append(quoted: value)
        case .array(let values):
            Self.writeArray(count: values.count, to: &output, indent: indent) { values[$0] }
        case .elements(let elements):
            if elements.count >= Self.concurrentFrom && !output.isCollecting {
                Self.writeConcurrently(elements, to: &output, indent: indent)
            } else {
                Self.writeArray(count: elements.count, to: &output, indent: indent, elements.element)
            }
        case .object(let members):
            if members.isEmpty {
                output.append("{}")
                return
            }
            output.append("{\n")
            for (index, (key, value)) in members.enumerated() {
                output.append(indentation: indent + 1)
                output.append(quoted: key)
                output.append(": ")
                value.write(to: &output, indent: indent + 1)
                output.append(index == members.count - 1 ? "\n" : ",\n")
            }
            output.append(indentation: indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func writeArray(
        count: Int, to output: inout JSONOutput, indent: Int, _ element: (Int) -> JSONValue
    ) {
        if count == 0 {
            output.append("[]")
            return
        }
        output.append("[\n")
        for index in 0..<count { writeElement(element(index), at: index, of: count, to: &output, indent: indent) }
        output.append(indentation: indent)
        output.append(UInt8(ascii: "]"))
    }

    /// Element `index` of an array of `count` at `indent`: on its own line, a comma after all but
    /// the last.
    private static func writeElement(
        _ value: JSONValue, at index: Int, of count: Int, to output: inout JSONOutput, indent: Int
    ) {
        output.append(indentation: indent + 1)
        value.write(to: &output, indent: indent + 1)
        output.append(index == count - 1 ? "\n" : ",\n")
    }

    /// Elements per worker and block in `writeConcurrently`: about a megabyte of a large run's
    /// pairs; an array of fewer than two blocks is written on one thread.
    static let concurrentBlock = 1_024
    static let concurrentFrom = 2 * concurrentBlock

    /// A long `.elements` array (a large run's pairs), the same bytes as `writeArray` makes: its
    /// elements are made and rendered on two threads, a block each at a time, and the two blocks
    /// handed on in order. At 1,000,000 rows this is most of `summary.json`'s 117 MB.
    private static func writeConcurrently(_ elements: JSONElements, to output: inout JSONOutput, indent: Int) {
        output.append("[\n")
        let count = elements.count
        var start = 0
        while start < count {
            let (first, end) = (start, min(count, start + 2 * concurrentBlock))
            let middle = min(end, first + concurrentBlock)
            let blocks = [[UInt8]](unsafeUninitializedCapacity: 2) { blocks, initialized in
                guard let base = blocks.baseAddress else { return }
                let slots = BlockSlots(pointer: base)
                DispatchQueue.concurrentPerform(iterations: 2) { half in
                    let range = half == 0 ? first..<middle : middle..<end
                    var block = JSONOutput()
                    for index in range {
                        writeElement(elements.element(index), at: index, of: count, to: &block, indent: indent)
                    }
                    (slots.pointer + half).initialize(to: block.collected)
                }
                initialized = 2
            }
            for block in blocks { output.append(bytes: block) }
            start = end
        }
        output.append(indentation: indent)
        output.append(UInt8(ascii: "]"))
    }

    /// The two blocks' places, each initialised by its own worker.
    private struct BlockSlots: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<[UInt8]>
    }

    /// The shortest text that reads back as the same Double; whole numbers without `.0`.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(describing: value)
    }
}

/// The elements of a `JSONValue.elements` array: how many, and how to make each.
package struct JSONElements: Sendable {
    package let count: Int
    package let element: @Sendable (Int) -> JSONValue

    package init(count: Int, element: @escaping @Sendable (Int) -> JSONValue) {
        self.count = count
        self.element = element
    }
}

/// Bytes of a JSON text on their way out, gathered in a buffer that is handed on when full; or,
/// without an `emit`, collected whole (a block of `writeConcurrently`).
private struct JSONOutput {
    private static let capacity = 1 << 16
    private let emit: ((UnsafeRawBufferPointer) -> Void)?
    private var buffer: [UInt8] = []

    init(emit: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.emit = emit
        buffer.reserveCapacity(Self.capacity + 64)
    }

    /// Collecting: nothing is handed on; `collected` holds every byte.
    init() {
        emit = nil
    }

    var isCollecting: Bool { emit == nil }

    var collected: [UInt8] { buffer }

    mutating func flush() {
        guard let emit, !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { emit($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func flushIfFull() {
        if buffer.count >= Self.capacity { flush() }
    }

    /// Bytes made elsewhere; a large piece is handed on as it is, not copied into the buffer.
    mutating func append(bytes: [UInt8]) {
        if let emit, bytes.count >= Self.capacity {
            flush()
            bytes.withUnsafeBytes { emit($0) }
        } else {
            buffer.append(contentsOf: bytes)
            flushIfFull()
        }
    }

    mutating func append(_ byte: UInt8) {
        buffer.append(byte)
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
        flushIfFull()
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        flushIfFull()
    }

    mutating func append(indentation level: Int) {
        for _ in 0..<(2 * level) { buffer.append(UInt8(ascii: " ")) }
    }

    mutating func append(integer value: Int) {
        append(String(value))  // a small string: no allocation
    }

    /// A JSON string: quotes, backslashes and control characters escaped (as are U+2028 and
    /// U+2029, which some JavaScript parsers take for line breaks); everything else as it is.
    mutating func append(quoted text: String) {
        buffer.append(UInt8(ascii: "\""))
        var text = text
        let plain = text.withUTF8 { bytes in
            // The common case: nothing to escape, copied in one go. (0xE2 leads U+2028 and U+2029.)
            let needsEscape = bytes.contains { byte in
                byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2
            }
            if !needsEscape { buffer.append(contentsOf: bytes) }
            return !needsEscape
        }
        if !plain {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": append("\\\"")
                case "\\": append("\\\\")
                case "\n": append("\\n")
                case "\r": append("\\r")
                case "\t": append("\\t")
                case "\u{8}": append("\\b")
                case "\u{C}": append("\\f")
                default:
                    if scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}" {
                        let hex = String(scalar.value, radix: 16)
                        append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                    } else {
                        buffer.append(contentsOf: String(scalar).utf8)
                    }
                }
            }
        }
        buffer.append(UInt8(ascii: "\""))
        flushIfFull()
    }
}
