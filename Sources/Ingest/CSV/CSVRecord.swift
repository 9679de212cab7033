/// One record as libcsv delivered it: the bytes of its fields back to back, where each field ends,
/// and the physical line the record starts on. Fields are already unquoted (doubled quotes undone).
package struct CSVRecord: Sendable {
    /// Physical line (1-based) where the record starts; a quoted newline does not start a record.
    package var line = 0
    package private(set) var bytes: [UInt8] = []
    package private(set) var fieldEnds: [Int] = []
    /// The first field (0-based) that holds a NUL byte, if any.
    package private(set) var firstFieldWithNUL: Int?

    package init() {}

    /// Builds a record from strings; for tests and for callers that synthesise rows.
    package init(line: Int, fields: [String]) {
        self.line = line
        for field in fields { append(field.utf8) }
    }

    package var fieldCount: Int { fieldEnds.count }

    /// The bytes of field `index` (0-based).
    package func field(_ index: Int) -> ArraySlice<UInt8> {
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        return bytes[start..<fieldEnds[index]]
    }

    /// Field `index` as text, or nil when its bytes are not valid UTF-8.
    package func string(_ index: Int) -> String? {
        field(index).withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
    }

    mutating func append(_ field: some Collection<UInt8>) {
        if firstFieldWithNUL == nil, field.contains(0) { firstFieldWithNUL = fieldEnds.count }
        bytes.append(contentsOf: field)
        fieldEnds.append(bytes.count)
    }

    mutating func append(_ field: UnsafeRawBufferPointer) {
        if firstFieldWithNUL == nil, field.contains(0) { firstFieldWithNUL = fieldEnds.count }
        bytes.append(contentsOf: field)
        fieldEnds.append(bytes.count)
    }

    /// Empties the record, keeping its storage for the next one.
    mutating func reset() {
        line = 0
        bytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        firstFieldWithNUL = nil
    }
}
