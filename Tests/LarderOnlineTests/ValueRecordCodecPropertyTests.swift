import LarderStores
import LarderCore
import LarderTestSupport
import PropertyBased
import Testing

@testable import LarderOnline

/// Stored rows decode to what was written, whichever features a read asks for.
@Suite struct ValueRecordCodecPropertyTests {
    /// Encodes a row of the given features.
    static func record(_ features: [(type: ValueType, value: Value)], event: Int64, created: Int64?) throws -> [UInt8] {
        let columns = features.indices.map { OnlineColumn(name: "f\($0)", type: features[$0].type) }
        let row = StoredRow(
            joinKeys: [.int64(1)], eventTimestamp: Timestamp(nanosecondsSinceEpoch: event),
            createdTimestamp: created.map { Timestamp(nanosecondsSinceEpoch: $0) }, features: features.map(\.value))
        var bytes: [UInt8] = []
        try ValueRecordCodec.appendRecord(row, features: columns, view: "v", index: 0, to: &bytes)
        return bytes
    }

    /// Decodes the features marked in `wanted` as a read does, skipping the others; `nil` for
    /// the skipped ones. Fails the test when the bytes do not decode or have bytes left over.
    static func decode(
        _ bytes: [UInt8], types: [ValueType], wanted: [Bool]
    ) throws -> (ValueRecordCodec.Header, [Value?]) {
        try bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            let header = ValueRecordCodec.header(from: &reader)
            let bitmapRead = reader.skip((types.count + 7) / 8)
            try #require(header != nil && bitmapRead, "no header or null bitmap")
            var values: [Value?] = []
            for (index, type) in types.enumerated() {
                if reader.bit(index, ofBitmapAt: header!.bitmapOffset) {
                    values.append(wanted[index] ? .null : nil)
                } else if wanted[index] {
                    let value = ValueRecordCodec.decodeValue(type, from: &reader)
                    values.append(try #require(value, "feature \(index) does not decode") as Value)
                } else {
                    let skipped = ValueRecordCodec.skipValue(type, in: &reader)
                    try #require(skipped, "feature \(index) cannot be skipped")
                    values.append(nil)
                }
            }
            #expect(reader.offset == raw.count, "bytes left over after the last feature")
            return (header!, values)
        }
    }

    @Test func everyFeatureDecodesToTheValueWritten() async {
        await propertyCheck(
            count: 500, input: ValueGenerators.typedValues, Gen.int64(in: .min ... .max),
            Gen.int64(in: .min ... .max).optional
        ) { features, event, created in
            let bytes = try Self.record(features, event: event, created: created)
            let (header, values) = try Self.decode(
                bytes, types: features.map(\.type), wanted: features.map { _ in true })
            #expect(header.event == event)
            #expect(header.created == created)
            for (written, read) in zip(features.map(\.value), values) {
                #expect(
                    read.map { written.isIdentical(to: $0) } == true,
                    "wrote \(written), read \(String(describing: read))")
            }
        }
    }

    @Test func skippingFeaturesReadsTheOthersUnchanged() async {
        await propertyCheck(count: 500, input: ValueGenerators.typedValues, Gen.bool.array(of: 12)) { features, mask in
            let bytes = try Self.record(features, event: 0, created: nil)
            let wanted = Array(mask.prefix(features.count))
            let (_, values) = try Self.decode(bytes, types: features.map(\.type), wanted: wanted)
            for (index, read) in values.enumerated() where wanted[index] {
                #expect(read.map { features[index].value.isIdentical(to: $0) } == true)
            }
        }
    }

    @Test func aCutRowNeverDecodes() async {
        await propertyCheck(count: 300, input: ValueGenerators.typedValues.filter { $0.contains { !$0.value.isNull } })
        {
            features in
            let bytes = try Self.record(features, event: 7, created: 9)
            for length in 0..<bytes.count {
                let decoded = Array(bytes[..<length]).withUnsafeBytes { raw -> Bool in
                    var reader = ByteReader(raw)
                    guard let header = ValueRecordCodec.header(from: &reader), reader.skip((features.count + 7) / 8)
                    else {
                        return false
                    }
                    for (index, feature) in features.enumerated()
                    where !reader.bit(index, ofBitmapAt: header.bitmapOffset) {
                        guard ValueRecordCodec.decodeValue(feature.type, from: &reader) != nil else { return false }
                    }
                    return true
                }
                #expect(!decoded, "the first \(length) of \(bytes.count) bytes decoded")
            }
        }
    }
}
