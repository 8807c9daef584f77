import Testing

@testable import LarderServer

/// Numbers are written in the standard library's shortest form that reads back exactly.
struct JSONWriterNumberTests {
    @Test(arguments: [
        0.6613122820854187, 64.24638681764442, 60.28, -197.41, 1e-7, 5e-324, 1.7976931348623157e308, 1e15, 1.5e15,
        -1e16, 123_456_789.125, 0.1, 2.5, -0.5, Double(Float(0.6613123)),
    ])
    func aDoubleIsWrittenInItsShortestExactForm(value: Double) {
        var writer = JSONWriter()
        writer.number(value)
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(Double(text) == value)
        if value != value.rounded() || abs(value) >= 1e15 {
            #expect(text == value.description)
        }
    }

    @Test func wholeNumbersKeepAFractionAndNonFiniteOnesAreStrings() {
        var writer = JSONWriter()
        for value in [3.0, -0.0, 1e14, .nan, .infinity, -.infinity] {
            writer.number(value)
            writer.byte(",")
        }
        #expect(
            String(decoding: writer.bytes, as: UTF8.self) == #"3.0,0.0,100000000000000.0,"NaN","Infinity","-Infinity","#
        )
    }

    @Test(arguments: [
        Int64.min, Int64.max, -9_999_999_999_999_999, 10_000_000_000_000_000, 1_000_000_000_000_000_000, -1, 0, 7,
    ])
    func anIntegerOfAnyMagnitudeIsWrittenInFull(value: Int64) {
        var writer = JSONWriter()
        writer.integer(value)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == String(value))
    }
}
