/// Checks UTF-8 as it streams past, chunk by chunk: a character cut by a chunk boundary is
/// finished in the next chunk. Rejects overlong forms, surrogates and code points past U+10FFFF.
package struct UTF8Validator: Sendable {
    /// Continuation bytes still expected for the character in progress.
    private var needed = 0
    /// The allowed range of the next continuation byte (narrower right after some lead bytes).
    private var low: UInt8 = 0x80
    private var high: UInt8 = 0xBF

    package init() {}

    /// The offset of the first invalid byte in `bytes`, or nil when all is valid so far.
    package mutating func firstInvalidOffset(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            if needed == 0 {
                // Fast path: 32 ASCII bytes at a time, then eight.
                while index + 32 <= count,
                    (bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                        | bytes.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                        | bytes.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)
                        | bytes.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)) & 0x8080_8080_8080_8080 == 0
                {
                    index += 32
                }
                while index + 8 <= count,
                    bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                guard index < count else { break }
                let lead = bytes[index]
                index += 1
                switch lead {
                case 0x00...0x7F: continue
                case 0xC2...0xDF: needed = 1; low = 0x80; high = 0xBF
                case 0xE0: needed = 2; low = 0xA0; high = 0xBF
                case 0xED: needed = 2; low = 0x80; high = 0x9F
                case 0xE1...0xEF: needed = 2; low = 0x80; high = 0xBF
                case 0xF0: needed = 3; low = 0x90; high = 0xBF
                case 0xF4: needed = 3; low = 0x80; high = 0x8F
                case 0xF1...0xF3: needed = 3; low = 0x80; high = 0xBF
                default: return index - 1
                }
            } else {
                let byte = bytes[index]
                guard byte >= low, byte <= high else { return index }
                index += 1
                needed -= 1
                low = 0x80
                high = 0xBF
            }
        }
        return nil
    }

    /// True when no character is left half-finished.
    package var isComplete: Bool { needed == 0 }
}
