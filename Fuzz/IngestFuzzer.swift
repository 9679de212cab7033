// libFuzzer entry point for the ingest stage: every input must end in a survey or a listed
// problem, never a crash or a hang, and every data row must be accounted for.
// Built by `make fuzz` with `swiftc -sanitize=fuzzer,address` together with Sources/Ingest.

#if canImport(Glibc)
import Glibc
#endif

private let path = "/dev/shm/genbridge-fuzz-\(getpid()).csv"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIngest(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { return 0 }
    var written = 0
    while written < size {
        let count = write(fd, data + written, size - written)
        if count <= 0 { break }
        written += count
    }
    close(fd)

    // The first byte picks a layout and the limits, so the fuzzer explores every path.
    var options = IngestOptions()
    let selector = size > 0 ? Int(data[0]) : 0
    let layouts: [LayoutChoice] = [.auto] + SurveyLayout.allCases.map { .layout($0) }
    options.layout = layouts[selector % layouts.count]
    options.read.limits = CSVLimits(maxFieldBytes: 64 + selector * 16, maxColumns: 8 + selector % 64)
    options.read.chunkSize = [3, 61, 1024, 1 << 16][selector % 4]

    var respondents = 0
    let survey = SurveyIngestor(options: options).ingest([InputSource(path: path)]) { _ in respondents += 1 }
    if survey.problems.isEmpty, survey.rowsRead != survey.rowsUsed + survey.rejections.count {
        fatalError("rows read \(survey.rowsRead) != used \(survey.rowsUsed) + rejected \(survey.rejections.count)")
    }
    if respondents != survey.rowsUsed { fatalError("respondents \(respondents) != rows used \(survey.rowsUsed)") }
    return 0
}
