import Larder
import LarderCore
import Testing

@testable import LarderServer

/// The scoring path's request reader: it reads the plain request shape straight from the bytes,
/// and for anything else leaves the body to the JSON reader, which then reports what is wrong.
/// Whatever it reads is what the JSON reader's path reads.
@Suite struct OnlineFeaturesPlainRequestTests {
    static let maxEntityRows = 3

    static func plain(_ text: String) -> OnlineFeaturesRequest? {
        Array(text.utf8).withUnsafeBufferPointer { OnlineFeaturesRequest(plainBody: $0, maxEntityRows: maxEntityRows) }
    }

    /// The JSON reader's path: the request, or the error it reports.
    static func general(_ text: String) -> Result<OnlineFeaturesRequest, any Error> {
        Result {
            let value = try Array(text.utf8).withUnsafeBufferPointer { try JSONReader.parse($0) }
            guard case .object = value else { throw APIError.invalidRequest("not an object") }
            return try OnlineFeaturesRequest(value, maxEntityRows: maxEntityRows)
        }
    }

    static let plainBodies = [
        #"{"entities": {"user_id": [1001]}, "feature_service": "user_features"}"#,
        #"{"entities":{"user_id":[-7,0,123456789012345678]},"features":["user_stats:avg_amount","user_stats:tx_count"]}"#,
        #"{"features": ["a:b"], "entities": {"user_id": [1, 2], "merchant": ["m-1", ""]}, "full_feature_names": true}"#,
        #"{"entities": {"user_id": []}, "feature_service": null, "features": ["a:b"], "full_feature_names": null}"#,
        #"{"entities": {"k": [1]}, "feature_service": "s", "features": ["a:b"], "full_feature_names": false}"#,
        " \n\t{ \"entities\" : { \"user_id\" : [ 1 , 2 ] } , \"feature_service\" : \"s\" } \r\n",
    ]

    @Test(arguments: plainBodies)
    func thePlainShapeIsReadAsTheJSONReaderReadsIt(body: String) throws {
        let read = try #require(Self.plain(body))
        #expect(read == (try Self.general(body).get()))
    }

    @Test(arguments: [
        // Left to the JSON reader, which answers with the same request:
        #"{"entities": {"user_id": [1.5]}, "feature_service": "s"}"#,
        #"{"entities": {"user_id": [1e3]}, "feature_service": "s"}"#,
        #"{"entities": {"user_id": [1234567890123456789]}, "feature_service": "s"}"#,
        #"{"entities": {"user_id": ["caf\u00e9"]}, "feature_service": "s"}"#,
        #"{"entities": {"user_id": ["café"]}, "feature_service": "s"}"#,
        #"{"entities": {"user_id": [true, null]}, "feature_service": "s"}"#,
        #"{"entities": {"user_id": [1]}, "feature_service": "s", "extra": {"a": [1]}}"#,
        #"{"entities": {"user_id": [1]}, "feature_service": "s", "feature_service": "t"}"#,
        // Left to the JSON reader, which reports the error:
        #"{"entities": {"user_id": [01]}, "feature_service": "s"}"#,
        #"{"entities": {"user_id": [1, 2, 3, 4]}, "feature_service": "s"}"#,
        #"{"entities": {}, "feature_service": "s"}"#,
        #"{"entities": {"user_id": [1]}, "features": []}"#,
        #"{"entities": {"user_id": [1]}, "features": ["no_colon"]}"#,
        #"{"entities": {"k": [1]}, "feature_service": "s", "features": ["not a reference"]}"#,
        #"{"entities": {"user_id": [1]}, "feature_service": 5}"#,
        #"{"entities": {"user_id": [1]}, "feature_service": "s", "full_feature_names": "yes"}"#,
        #"{"entities": {"user_id": [1]}, "feature_service": "s"} x"#,
        #"{"entities": {"user_id": [1]}, "feature_service": "s",}"#,
        #"{"entities": {"user_id": [1],}, "feature_service": "s"}"#,
        #"{"entities": {"user_id": [1 2]}, "feature_service": "s"}"#,
        #"{"feature_service": "s"}"#,
        #"[1]"#, "", "nul",
    ])
    func everyOtherBodyIsLeftToTheJSONReader(body: String) {
        #expect(Self.plain(body) == nil)
    }

    @Test(arguments: plainBodies)
    func noPrefixOfAPlainBodyIsRead(body: String) {
        let bytes = Array(body.utf8)
        let whole = bytes.lastIndex { $0 == UInt8(ascii: "}") }! + 1
        for end in 0..<whole {
            let prefix = String(decoding: bytes[..<end], as: UTF8.self)
            #expect(Self.plain(prefix) == nil, "prefix of \(end) bytes: \(prefix)")
        }
    }

    /// Bodies with one byte replaced, from fixed sequences (a failure replays): whenever the
    /// plain reader reads one, the JSON reader's path reads the same request.
    @Test func changedBodiesAreReadAlikeOrLeftToTheJSONReader() {
        let replacements = Array(#"{}[],:"\ 0123456789-.eEtrufalsn"#.utf8) + [0x00, 0x1F, 0x7F, 0xC3, 0xFF]
        var readAlike = 0
        for (bodyIndex, body) in Self.plainBodies.enumerated() {
            let bytes = Array(body.utf8)
            for position in stride(from: bodyIndex % 3, to: bytes.count, by: 2) {
                var changed = bytes
                changed[position] = replacements[(position * 7 + bodyIndex) % replacements.count]
                let text = String(decoding: changed, as: UTF8.self)
                guard Array(text.utf8) == changed, let read = Self.plain(text) else { continue }
                readAlike += 1
                #expect(read == (try? Self.general(text).get()), "\(text)")
            }
        }
        #expect(readAlike > 0)
    }
}
