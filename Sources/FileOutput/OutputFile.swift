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

    /// A file whose text is made only when it is written, and handed over as its UTF-8 bytes
    /// without a copy: files are written one after the other, so of several such files only one
    /// is ever held whole (at 1,000,000 survey rows the text report alone is 21 MB).
    package init(name: String, makingText make: @escaping @Sendable () -> String) {
        self.init(name: name) { emit in
            var text = make()
            text.withUTF8 { emit(UnsafeRawBufferPointer($0)) }
        }
    }

    package init(name: String, producer: @escaping Producer) {
        self.name = name
        self.content = .produced(producer)
    }
}
