import LarderCore
import LarderStores
import LarderTestSupport
import PropertyBased
import Testing

@testable import LarderOffline

/// List features stored in the offline store read back as written; a damaged blob reads as
/// nothing rather than as a shorter list.
@Suite struct ListValueCodecPropertyTests {
    /// An element type and elements of it, some null.
    static let lists = Generator<(ScalarType, [Value]), Shrink.None<(ScalarType, [Value])>> { rng in
        let element = ScalarType.allCases.randomElement(using: &rng)!
        guard case .list(let elements) = ValueGenerators.random(.list(element), using: &rng) else {
            return (element, [])
        }
        return (element, elements)
    }

    static func decode(_ bytes: [UInt8], element: ScalarType) -> [Value]? {
        bytes.withUnsafeBytes { ListValueCodec.decode($0, element: element) }
    }

    @Test func listsRoundTrip() async {
        await propertyCheck(count: 1000, input: Self.lists) { element, elements in
            let decoded = try #require(Self.decode(ListValueCodec.encode(elements, element: element), element: element))
            #expect(
                Value.list(decoded).isIdentical(to: .list(elements)), "list<\(element)> \(elements) read as \(decoded)")
        }
    }

    @Test func aCutBlobNeverDecodes() async {
        await propertyCheck(count: 300, input: Self.lists) { element, elements in
            let bytes = ListValueCodec.encode(elements, element: element)
            for length in 0..<bytes.count {
                #expect(
                    Self.decode(Array(bytes[..<length]), element: element) == nil,
                    "the first \(length) of \(bytes.count) bytes")
            }
        }
    }
}
