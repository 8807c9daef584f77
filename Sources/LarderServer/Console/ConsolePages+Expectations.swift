import LarderCore

extension ConsolePages {
    /// A view's expectations: each rule and its column, under the view's policy.
    func expectationList(_ expectations: ViewExpectations) -> HTML {
        let outcome =
            expectations.policy == .reject
            ? "a file or pushed batch that breaks one is refused whole" : "rows that break one are kept and counted"
        return table(
            caption: "Checked on every ingest and push; policy \(expectations.policy.rawValue): \(outcome)",
            headers: ["Rule", "Column", "Check"],
            rows: expectations.rules.map { rule -> [HTML] in
                [
                    "<code>\(rule.ruleName)</code>", ConsoleText.orDash(rule.column ?? ""),
                    "<code>\(rule.summary)</code>",
                ]
            }, id: "expectations")
    }
}
