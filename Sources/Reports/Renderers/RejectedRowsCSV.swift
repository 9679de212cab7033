import Ingest

/// `rejected.csv`: every rejected row with its input file, line, id and reason.
package enum RejectedRowsCSV {
    package static func render(_ survey: Survey) -> String {
        var table = CSVTable(header: ["file", "line", "id", "reason", "detail"])
        for rejection in survey.rejections {
            table.append([
                .input(rejection.location.file), .integer(rejection.location.line ?? 0),
                rejection.id.map(CSVTable.Cell.input) ?? .empty, .text(rejection.reason.code),
                .input(rejection.reason.description),
            ])
        }
        return table.render()
    }
}
