import Larder
import LarderCore

extension OnlineFeaturesRequest {
    /// Reads the request a scoring client sends, straight from the body's bytes, without
    /// building a JSON tree: `entities` of integer or plain-text keys, `feature_service` or
    /// `features`, and `full_feature_names`.
    ///
    /// It reads only that shape, and only when nothing in it is wrong; anything else (other
    /// members, escapes, other values, a member given twice, a bad reference, too many rows,
    /// invalid JSON) returns `nil`, and ``init(_:maxEntityRows:)`` reads the body through
    /// ``JSONReader`` instead and reports what is wrong. What it returns is what that path
    /// returns for the same body.
    /// - Parameters:
    ///   - body: the request body.
    ///   - maxEntityRows: the most entity rows allowed.
    init?(plainBody body: UnsafeBufferPointer<UInt8>, maxEntityRows: Int) {
        var cursor = PlainJSONCursor(bytes: body)
        var entities: [EntityColumn]?
        var service: String??
        var features: [String]??
        var fullFeatureNames: Bool??
        guard cursor.take("{") else { return nil }
        repeat {
            guard let key = cursor.plainString(), cursor.take(":") else { return nil }
            switch key {
            case "entities" where entities == nil:
                guard let columns = cursor.entityColumns(), !columns.isEmpty else { return nil }
                entities = columns
            case "feature_service" where service == nil:
                guard let name = cursor.nullOr({ $0.plainString() }) else { return nil }
                service = name
            case "features" where features == nil:
                guard let names = cursor.nullOr({ $0.plainStrings() }) else { return nil }
                features = names
            case "full_feature_names" where fullFeatureNames == nil:
                guard let flag = cursor.nullOr({ $0.bool() }) else { return nil }
                fullFeatureNames = flag
            default:
                return nil
            }
        } while cursor.take(",")
        guard cursor.take("}"), cursor.atEnd, let entities else { return nil }
        guard entities.allSatisfy({ $0.values.count <= maxEntityRows }) else { return nil }
        self.entities = entities
        self.fullFeatureNames = (fullFeatureNames ?? nil) ?? false
        // References are checked even when a service is named, as the JSON reader checks them.
        var references: [FeatureReference] = []
        if let names = features ?? nil {
            references.reserveCapacity(names.count)
            for name in names {
                guard let reference = try? FeatureReference(parsing: name) else { return nil }
                references.append(reference)
            }
        }
        if let name = service ?? nil {
            selection = .service(name)
        } else if !references.isEmpty {
            selection = .features(references)
        } else {
            return nil
        }
    }
}

/// A cursor over JSON text that reads only plain forms: strings without escapes or control
/// characters, integers of at most 18 digits, `true`, `false` and `null`. Each read skips the
/// white space before it and returns `nil` (or `false`) at anything else.
private struct PlainJSONCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Whether only white space is left.
    var atEnd: Bool {
        mutating get {
            skipSpace()
            return index == bytes.count
        }
    }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// Takes one byte of punctuation if it is next.
    mutating func take(_ ascii: Unicode.Scalar) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ascii) else { return false }
        index += 1
        return true
    }

    /// Takes a literal word if it is next.
    mutating func take(word: StaticString) -> Bool {
        skipSpace()
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
            UnsafeBufferPointer(rebasing: bytes[index..<index + count]).elementsEqual(
                UnsafeBufferPointer(start: word.utf8Start, count: count))
        else { return false }
        index += count
        return true
    }

    /// `null` (as `.some(nil)`), or what `read` reads; `nil` when neither is next.
    mutating func nullOr<Read>(_ read: (inout Self) -> Read?) -> Read?? {
        if take(word: "null") { return .some(nil) }
        guard let value = read(&self) else { return nil }
        return value
    }

    /// `true` or `false`.
    mutating func bool() -> Bool? {
        if take(word: "true") { return true }
        if take(word: "false") { return false }
        return nil
    }

    /// An ASCII string without escapes or control characters.
    mutating func plainString() -> String? {
        guard take("\"") else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
            index += 1
        }
        return nil
    }

    /// An integer of at most 18 digits (which cannot overflow), no fraction or exponent.
    mutating func plainInteger() -> Int64? {
        skipSpace()
        let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let start = index
        var magnitude: Int64 = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            magnitude = magnitude &* 10 &+ Int64(bytes[index] &- UInt8(ascii: "0"))
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits <= 18, bytes[start] != UInt8(ascii: "0") || digits == 1 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] | 0x20 == UInt8(ascii: "e") {
            return nil
        }
        return negative ? -magnitude : magnitude
    }

    /// `[` plain strings `]`.
    mutating func plainStrings() -> [String]? {
        guard take("[") else { return nil }
        var strings: [String] = []
        if take("]") { return strings }
        repeat {
            guard let string = plainString() else { return nil }
            strings.append(string)
        } while take(",")
        return take("]") ? strings : nil
    }

    /// `{` name `:` `[` integers or plain strings `]` ... `}`, as entity key columns.
    mutating func entityColumns() -> [EntityColumn]? {
        guard take("{") else { return nil }
        var columns: [EntityColumn] = []
        if take("}") { return columns }
        repeat {
            guard let name = plainString(), take(":"), take("[") else { return nil }
            var values: [Value] = []
            if !take("]") {
                repeat {
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: "\"") {
                        guard let text = plainString() else { return nil }
                        values.append(.string(text))
                    } else {
                        guard let integer = plainInteger() else { return nil }
                        values.append(.int64(integer))
                    }
                } while take(",")
                guard take("]") else { return nil }
            }
            columns.append(EntityColumn(name: name, values: values))
        } while take(",")
        return take("}") ? columns : nil
    }
}
