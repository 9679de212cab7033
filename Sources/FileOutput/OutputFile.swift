/// One file of a set written together: its name inside the output folder and its bytes.
package struct OutputFile: Sendable {
    /// A function that makes a file's bytes and hands them to `emit`, a chunk at a time.
    package typealias Producer = @Sendable (_ emit: (UnsafeRawBufferPointer) -> Void) -> Void

    package enum Content: Sendable {
        case bytes([UInt8])
        /// Made while the file is written, so that a large file is never held whole.
        case produced(Producer)
    }

    package var name: String
    package var content: Content

    package init(name: String, bytes: [UInt8]) {
        self.name = name
        self.content = .bytes(bytes)
    }

    package init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    package init(name: String, producer: @escaping Producer) {
        self.name = name
        self.content = .produced(producer)
    }
}
