#if canImport(Glibc)
    import Glibc
#endif

/// What ingest asks of a field's bytes, answered without building a `String` in the common case,
/// and always with the answer the `String` would give: trimming as `trimmingSpaces` trims,
/// numbers as `Int(_:)` reads them, equality as `String` compares (canonical equivalence).
package enum FieldText {
    /// True when every byte is ASCII.
    @inline(__always)
    package static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index + 8 <= count {
            if base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if base.load(fromByteOffset: index, as: UInt8.self) >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// The bytes `String.trimmingSpaces` keeps (leading and trailing spaces, tabs and line breaks
    /// removed, character by character). Decided on the bytes except where a space touches a
    /// non-ASCII scalar that might join it into one character; then the `String` decides.
    @inline(__always)
    package static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let count = bytes.count
        guard count > 0, let base = bytes.baseAddress else { return bytes }
        let first = base.load(as: UInt8.self)
        let last = base.load(fromByteOffset: count - 1, as: UInt8.self)
        if !isSpaceByte(first), !isSpaceByte(last) { return bytes }
        guard let range = trimmedRange(bytes) else { return slowTrimmed(bytes) }
        return UnsafeRawBufferPointer(rebasing: bytes[range])
    }

    @inline(__always)
    static func isSpaceByte(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// The kept range, or nil when a space next to a non-ASCII byte needs the `String`'s view of
    /// characters. A CR LF pair is one character that is not a space, and stays.
    static func trimmedRange(_ bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        let count = bytes.count
        var lower = 0
        while lower < count, isSpaceByte(bytes[lower]) {
            let next: UInt8? = lower + 1 < count ? bytes[lower + 1] : nil
            if bytes[lower] == 0x0D, next == 0x0A { break }
            if bytes[lower] == 0x20, let next, next >= 0x80 { return nil }
            lower += 1
        }
        var upper = count
        while upper > lower, isSpaceByte(bytes[upper - 1]) {
            let previous: UInt8? = upper - 2 >= lower ? bytes[upper - 2] : nil
            if bytes[upper - 1] == 0x0A, previous == 0x0D { break }
            if bytes[upper - 1] == 0x20, let previous, previous >= 0x80 { return nil }
            upper -= 1
        }
        return lower..<upper
    }

    private static func slowTrimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let text = string(bytes)
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) })
        else { return UnsafeRawBufferPointer(rebasing: bytes[0..<0]) }
        let lower = text.utf8.distance(from: text.startIndex, to: first)
        let upper = text.utf8.distance(from: text.startIndex, to: text.index(after: last))
        return UnsafeRawBufferPointer(rebasing: bytes[lower..<upper])
    }

    /// The bytes as a `String` (they are valid UTF-8: the reader checked them).
    @inline(__always)
    package static func string(_ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The whole number `Int(String)` reads from the bytes: an optional sign, then decimal digits.
    package static func integer(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let count = bytes.count
        guard count > 0 else { return nil }
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
            guard count > 1 else { return nil }
        }
        var value = 0
        while index < count {
            let digit = Int(bytes[index]) &- 0x30
            guard digit >= 0, digit <= 9 else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) =
                negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = sum
            index += 1
        }
        return value
    }

    /// True when `HeaderText.fold` of the bytes is `folded` (lower-case ASCII letters and digits,
    /// single spaces).
    package static func folds(_ bytes: UnsafeRawBufferPointer, to folded: StaticString) -> Bool {
        // Quick no: an ASCII letter or digit before any other byte that is not the target's first.
        for byte in bytes {
            if byte >= 0x80 { break }
            let lower = byte | 0x20
            let isLetter = lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if isLetter || isDigit {
                if (isLetter ? lower : byte) != folded.utf8Start.pointee { return false }
                break
            }
        }
        guard isASCII(bytes) else { return HeaderText.fold(string(bytes)) == folded.description }
        let target = UnsafeRawBufferPointer(start: folded.utf8Start, count: folded.utf8CodeUnitCount)
        var position = 0
        var pendingSpace = false
        for byte in bytes {
            var letter = byte
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): letter = byte + 32
            case UInt8(ascii: "'"): continue
            default:
                pendingSpace = true
                continue
            }
            if pendingSpace, position > 0 {
                guard position < target.count, target[position] == UInt8(ascii: " ") else { return false }
                position += 1
            }
            pendingSpace = false
            guard position < target.count, target[position] == letter else { return false }
            position += 1
        }
        return position == target.count
    }

    /// Calls `body` with the bytes two texts share exactly when they are equal as `String`s: the
    /// bytes themselves for ASCII, else the text's canonical composition (NFC).
    @inline(__always)
    package static func withCanonical<Result>(
        _ bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        if isASCII(bytes) { return body(bytes) }
        return string(bytes)._nfcCodeUnits.withUnsafeBytes(body)
    }

    /// Like `withCanonical`, for the text lower-cased as `String.lowercased()` does.
    @inline(__always)
    package static func withLowercasedCanonical<Result>(
        _ bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        if isASCII(bytes) {
            var hasUpper = false
            for byte in bytes where byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                hasUpper = true
                break
            }
            if !hasUpper { return body(bytes) }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { lower in
                for (index, byte) in bytes.enumerated() {
                    lower[index] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                }
                return body(UnsafeRawBufferPointer(lower))
            }
        }
        return string(bytes).lowercased()._nfcCodeUnits.withUnsafeBytes(body)
    }

    /// True when the two byte strings are the same bytes.
    @inline(__always)
    package static func same(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let count = a.count
        guard count == b.count else { return false }
        guard count > 0, let left = a.baseAddress, let right = b.baseAddress else { return true }
        // Short texts (most cells) are compared in two overlapping loads, without a call.
        if count >= 8, count <= 16 {
            return left.loadUnaligned(as: UInt64.self) == right.loadUnaligned(as: UInt64.self)
                && left.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                    == right.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        if count >= 4, count < 8 {
            return left.loadUnaligned(as: UInt32.self) == right.loadUnaligned(as: UInt32.self)
                && left.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
                    == right.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        }
        if count < 4 {
            for index in 0..<count where a[index] != b[index] { return false }
            return true
        }
        return memcmp(left, right, count) == 0
    }

    /// Orders two byte strings as `String`s order: byte order when both are ASCII (code-point order
    /// of the canonical composition is what `String` compares), else the strings decide.
    package static func precedes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        if isASCII(a), isASCII(b) {
            let shared = min(a.count, b.count)
            if shared > 0, let left = a.baseAddress, let right = b.baseAddress {
                let order = memcmp(left, right, shared)
                if order != 0 { return order < 0 }
            }
            return a.count < b.count
        }
        return string(a) < string(b)
    }

    /// A 64-bit hash of the bytes (not for security: for tables keyed by text).
    @inline(__always)
    package static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        guard count > 0, let base = bytes.baseAddress else { return mix(0x2D35_8DCC_AA6C_78A5, 0x8BB8_4B93_962E_ACC9) }
        var seed: UInt64 = 0xA076_1D64_78BD_642F ^ UInt64(truncatingIfNeeded: count)
        var a: UInt64
        var b: UInt64
        if count <= 16 {
            if count >= 4 {
                let last = count - 4
                let half = (count >> 3) << 2
                a =
                    UInt64(base.loadUnaligned(as: UInt32.self)) << 32
                    | UInt64(base.loadUnaligned(fromByteOffset: half, as: UInt32.self))
                b =
                    UInt64(base.loadUnaligned(fromByteOffset: last, as: UInt32.self)) << 32
                    | UInt64(base.loadUnaligned(fromByteOffset: last - half, as: UInt32.self))
            } else {
                a =
                    UInt64(base.load(as: UInt8.self)) << 16
                    | UInt64(base.load(fromByteOffset: count >> 1, as: UInt8.self)) << 8
                    | UInt64(base.load(fromByteOffset: count - 1, as: UInt8.self))
                b = 0
            }
        } else {
            var index = 0
            while count - index > 16 {
                seed = mix(
                    base.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0xE703_7ED1_A0B4_28DB,
                    base.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self) ^ seed)
                index += 16
            }
            a = base.loadUnaligned(fromByteOffset: count - 16, as: UInt64.self)
            b = base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        return mix(0xE703_7ED1_A0B4_28DB ^ UInt64(truncatingIfNeeded: count), mix(a ^ 0xE703_7ED1_A0B4_28DB, b ^ seed))
    }

    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }
}
