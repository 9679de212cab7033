import FileOutput

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A reusable byte buffer that generated rows are written into, handed to a sink whenever it is
/// full (1 MiB by default), so output of any size takes constant memory. Numbers are formatted
/// straight into it; no `String` is made per field.
///
/// Writes never throw: the first failure of the sink is kept, later output is dropped, and
/// `finish()` throws it. The generator checks `failed` after each row and stops early.
package final class OutputBuffer {
    package typealias Sink = (UnsafeRawBufferPointer) throws(OutputError) -> Void

    private let storage: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0
    private let sink: Sink
    private var failure: OutputError?
    /// Bytes handed to the sink so far.
    package private(set) var bytesFlushed = 0

    package init(capacity: Int = 1 << 20, sink: @escaping Sink) {
        self.capacity = max(capacity, 64)
        storage = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
        self.sink = sink
    }

    deinit { storage.deallocate() }

    /// True once the sink has failed; nothing more reaches it.
    var failed: Bool { failure != nil }

    /// Hands what is buffered to the sink and throws the sink's first failure, if any.
    package func finish() throws(OutputError) {
        drain()
        if let failure { throw failure }
    }

    private func drain() {
        guard count > 0 else { return }
        if failure == nil {
            do {
                try sink(UnsafeRawBufferPointer(start: storage, count: count))
            } catch {
                failure = error
            }
        }
        bytesFlushed += count
        count = 0
    }

    @inline(__always)
    private func reserve(_ needed: Int) {
        if count &+ needed > capacity { drain() }
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count &+= 1
    }

    @inline(__always)
    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    func append(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if bytes.count > capacity {
            drain()
            if failure == nil {
                do {
                    try sink(UnsafeRawBufferPointer(bytes))
                } catch {
                    failure = error
                }
            }
            bytesFlushed += bytes.count
            return
        }
        reserve(bytes.count)
        (storage + count).update(from: base, count: bytes.count)
        count &+= bytes.count
    }

    /// A whole number ≥ 0 in decimal, left-padded with zeros to `minimumDigits`.
    func appendDecimal(_ value: Int, minimumDigits: Int = 1) {
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let width = max(digits, minimumDigits)
        reserve(width)
        rest = value
        var index = count + width - 1
        for _ in 0..<width {
            storage[index] = UInt8(truncatingIfNeeded: 48 + rest % 10)
            rest /= 10
            index -= 1
        }
        count += width
    }

    /// `value / 10^decimals` with exactly `decimals` decimals, signed (`-0.1257`).
    func appendFixed(_ value: Int, decimals: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        appendDecimal(abs(value) / scale)
        append(UInt8(ascii: "."))
        appendDecimal(abs(value) % scale, minimumDigits: decimals)
    }
}
