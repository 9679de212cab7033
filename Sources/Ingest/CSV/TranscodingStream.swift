/// Turns a stream of bytes in one encoding into UTF-8, chunk by chunk, carrying a character that
/// a chunk boundary cuts in two over to the next chunk.
package struct TranscodingStream: Sendable {
    package let encoding: TextEncoding
    private var carry: [UInt8] = []
    private var pendingHighSurrogate: UInt16?
    private var output: [UInt8] = []
    private var validator = UTF8Validator()

    package init(encoding: TextEncoding) { self.encoding = encoding }

    /// Problems a transcoder finds; the caller adds the line it was on.
    package struct InvalidBytes: Error, Sendable {}

    /// Converts the next chunk and hands the UTF-8 bytes to `body`; UTF-8 passes through
    /// untouched. At invalid bytes it hands over what came before them and returns false.
    package mutating func convert<E: Error>(
        _ bytes: UnsafeRawBufferPointer,
        _ body: (UnsafeRawBufferPointer) throws(E) -> Void
    ) throws(E) -> Bool {
        switch encoding {
        case .utf8:
            if let bad = validator.firstInvalidOffset(bytes) {
                try body(UnsafeRawBufferPointer(rebasing: bytes[..<bad]))
                return false
            }
            try body(bytes)
            return true
        case .windows1252:
            output.removeAll(keepingCapacity: true)
            output.reserveCapacity(bytes.count + bytes.count / 8)
            for byte in bytes {
                if byte < 0x80 {
                    output.append(byte)
                } else {
                    appendUTF8(Windows1252.scalar(for: byte))
                }
            }
        case .utf16LittleEndian, .utf16BigEndian:
            output.removeAll(keepingCapacity: true)
            output.reserveCapacity(bytes.count)
            var index = 0
            var valid = true
            if carry.count == 1, let first = bytes.first {
                valid = decodeUnit(carry[0], first)
                carry.removeAll()
                index = 1
            }
            while valid, index + 1 < bytes.count {
                valid = decodeUnit(bytes[index], bytes[index + 1])
                index += 2
            }
            if valid, index < bytes.count { carry = [bytes[index]] }
            if !valid {
                try handOver(body)
                return false
            }
        }
        try handOver(body)
        return true
    }

    /// Passes the converted bytes to `body`, keeping its typed error.
    private func handOver<E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        let outcome: Result<Void, E> = output.withUnsafeBytes { buffer in
            Result { () throws(E) in try body(buffer) }
        }
        try outcome.get()
    }

    /// True when the stream ended cleanly (no half character left over).
    package var endsCleanly: Bool { carry.isEmpty && pendingHighSurrogate == nil && validator.isComplete }

    private mutating func decodeUnit(_ first: UInt8, _ second: UInt8) -> Bool {
        let unit: UInt16 =
            encoding == .utf16LittleEndian
            ? UInt16(first) | UInt16(second) << 8
            : UInt16(first) << 8 | UInt16(second)
        if let high = pendingHighSurrogate {
            pendingHighSurrogate = nil
            guard (0xDC00...0xDFFF).contains(unit) else { return false }
            let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
            appendUTF8(scalar)
            return true
        }
        switch unit {
        case 0xD800...0xDBFF: pendingHighSurrogate = unit
        case 0xDC00...0xDFFF: return false
        default: appendUTF8(UInt32(unit))
        }
        return true
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}

/// The Windows-1252 code page: ASCII, then 0x80–0x9F as below, then Latin-1. The five bytes the
/// code page leaves undefined map to the C1 controls of the same value, as web browsers do.
enum Windows1252 {
    private static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func scalar(for byte: UInt8) -> UInt32 {
        (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
    }
}
