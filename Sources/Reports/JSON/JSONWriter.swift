/// JSON text written straight to bytes, pretty-printed as `summary.json` is: two-space
/// indentation, one member or element a line, `{}` and `[]` when empty. `JSONValue` writes itself
/// with it, and a long array (a large run's pairs) writes its elements with it directly, without
/// making values first; both give the same bytes for the same document.
///
/// The caller says where each member or element starts (`key`, `element`), then writes its value:
/// a scalar, or an object or array begun and ended around its own members or elements.
///
/// Bytes are gathered in a buffer that is handed on when full; or, without an `emit`, collected
/// whole (a block of a long array rendered on another thread).
package struct JSONWriter {
    private static let capacity = 1 << 16
    private let emit: ((UnsafeRawBufferPointer) -> Void)?
    private var buffer: [UInt8] = []
    /// How many objects and arrays are open.
    private(set) var depth: Int
    /// Whether the innermost open object or array has no member or element yet.
    private var isEmptySoFar = true

    private init(emit: ((UnsafeRawBufferPointer) -> Void)?, depth: Int) {
        self.emit = emit
        self.depth = depth
    }

    /// One document, pretty-printed with a final newline, handed to `emit` a chunk of bytes at a
    /// time (so that a large document never has to be held whole).
    package static func write(
        _ emit: (UnsafeRawBufferPointer) -> Void, _ document: (inout JSONWriter) -> Void
    ) {
        withoutActuallyEscaping(emit) { emit in
            var writer = JSONWriter(emit: emit, depth: 0)
            writer.buffer.reserveCapacity(capacity + 64)
            document(&writer)
            writer.append(UInt8(ascii: "\n"))
            writer.flush()
        }
    }

    /// Collecting every byte, nothing handed on: a block of elements of an array that is open
    /// elsewhere, `depth` objects and arrays deep (the array included); `isFirst` when the block
    /// starts the array.
    static func collecting(depth: Int, isFirst: Bool) -> JSONWriter {
        var writer = JSONWriter(emit: nil, depth: depth)
        writer.isEmptySoFar = isFirst
        return writer
    }

    var isCollecting: Bool { emit == nil }

    var collected: [UInt8] { buffer }

    // MARK: - Structure

    package mutating func beginObject() { open(UInt8(ascii: "{")) }

    package mutating func endObject() { close(UInt8(ascii: "}")) }

    package mutating func beginArray() { open(UInt8(ascii: "[")) }

    package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// The start of an object's member: its key, on a line of its own; its value comes next.
    package mutating func key(_ name: String) {
        startLine()
        string(name)
        append(": ")
    }

    /// The start of an array's element, on a line of its own; its value comes next.
    package mutating func element() {
        startLine()
    }

    /// Bytes that are already JSON text, elements of the innermost open array (a block rendered
    /// by `collecting`); a large piece is handed on as it is, not copied into the buffer.
    mutating func append(elements bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        isEmptySoFar = false
        if let emit, bytes.count >= Self.capacity {
            flush()
            bytes.withUnsafeBytes { emit($0) }
        } else {
            buffer.append(contentsOf: bytes)
            flushIfFull()
        }
    }

    private mutating func open(_ bracket: UInt8) {
        buffer.append(bracket)
        depth += 1
        isEmptySoFar = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !isEmptySoFar {
            append(UInt8(ascii: "\n"))
            append(indentation: depth)
        }
        buffer.append(bracket)
        isEmptySoFar = false
    }

    /// A comma after the member or element before, if any; a new line, indented. A full buffer is
    /// handed on here: past its capacity it holds at most one line (a key and a value, or closing
    /// brackets).
    private mutating func startLine() {
        flushIfFull()
        append(isEmptySoFar ? "\n" : ",\n")
        isEmptySoFar = false
        append(indentation: depth)
    }

    // MARK: - Values

    package mutating func null() { append("null") }

    package mutating func bool(_ value: Bool) { append(value ? "true" : "false") }

    package mutating func integer(_ value: Int) {
        append(String(value))  // a small string: no allocation
    }

    /// A whole number without `.0`, others as the shortest text that reads back as the same
    /// Double; not finite as null.
    package mutating func number(_ value: Double) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            integer(Int(value))
        } else if value.isFinite {
            append(String(describing: value))
        } else {
            null()
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped (as are U+2028 and
    /// U+2029, which some JavaScript parsers take for line breaks); everything else as it is.
    package mutating func string(_ value: String) {
        buffer.append(UInt8(ascii: "\""))
        var text = value
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
    }

    /// A string, or null when absent.
    package mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    // MARK: - Bytes

    private mutating func flush() {
        guard let emit, !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { emit($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func flushIfFull() {
        if buffer.count >= Self.capacity { flush() }
    }

    private mutating func append(_ byte: UInt8) {
        buffer.append(byte)
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
    }

    private mutating func append(indentation level: Int) {
        for _ in 0..<(2 * level) { buffer.append(UInt8(ascii: " ")) }
    }
}
