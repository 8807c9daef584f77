/// `--name value` options of a benchmark's command line.
struct BenchmarkOptions {
    private var values: [String: String] = [:]

    /// Parses `--name value` pairs.
    /// - Parameters:
    ///   - arguments: the benchmark's arguments.
    ///   - known: the accepted option names, without dashes.
    /// - Throws: ``BenchmarkInputError`` for an unknown option or a missing value.
    init(_ arguments: [String], known: [String]) throws {
        var rest = arguments.makeIterator()
        while let argument = rest.next() {
            let name = String(argument.drop { $0 == "-" })
            guard argument.hasPrefix("--"), known.contains(name), let value = rest.next() else {
                throw BenchmarkInputError(
                    "unexpected '\(argument)'; options: \(known.map { "--\($0) VALUE" }.joined(separator: " "))")
            }
            values[name] = value
        }
    }

    /// A text option.
    /// - Parameter name: the option name.
    /// - Returns: its value, or `nil` when not given.
    func string(_ name: String) -> String? { values[name] }

    /// An integer option.
    /// - Parameters:
    ///   - name: the option name.
    ///   - fallback: the value when not given.
    /// - Returns: the value.
    /// - Throws: ``BenchmarkInputError`` when the value is not an integer.
    func int(_ name: String, default fallback: Int) throws -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text) else { throw BenchmarkInputError("--\(name) expects an integer, got '\(text)'") }
        return value
    }
}
