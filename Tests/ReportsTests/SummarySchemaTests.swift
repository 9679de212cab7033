import Foundation
import Testing

@testable import Analysis
@testable import Ingest
@testable import Pairing
@testable import Reports

/// `summary.json` against its documented schema, `Schemas/summary.schema.json`, with a small
/// validator for the part of JSON Schema the file uses (type, const, enum, properties, required,
/// additionalProperties, items, anyOf, minItems, maxItems).
@Suite("summary.json and its schema")
struct SummarySchemaTests {
    static var schema: Any {
        let url = HTMLTestSupport.root.appendingPathComponent("Schemas/summary.schema.json")
        return (try? JSONSerialization.jsonObject(with: Data(contentsOf: url))) ?? [:]
    }

    /// The sample with real pairs (the planner on the sample's candidates) and a change since itself.
    static func fullContext() throws -> ReportContext {
        let run = HTMLTestSupport.sample
        var pool = CandidatePool()
        for respondent in run.respondents { pool.add(respondent) }
        let plan = try MentoringPlanner.plan(
            pool: &pool, survey: run.survey, analysis: run.analysis, options: PairingOptions())
        let previous = try JSONDecoder().decode(
            PreviousSummary.self, from: Data(SummaryJSON.render(run.context(plan: plan)).utf8))
        let change = ChangeSincePrevious(
            comparing: run.analysis, with: previous.earlierRun(minGroupSize: 5), source: "q3/summary.json")
        return run.context(plan: plan, change: change, generatedAt: "2026-11-29T00:00:00Z")
    }

    @Test("the sample's summary, with pairs and change, is valid")
    func valid() throws {
        let document = try JSONSerialization.jsonObject(with: Data(SummaryJSON.render(try Self.fullContext()).utf8))
        #expect(Self.problems(document, Self.schema, path: "$") == [])
    }

    @Test("the bare summary (no pairing, no change) is valid; suppressed figures are null")
    func bare() throws {
        let run = HTMLTestSupport.run([HTMLTestSupport.samplePath], minGroupSize: 50)
        let text = SummaryJSON.render(run.context())
        let document = try JSONSerialization.jsonObject(with: Data(text.utf8))
        #expect(Self.problems(document, Self.schema, path: "$") == [])
        #expect(text.contains("\"mean\": null"))
        #expect(text.contains("\"pairing\": null"))
    }

    @Test("the validator catches a document that breaks the schema")
    func validatorCanFail() throws {
        var document = try #require(
            try JSONSerialization.jsonObject(with: Data(SummaryJSON.render(try Self.fullContext()).utf8))
                as? [String: Any])
        document["schema"] = "genbridge.summary/2"
        document["surprise"] = 1
        var rows = try #require(document["rows"] as? [String: Any])
        rows["read"] = "many"
        document["rows"] = rows
        let problems = Self.problems(document, Self.schema, path: "$")
        #expect(problems.contains("$.schema: not the constant genbridge.summary/1"))
        #expect(problems.contains("$: unexpected key surprise"))
        #expect(problems.contains("$.rows.read: not of type integer"))
    }

    @Test("keys come in the documented order, and schema comes first")
    func keyOrder() throws {
        let text = SummaryJSON.render(try Self.fullContext())
        let schemaKeys = try #require((Self.schema as? [String: Any])?["required"] as? [String])
        let positions = schemaKeys.map { key in text.range(of: "\n  \"\(key)\":")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted())
        #expect(text.hasPrefix("{\n  \"schema\": \"genbridge.summary/1\""))
    }

    // MARK: - A small JSON Schema validator

    static func problems(_ value: Any, _ schema: Any, path: String) -> [String] {
        guard let schema = schema as? [String: Any] else { return [] }
        var found: [String] = []
        if let options = schema["anyOf"] as? [Any] {
            if !options.contains(where: { problems(value, $0, path: path).isEmpty }) {
                found.append("\(path): matches no anyOf")
            }
        }
        if let constant = schema["const"] as? String, (value as? String) != constant {
            found.append("\(path): not the constant \(constant)")
        }
        if let choices = schema["enum"] as? [Any] {
            let matches = choices.contains { choice in
                if choice is NSNull { return value is NSNull }
                return (choice as? String) == (value as? String) && value is String
            }
            if !matches { found.append("\(path): not one of the enum") }
        }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [(type as? String) ?? ""]
            if !types.contains(where: { matchesType(value, $0) }) {
                found.append("\(path): not of type \(types.joined(separator: "|"))")
            }
        }
        if let object = value as? [String: Any], !(value is NSNull) {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                found.append("\(path): missing key \(key)")
            }
            for key in object.keys.sorted() {
                guard let member = object[key] else { continue }
                if let property = properties[key] {
                    found += problems(member, property, path: "\(path).\(key)")
                } else if let extra = schema["additionalProperties"] {
                    if (extra as? Bool) == false {
                        found.append("\(path): unexpected key \(key)")
                    } else if extra is [String: Any] {
                        found += problems(member, extra, path: "\(path).\(key)")
                    }
                }
            }
        }
        if let array = value as? [Any] {
            if let minimum = schema["minItems"] as? Int, array.count < minimum {
                found.append("\(path): fewer than \(minimum) items")
            }
            if let maximum = schema["maxItems"] as? Int, array.count > maximum {
                found.append("\(path): more than \(maximum) items")
            }
            if let items = schema["items"] {
                for (index, item) in array.enumerated() { found += problems(item, items, path: "\(path)[\(index)]") }
            }
        }
        return found
    }

    /// JSONSerialization gives booleans as a boolean subclass of NSNumber.
    static func isBoolean(_ value: Any) -> Bool {
        value is NSNumber && String(describing: Swift.type(of: value)).contains("Boolean")
    }

    static func matchesType(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean":
            return isBoolean(value)
        case "integer", "number":
            guard let number = value as? NSNumber, !isBoolean(value) else { return false }
            return type == "number" || number.doubleValue == number.doubleValue.rounded()
        default: return false
        }
    }
}
