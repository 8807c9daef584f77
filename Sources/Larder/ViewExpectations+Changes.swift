import LarderCore

extension ViewExpectations {
    /// What `plan` and `apply` say changed in a view's expectations: the policy, and each
    /// expectation added or removed (a changed one is one removed and one added).
    /// - Parameter old: the applied expectations.
    /// - Returns: one line per change.
    func changes(from old: ViewExpectations) -> [String] {
        var lines: [String] = []
        if policy != old.policy, !(rules.isEmpty || old.rules.isEmpty) {
            lines.append("expectations policy: \(old.policy.rawValue) → \(policy.rawValue)")
        }
        for rule in rules where !old.rules.contains(rule) {
            lines.append("expectation added: \(rule.summary)\(old.rules.isEmpty ? " (policy \(policy.rawValue))" : "")")
        }
        for rule in old.rules where !rules.contains(rule) {
            lines.append("expectation removed: \(rule.summary)")
        }
        return lines
    }
}
