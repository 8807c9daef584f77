import Yams

extension StoreConfiguration {
    /// Parses the `feature_logging:` mapping: `services: {NAME: {sample_rate: 0.1}}`,
    /// `queue_capacity`, `batch_rows`, `flush_interval_ms`.
    /// - Parameters:
    ///   - node: the `feature_logging` value.
    ///   - reader: the reader for the `feature_logging` path.
    /// - Returns: the settings.
    /// - Throws: ``ConfigurationError`` naming the key, such as `feature_logging.services.fraud_v1.sample_rate`.
    static func parseFeatureLogging(_ node: Node, reader: YAMLMappingReader) throws -> FeatureLoggingSettings {
        var settings = FeatureLoggingSettings()
        let mapping = try reader.mapping(node)
        settings.queueCapacity = try reader.positiveInt(mapping, "queue_capacity") ?? settings.queueCapacity
        settings.batchRows = try reader.positiveInt(mapping, "batch_rows") ?? settings.batchRows
        settings.flushIntervalMilliseconds =
            try reader.positiveInt(mapping, "flush_interval_ms") ?? settings.flushIntervalMilliseconds
        if let services = mapping["services"] {
            let servicesReader = reader.nested("services")
            for (nameNode, serviceNode) in try servicesReader.mapping(services) {
                guard let name = nameNode.string, !name.isEmpty else {
                    throw servicesReader.error(nameNode, "\(nameNode)", "expected a feature service's name")
                }
                let serviceReader = servicesReader.nested(name)
                let serviceMapping = try serviceReader.mapping(serviceNode)
                guard let rateNode = serviceMapping["sample_rate"] else {
                    throw serviceReader.error(
                        serviceNode, "sample_rate", "is required (the share of requests logged, 0 to 1)")
                }
                guard let rate = rateNode.float, rate >= 0, rate <= 1 else {
                    throw serviceReader.error(
                        rateNode, "sample_rate",
                        "expected a number from 0 to 1, got '\(rateNode.string ?? "\(rateNode)")'")
                }
                try serviceReader.rejectUnknown(serviceMapping, allowed: ["sample_rate"])
                settings.sampleRates[name] = rate
            }
        }
        try reader.rejectUnknown(mapping, allowed: ["services", "queue_capacity", "batch_rows", "flush_interval_ms"])
        return settings
    }
}
