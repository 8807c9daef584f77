/// When `larder drift` calls a feature service's features drifted, declared with the service so
/// every scheduled check of the model uses the same thresholds. Members left `nil` keep the
/// defaults (p < 0.05 after a Bonferroni correction, or PSI ≥ 0.25); the command's flags
/// override both.
public struct DriftPolicy: Hashable, Sendable, Codable {
    /// The family-wise p-value threshold, between 0 and 1.
    public var pValue: Double?
    /// The population stability index at or above which a feature drifts; positive.
    public var psi: Double?
    /// Whether p-values are corrected for the number of features compared (Bonferroni).
    public var bonferroni: Bool?

    /// A policy; `nil` members keep the defaults.
    /// - Parameters:
    ///   - pValue: the family-wise p-value threshold.
    ///   - psi: the PSI threshold.
    ///   - bonferroni: whether to correct for the number of features compared.
    public init(pValue: Double? = nil, psi: Double? = nil, bonferroni: Bool? = nil) {
        self.pValue = pValue
        self.psi = psi
        self.bonferroni = bonferroni
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case pValue = "p_value", psi, bonferroni
    }

    /// Decodes a policy.
    /// - Throws: `DecodingError` when a member is malformed or unknown.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownMembers(of: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            pValue: try container.decodeIfPresent(Double.self, forKey: .pValue),
            psi: try container.decodeIfPresent(Double.self, forKey: .psi),
            bonferroni: try container.decodeIfPresent(Bool.self, forKey: .bonferroni))
    }

    /// Encodes the members that are set.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(pValue, forKey: .pValue)
        try container.encodeIfPresent(psi, forKey: .psi)
        try container.encodeIfPresent(bonferroni, forKey: .bonferroni)
    }

    /// What is wrong with the thresholds, each naming its member.
    /// - Parameter object: the service, for messages.
    /// - Returns: the errors; empty when the policy is valid.
    func errors(object: String) -> [DefinitionError] {
        var errors: [DefinitionError] = []
        if let pValue, !(pValue > 0 && pValue < 1) {
            errors.append(
                DefinitionError(object: object, field: "drift.p_value", "must be between 0 and 1, not \(pValue)"))
        }
        if let psi, !(psi > 0 && psi.isFinite) {
            errors.append(DefinitionError(object: object, field: "drift.psi", "must be a positive number, not \(psi)"))
        }
        return errors
    }
}
