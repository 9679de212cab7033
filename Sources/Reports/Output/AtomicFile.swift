#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file written all or nothing: a temporary file beside it, flushed, then renamed over it.
package struct AtomicFile: Sendable {
    package let path: String

    package init(path: String) { self.path = path }

    package func write(_ bytes: [UInt8]) throws(ReportError) {
        let folder = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) : "."
        let name = path.split(separator: "/").last.map(String.init) ?? path
        try OutputDirectory(path: folder.isEmpty ? "/" : folder).write([ReportFile(name: name, bytes: bytes)])
    }
}
