/// How one export program writes CSV: separator, line break, quoting, encoding, byte-order mark.
struct CSVDialect: Sendable {
    enum Encoding: Sendable {
        case utf8
        case windows1252
    }

    var delimiter: UInt8 = UInt8(ascii: ",")
    var lineBreak: [UInt8] = [0x0D, 0x0A]
    /// Google Forms quotes every field, empty ones included; others quote only when needed.
    var quotesEveryField = false
    var encoding = Encoding.utf8
    var byteOrderMark = false
    /// Some Qualtrics exports end every record with an extra separator.
    var trailingDelimiter = false

    static let quote = UInt8(ascii: "\"")

    /// `text` in the dialect's encoding, without quoting.
    func encode(_ text: String) -> [UInt8] {
        switch encoding {
        case .utf8: Array(text.utf8)
        case .windows1252: Windows1252.encode(text)
        }
    }

    /// True when encoded text must be quoted (RFC 4180): it holds the separator, a quote or a
    /// line break.
    func needsQuotes(_ encoded: [UInt8]) -> Bool {
        encoded.contains { $0 == delimiter || $0 == Self.quote || $0 == 0x0A || $0 == 0x0D }
    }

    /// Encoded text with its quotes doubled, ready to go between quotes.
    func escaped(_ encoded: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(encoded.count)
        for byte in encoded {
            result.append(byte)
            if byte == Self.quote { result.append(byte) }
        }
        return result
    }

    /// A complete field: encoded, and quoted when the dialect or the text needs it.
    func field(_ text: String) -> [UInt8] {
        let encoded = encode(text)
        guard quotesEveryField || needsQuotes(encoded) else { return encoded }
        return [Self.quote] + escaped(encoded) + [Self.quote]
    }

    /// A whole record of fixed texts (header rows).
    func record(_ texts: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, text) in texts.enumerated() {
            if index > 0 { bytes.append(delimiter) }
            bytes += field(text)
        }
        if trailingDelimiter { bytes.append(delimiter) }
        return bytes + lineBreak
    }
}

/// Writes one record field by field into an `OutputBuffer`, putting in separators, the quotes a
/// dialect wants around every field, and the line break.
struct RecordWriter {
    let out: OutputBuffer
    let delimiter: UInt8
    let quotesEveryField: Bool
    let trailingDelimiter: Bool
    let lineBreak: [UInt8]
    private var started = false

    init(out: OutputBuffer, dialect: CSVDialect) {
        self.out = out
        delimiter = dialect.delimiter
        quotesEveryField = dialect.quotesEveryField
        trailingDelimiter = dialect.trailingDelimiter
        lineBreak = dialect.lineBreak
    }

    /// Starts a field: the separator before every field but the first.
    @inline(__always)
    mutating func next() {
        if started { out.append(delimiter) } else { started = true }
    }

    /// A field prepared by `CSVDialect.field`.
    @inline(__always)
    mutating func field(_ bytes: [UInt8]) {
        next()
        out.append(bytes)
    }

    mutating func empty() {
        next()
        if quotesEveryField {
            out.append(CSVDialect.quote)
            out.append(CSVDialect.quote)
        }
    }

    /// Opens a field whose content needs no quoting of its own (numbers, dates, ASCII words).
    @inline(__always)
    mutating func open() {
        next()
        if quotesEveryField { out.append(CSVDialect.quote) }
    }

    @inline(__always)
    func close() {
        if quotesEveryField { out.append(CSVDialect.quote) }
    }

    mutating func number(_ value: Int, minimumDigits: Int = 1) {
        open()
        out.appendDecimal(value, minimumDigits: minimumDigits)
        close()
    }

    /// Ends the record.
    mutating func end() {
        if trailingDelimiter { out.append(delimiter) }
        out.append(lineBreak)
        started = false
    }
}
