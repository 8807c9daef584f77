import Larder
import LarderCore
import LarderStores
import Testing

@testable import LarderServer

/// The response body of an online read, byte for byte: event times written once per view and
/// copied for its other features, never across views.
struct OnlineFeaturesEncoderTests {
    private static func time(_ seconds: Int64, nanos: Int64 = 0) -> Timestamp {
        Timestamp(nanosecondsSinceEpoch: seconds * 1_000_000_000 + nanos)
    }

    @Test func featuresOfOneViewShareEventTimesAndOtherViewsWriteTheirOwn() {
        // View "a" read twice (features a1, a2 then a3 after a feature of "b"), as the plan
        // splits a request into runs of one view.
        let aTimes: [Timestamp?] = [Self.time(1_767_225_600), nil]
        let bTimes: [Timestamp?] = [Self.time(1_767_225_601, nanos: 500_000_000), Self.time(1_767_225_602)]
        let aValues: [Value] = [.int64(1), .null, .float64(2.5), .null]
        let aStatuses: [FeatureStatus] = [.present, .notFound, .present, .notFound]
        let keyStatuses = ResultColumn<FeatureStatus>([.present, .present])
        let keyTimes = ResultColumn<Timestamp?>([nil, nil])
        let features = OnlineFeatures(
            featureNames: ["user_id", "a1", "a2", "b1", "a3"],
            columns: [
                OnlineFeatureColumn(values: [.int64(7), .int64(8)], statuses: keyStatuses, eventTimestamps: keyTimes),
                OnlineFeatureColumn(
                    values: ResultColumn(aValues, offset: 0, count: 2),
                    statuses: ResultColumn(aStatuses, offset: 0, count: 2),
                    eventTimestamps: ResultColumn(aTimes)),
                OnlineFeatureColumn(
                    values: ResultColumn(aValues, offset: 2, count: 2),
                    statuses: ResultColumn(aStatuses, offset: 2, count: 2),
                    eventTimestamps: ResultColumn(aTimes)),
                OnlineFeatureColumn(
                    values: [.string("x\"y"), .bool(true)], statuses: [.present, .outsideMaxAge],
                    eventTimestamps: bTimes),
                OnlineFeatureColumn(
                    values: [.null, .null], statuses: [.nullValue, .notFound], eventTimestamps: [nil, nil]),
            ],
            rowCount: 2)
        let text = String(decoding: OnlineFeaturesEncoder.encode(features), as: UTF8.self)
        let none = "\"1970-01-01T00:00:00Z\""
        #expect(
            text == """
                {"metadata":{"feature_names":["user_id","a1","a2","b1","a3"]},"results":[\
                {"values":[7,8],"statuses":["PRESENT","PRESENT"],"event_timestamps":[\(none),\(none)]},\
                {"values":[1,null],"statuses":["PRESENT","NOT_FOUND"],"event_timestamps":["2026-01-01T00:00:00Z",\(none)]},\
                {"values":[2.5,null],"statuses":["PRESENT","NOT_FOUND"],"event_timestamps":["2026-01-01T00:00:00Z",\(none)]},\
                {"values":["x\\"y",true],"statuses":["PRESENT","OUTSIDE_MAX_AGE"],"event_timestamps":["2026-01-01T00:00:01.500Z","2026-01-01T00:00:02Z"]},\
                {"values":[null,null],"statuses":["NULL_VALUE","NOT_FOUND"],"event_timestamps":[\(none),\(none)]}]}
                """)
    }
}
