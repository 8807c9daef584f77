import Foundation
import Larder
import LarderCore
import LarderStores

/// How `larder validate` prints its reports: a line per expectation, or JSON.
enum ValidationOutput {
    /// One block per view: `ok`, `FAIL` or `not checked` before each expectation.
    static func text(_ reports: [ExpectationReport]) -> String {
        guard !reports.isEmpty else { return "no feature view declares expectations\n" }
        var text = ""
        for report in reports {
            guard let rows = report.rowsChecked else {
                text += "\(report.view) (\(report.policy.rawValue)): not ingested yet, nothing to check\n"
                continue
            }
            text += "\(report.view) (\(report.policy.rawValue)): \(rows) stored rows\n"
            for expectation in report.expectations {
                if report.unchecked.contains(expectation) {
                    text +=
                        "  not checked  \(expectation.summary): the store does not keep the column (checked on ingest and push)\n"
                } else if let violation = report.violations.first(where: { $0.expectation == expectation }) {
                    let prefix = "feature view '\(report.view)': "
                    text += "  FAIL         \(violation.message.dropFirst(prefix.count))\n"
                } else {
                    text += "  ok           \(expectation.summary)\n"
                }
            }
        }
        let failed = reports.filter { !$0.passed }.map(\.view)
        text +=
            failed.isEmpty ? "all expectations hold\n" : "expectations failed in \(failed.joined(separator: ", "))\n"
        return text
    }

    /// The reports as JSON: `{"passed": Bool, "views": [...]}` (docs/data-quality.md).
    static func json(_ reports: [ExpectationReport]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(passed: reports.allSatisfy(\.passed), views: reports.map(ViewReport.init))
        return String(decoding: try! encoder.encode(document), as: UTF8.self) + "\n"
    }

    private struct Document: Encodable {
        var passed: Bool
        var views: [ViewReport]
    }

    private struct ViewReport: Encodable {
        var view: String
        var policy: String
        var rowsChecked: Int?
        var passed: Bool
        var expectations: [Rule]

        enum CodingKeys: String, CodingKey {
            case view, policy, rowsChecked = "rows_checked", passed, expectations
        }

        init(_ report: ExpectationReport) {
            view = report.view
            policy = report.policy.rawValue
            rowsChecked = report.rowsChecked
            passed = report.passed
            expectations = report.expectations.map { expectation in
                let violation = report.violations.first { $0.expectation == expectation }
                let status =
                    report.rowsChecked == nil || report.unchecked.contains(expectation)
                    ? "not_checked" : violation == nil ? "passed" : "failed"
                return Rule(
                    rule: expectation.ruleName, column: expectation.column, summary: expectation.summary,
                    status: status, failingRows: violation?.failingRows ?? 0, finding: violation?.finding ?? "",
                    firstRows: violation?.examples.map { Example(row: $0.row, value: $0.value) } ?? [])
            }
        }
    }

    private struct Rule: Encodable {
        var rule: String
        var column: String?
        var summary: String
        var status: String
        var failingRows: Int
        var finding: String
        var firstRows: [Example]

        enum CodingKeys: String, CodingKey {
            case rule, column, summary, status, failingRows = "failing_rows", finding, firstRows = "first_rows"
        }
    }

    private struct Example: Encodable {
        var row: Int
        var value: String
    }
}
