import Foundation
import LarderCore
import Testing

@Suite struct ValueTypeTests {
    @Test(arguments: [
        ValueType.bool, .int32, .int64, .float32, .float64, .string, .bytes, .timestamp, .list(.float32),
        .list(.string),
    ])
    func textFormRoundTrips(type: ValueType) throws {
        #expect(ValueType(type.description) == type)
        let data = try JSONEncoder().encode([type])
        #expect(try JSONDecoder().decode([ValueType].self, from: data) == [type])
    }

    @Test func unknownTypeNamesAreRejected() {
        #expect(ValueType("float") == nil)
        #expect(ValueType("list<list<int64>>") == nil)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ValueType].self, from: Data(#"["decimal"]"#.utf8))
        }
    }

    @Test func valuesConformToTheirTypesAndNullToAll() {
        #expect(Value.int64(3).conforms(to: .int64))
        #expect(!Value.int64(3).conforms(to: .string))
        #expect(Value.null.conforms(to: .list(.float32)))
        #expect(Value.list([.float32(1), .null]).conforms(to: .list(.float32)))
        #expect(!Value.list([.float64(1)]).conforms(to: .list(.float32)))
    }

    @Test func featuresAcceptLosslessWidening() {
        #expect(ValueType.int64.accepts(.int32))
        #expect(ValueType.float64.accepts(.int64))
        #expect(!ValueType.int32.accepts(.int64))
        #expect(!ValueType.int64.accepts(.string))
    }
}
