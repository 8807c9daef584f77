import Larder
import Testing

/// The `feature_logging:` section of `feature_store.yaml`.
@Suite struct FeatureLoggingConfigurationTests {
    @Test func theSectionIsRead() throws {
        let yaml = """
            project: fraud
            feature_logging:
              queue_capacity: 500
              batch_rows: 50
              flush_interval_ms: 250
              services:
                fraud_v1: {sample_rate: 1.0}
                fraud_v2: {sample_rate: 0.05}
                paused: {sample_rate: 0}
            """
        let settings = try StoreConfiguration.parse(yaml: yaml, file: "feature_store.yaml").featureLogging
        #expect(settings.sampleRates == ["fraud_v1": 1.0, "fraud_v2": 0.05, "paused": 0])
        #expect(settings.queueCapacity == 500)
        #expect(settings.batchRows == 50)
        #expect(settings.flushIntervalMilliseconds == 250)
        #expect(settings.isEnabled)
    }

    @Test func withoutTheSectionNothingIsLogged() throws {
        let settings = try StoreConfiguration.parse(yaml: "project: p\n", file: "feature_store.yaml").featureLogging
        #expect(!settings.isEnabled)
        #expect(settings.queueCapacity == 100_000)
        let paused = try StoreConfiguration.parse(
            yaml: "project: p\nfeature_logging: {services: {s: {sample_rate: 0}}}\n", file: "feature_store.yaml")
        #expect(!paused.featureLogging.isEnabled)
    }

    @Test(arguments: [
        ("feature_logging: {services: {s: {sample_rate: 1.5}}}", "feature_logging.services.s.sample_rate", "0 to 1"),
        ("feature_logging: {services: {s: {sample_rate: often}}}", "feature_logging.services.s.sample_rate", "often"),
        ("feature_logging: {services: {s: {}}}", "feature_logging.services.s.sample_rate", "is required"),
        ("feature_logging: {services: {s: {sample_rate: 1, rate: 2}}}", "feature_logging.services.s.rate", "unknown"),
        ("feature_logging: {queue_capacity: 0}", "feature_logging.queue_capacity", "positive"),
        ("feature_logging: {batch: 10}", "feature_logging.batch", "unknown key"),
        ("feature_logging: {services: [s]}", "feature_logging.services", "mapping"),
    ])
    func badValuesNameTheKey(yaml: String, key: String, message: String) throws {
        let error = try #require(throws: ConfigurationError.self) {
            try StoreConfiguration.parse(yaml: "project: p\n" + yaml + "\n", file: "feature_store.yaml")
        }
        #expect(error.key == key)
        #expect(error.message.contains(message), "\(error)")
        #expect(error.line == 2)
    }
}
