import Foundation
import Testing

@testable import LarderServer

/// Strings written by the server's JSON writer read back unchanged, by its own reader and by
/// Foundation's: every control character, quotes, backslashes, non-ASCII text and emoji.
@Suite struct JSONStringRoundTripTests {
    static let strings: [String] =
        (0..<0x20).map { "a\(Character(Unicode.Scalar(UInt8($0))))b" } + [
            "", "plain", "quote \" backslash \\ slash /", "é ü 中文", "😀 \u{1F600}\u{10FFFF}", "\u{7F}\u{80}",
            String(repeating: "\\\"", count: 40),
        ]

    @Test(arguments: strings)
    func aWrittenStringReadsBack(text: String) throws {
        var writer = JSONWriter()
        writer.string(text)
        let written = writer.bytes
        let read = try written.withUnsafeBufferPointer { try JSONReader.parse($0) }
        #expect(read == .string(text))
        let foundation = try JSONSerialization.jsonObject(with: Data(written), options: .fragmentsAllowed) as? String
        #expect(foundation == text)
        // Control characters are always escaped: the literal never holds one raw.
        #expect(!written.contains { $0 < 0x20 })
    }

    @Test(
        arguments: [
            (#""\x""#, "invalid escape at byte 2"), (#""\u12"#, #"short \u escape at byte 3"#),
            (#""\u12G4""#, #"invalid hex digit in \u escape at byte 5"#),
            (#""\ud83d x""#, "unpaired surrogate at byte 7"),
            ("\"a\u{01}\"", "control character in a string at byte 2"),
        ] as [(String, String)])
    func aMalformedStringSaysWhatAndWhere(text: String, message: String) {
        let error = #expect(throws: JSONReader.SyntaxError.self) {
            try Array(text.utf8).withUnsafeBufferPointer { try JSONReader.parse($0) }
        }
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    }
}
