/// How a cell's value is written as text.
enum CellTextStyle {
    /// As a CSV or table cell shows it, unquoted: strings as they are, timestamps and dates
    /// bare, non-finite floats as `nan`, `inf`, `-inf`, lists as JSON arrays. Nulls write
    /// nothing.
    case plain
    /// As a JSON value: strings, bytes (base64), dates and timestamps quoted; nulls as
    /// `null`; non-finite floats as `null` or, when `nonFiniteAsNull` is false, as bare
    /// `nan`/`inf`/`-inf` (which CSV list cells use so they read back exactly).
    case json(nonFiniteAsNull: Bool)
}

extension Column {
    /// Appends the text of row `row` in a style.
    /// - Parameters:
    ///   - row: the row.
    ///   - style: how to write it.
    ///   - output: receives UTF-8 text.
    func appendText(at row: Int, style: CellTextStyle, into output: inout [UInt8]) {
        let json: Bool
        let nonFiniteAsNull: Bool
        switch style {
        case .plain: (json, nonFiniteAsNull) = (false, false)
        case .json(let asNull): (json, nonFiniteAsNull) = (true, asNull)
        }
        if isNull(at: row) {
            if json { output.append(contentsOf: "null".utf8) }
            return
        }
        switch storage {
        case .bool(let values):
            output.append(contentsOf: values[row] ? "true".utf8 : "false".utf8)
        case .int32(let values):
            if case .date = type {
                quoted(json, &output) { TemporalText.appendDate(daysSinceEpoch: Int64(values[row]), into: &$0) }
            } else {
                Self.appendInteger(Int64(values[row]), into: &output)
            }
        case .int64(let values):
            switch type {
            case .timestamp(let unit, let utc):
                quoted(json, &output) { TemporalText.appendTimestamp(values[row], unit: unit, utc: utc, into: &$0) }
            case .decimal(_, let scale):
                DecimalText.append(unscaled: Int128(values[row]), scale: scale, into: &output)
            default:
                Self.appendInteger(values[row], into: &output)
            }
        case .uint64(let values):
            TemporalText.appendPadded(values[row], width: 1, into: &output)
        case .float32(let values):
            Self.appendFloat(values[row], nonFiniteAsNull: nonFiniteAsNull, into: &output)
        case .float64(let values):
            Self.appendFloat(values[row], nonFiniteAsNull: nonFiniteAsNull, into: &output)
        case .binary(let values):
            switch type {
            case .string:
                if json {
                    JSONStringText.append(values[row], into: &output)
                } else {
                    output.append(contentsOf: values[row])
                }
            case .decimal(_, let scale):
                DecimalText.append(bigEndian: values[row], scale: scale, into: &output)
            default:
                quoted(json, &output) { Base64.encode(values[row], into: &$0) }
            }
        case .list(let offsets, let elements):
            let elementStyle = CellTextStyle.json(nonFiniteAsNull: nonFiniteAsNull)
            output.append(UInt8(ascii: "["))
            for index in offsets[row]..<offsets[row + 1] {
                if index > offsets[row] { output.append(UInt8(ascii: ",")) }
                elements.appendText(at: index, style: elementStyle, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        }
    }

    private func quoted(_ json: Bool, _ output: inout [UInt8], _ body: (inout [UInt8]) -> Void) {
        if json { output.append(UInt8(ascii: "\"")) }
        body(&output)
        if json { output.append(UInt8(ascii: "\"")) }
    }

    /// Appends a signed integer in decimal.
    static func appendInteger(_ value: Int64, into output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        TemporalText.appendPadded(value.magnitude, width: 1, into: &output)
    }

    /// Appends a float in its shortest form that reads back to the same value.
    private static func appendFloat<F: BinaryFloatingPoint & CustomStringConvertible>(
        _ value: F, nonFiniteAsNull: Bool, into output: inout [UInt8]
    ) {
        if !value.isFinite, nonFiniteAsNull {
            output.append(contentsOf: "null".utf8)
        } else {
            output.append(contentsOf: value.description.utf8)
        }
    }
}
