/// Finds the first syntax error in a JSON document and where it is (line and column), which
/// Foundation's decoder does not say reliably.
struct JSONSyntaxCheck {
    /// The first problem: 1-based line and column (in characters) and what was expected.
    struct Problem: Hashable {
        var line: Int
        var column: Int
        var message: String
    }

    private let bytes: [UInt8]
    private var index = 0

    /// A check of `bytes`.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The first syntax error of a document, or `nil` when it is well-formed JSON.
    static func firstProblem(in bytes: [UInt8]) -> Problem? {
        var check = JSONSyntaxCheck(bytes)
        do {
            check.skipSpace()
            try check.value(depth: 0)
            check.skipSpace()
            if check.index < bytes.count { throw check.problem("unexpected text after the document") }
            return nil
        } catch {
            return error as? Problem
        }
    }

    private mutating func value(depth: Int) throws {
        guard depth < 512 else { throw problem("nested too deeply") }
        guard index < bytes.count else { throw problem("the document ends where a value was expected") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try container(close: UInt8(ascii: "}"), depth: depth, members: true)
        case UInt8(ascii: "["): try container(close: UInt8(ascii: "]"), depth: depth, members: false)
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw problem("unexpected \(shown(bytes[index])); expected a value")
        }
    }

    private mutating func container(close: UInt8, depth: Int, members: Bool) throws {
        index += 1
        skipSpace()
        if index < bytes.count, bytes[index] == close {
            index += 1
            return
        }
        while true {
            if members {
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw problem(
                        index < bytes.count
                            ? "unexpected \(shown(bytes[index])); expected a member name in double quotes"
                            : "the document ends inside an object")
                }
                try string()
                skipSpace()
                try expect(UInt8(ascii: ":"), "expected ':' after a member name")
                skipSpace()
            }
            try value(depth: depth + 1)
            skipSpace()
            guard index < bytes.count else {
                throw problem("the document ends inside an \(members ? "object" : "array")")
            }
            if bytes[index] == close {
                index += 1
                return
            }
            try expect(UInt8(ascii: ","), "expected ',' or '\(Character(Unicode.Scalar(close)))'")
            skipSpace()
            if index < bytes.count, bytes[index] == close {
                throw problem("a trailing ',' before '\(Character(Unicode.Scalar(close)))'")
            }
        }
    }

    private mutating func string() throws {
        index += 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                return
            case UInt8(ascii: "\\"): index += 2
            case 0..<0x20: throw problem("a control character inside a string (write it as an escape such as \\n)")
            default: index += 1
            }
        }
        throw problem("the document ends inside a string")
    }

    private mutating func literal(_ word: String) throws {
        let start = index
        for byte in word.utf8 {
            guard index < bytes.count, bytes[index] == byte else {
                index = start
                throw problem("unexpected text; expected \(word)")
            }
            index += 1
        }
    }

    private mutating func number() throws {
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digits = { (check: inout JSONSyntaxCheck) -> Int in
            let first = check.index
            while check.index < check.bytes.count,
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(check.bytes[check.index])
            {
                check.index += 1
            }
            return check.index - first
        }
        guard digits(&self) > 0 else { throw problem("a number needs digits") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw problem("a number needs digits after '.'") }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits(&self) > 0 else { throw problem("a number needs digits in its exponent") }
        }
    }

    private mutating func expect(_ byte: UInt8, _ message: String) throws {
        guard index < bytes.count, bytes[index] == byte else {
            throw problem(
                index < bytes.count ? "unexpected \(shown(bytes[index])); \(message)" : "the document ends; \(message)")
        }
        index += 1
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private func shown(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }

    /// The problem at the current position.
    private func problem(_ message: String) -> Problem {
        let position = min(index, bytes.count)
        var line = 1
        var lineStart = 0
        for offset in 0..<position where bytes[offset] == 0x0A {
            line += 1
            lineStart = offset + 1
        }
        // Columns count characters, not bytes: skip UTF-8 continuation bytes.
        let column = 1 + bytes[lineStart..<position].filter { $0 & 0xC0 != 0x80 }.count
        return Problem(line: line, column: column, message: message)
    }
}

extension JSONSyntaxCheck.Problem: Error {}
