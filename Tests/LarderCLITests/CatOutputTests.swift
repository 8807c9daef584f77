import Foundation
import LarderFormats
import LarderTestSupport
import Testing

@testable import LarderCLI

/// What `larder cat` prints, through the command's own output function.
struct CatOutputTests {
    /// Writes a CSV file in a fresh directory and returns the directory (kept alive by the
    /// caller) and the file's path.
    private func csvFile(_ text: String) throws -> (directory: TemporaryDirectory, path: String) {
        let directory = try TemporaryDirectory()
        return (directory, try directory.write(text, to: "events.csv"))
    }

    private func output(_ arguments: [String]) throws -> String {
        let command = try Cat.parse(arguments)
        var bytes: [UInt8] = []
        try command.write { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let events = #"""
        user_id,event_timestamp,amount,category
        1,2026-01-02T03:04:05.123456Z,12.5,"a,b"
        2,2026-01-02 05:04:05+02:00,,plain
        3,2026-01-03,-0.25,"say ""hi"""

        """#

    @Test func printsTheSchema() throws {
        let file = try csvFile(Self.events)
        #expect(
            try output([file.path, "--schema"]) == """
                column           type                nullable
                ---------------  ------------------  --------
                user_id          int64               yes
                event_timestamp  timestamp[us, UTC]  yes
                amount           float64             yes
                category         string              yes

                """)
        #expect(try output([file.path, "--schema", "--columns", "amount,user_id"]).contains("amount   float64"))
    }

    @Test func printsJSONLines() throws {
        let file = try csvFile(Self.events)
        #expect(
            try output([file.path, "--jsonl"]) == """
                {"user_id":1,"event_timestamp":"2026-01-02T03:04:05.123456Z","amount":12.5,"category":"a,b"}
                {"user_id":2,"event_timestamp":"2026-01-02T03:04:05.000000Z","amount":null,"category":"plain"}
                {"user_id":3,"event_timestamp":"2026-01-03T00:00:00.000000Z","amount":-0.25,"category":"say \\"hi\\""}

                """)
        #expect(
            try output([file.path, "--jsonl", "--columns", "category,user_id", "--limit", "1"]) == """
                {"category":"a,b","user_id":1}

                """)
    }

    @Test func printsCSV() throws {
        let file = try csvFile(Self.events)
        #expect(
            try output([file.path, "--csv", "--limit", "2", "--columns", "category,amount"]) == """
                category,amount
                "a,b",12.5
                plain,

                """)
    }

    @Test func printsATableWithANoteWhenRowsAreLeftOut() throws {
        let file = try csvFile(Self.events)
        let text = try output([file.path, "--limit", "2"])
        #expect(text.hasPrefix("user_id  event_timestamp              amount  category\n"))
        #expect(text.contains("      2  2026-01-02T03:04:05.000000Z    null  plain\n"))
        #expect(text.hasSuffix("(first 2 rows; use --limit N for more, or --jsonl / --csv for all)\n"))
        #expect(!(try output([file.path])).contains("first"))
        #expect(try output([file.path, "--limit", "0"]).split(separator: "\n").count == 3)
    }

    @Test func badInputIsAFormatError() throws {
        let file = try csvFile("a,b\n1,2\n3\n")
        #expect(throws: FormatError.self) { try output([file.path, "--jsonl"]) }
        #expect(throws: FormatError.self) { try output([file.path, "--columns", "nope"]) }
        #expect(throws: (any Error).self) { try Cat.parse([file.path, "--jsonl", "--csv"]) }
        #expect(throws: (any Error).self) { try Cat.parse([file.path, "--limit", "-1"]) }
    }
}
