import Larder
import LarderCore

/// What a lookup produced: the online read's response body (the bytes
/// `POST /get-online-features` answers) or the error it answered.
enum LookupOutcome: Sendable {
    /// Nothing asked yet.
    case notAsked
    /// The read's JSON response.
    case answered([UInt8])
    /// The error, with its HTTP status code and message.
    case failed(status: Int, message: String)
}

extension ConsolePages {
    /// The lookup page: the form, and the result of the read it asked for.
    /// - Parameters:
    ///   - form: what was asked.
    ///   - outcome: the read's result.
    /// - Returns: the document.
    func lookup(form: LookupForm, outcome: LookupOutcome) -> HTML {
        let services = catalog.manifest.featureServices.map { service -> HTML in
            let selected: HTML = service.name == form.service ? " selected" : ""
            return "<option value=\"\(service.name)\"\(selected)>\(service.name)</option>"
        }
        let keyInputs = catalog.allJoinKeys.map { key -> HTML in
            let id = "key-\(key.name)"
            let numeric: HTML = key.type == .int64 || key.type == .int32 ? #" inputmode="numeric""# : ""
            return """
                <div class="field"><label for="\(id)">\(key.name) <span class="type">\(key.type.description)</span></label>
                <input id="\(id)" name="\(LookupForm.keyPrefix)\(key.name)" value="\(form.keys[key.name] ?? "")"\(numeric) autocomplete="off" aria-describedby="keys-hint"></div>
                """
        }
        let fullNames: HTML = form.fullFeatureNames ? " checked" : ""
        return page(
            "Lookup", .lookup,
            """
            <form id="lookup-form" class="lookup" method="get" action="\(ConsoleSection.lookup.path)" data-live-lookup>
            <fieldset><legend>Features</legend>
            <div class="field"><label for="service">Feature service</label>
            <select id="service" name="service"><option value="">(none: the features below)</option>\(services)</select></div>
            <div class="field"><label for="features">Features, <code>view:feature</code>, comma-separated</label>
            <input id="features" name="features" value="\(form.features)" autocomplete="off" aria-describedby="features-hint">
            <p id="features-hint" class="hint">Used when no service is chosen.</p></div>
            <div class="field check"><input type="checkbox" id="full-feature-names" name="full_feature_names" value="true"\(fullNames)>
            <label for="full-feature-names">Full feature names (<code>view__feature</code>)</label></div>
            </fieldset>
            <fieldset><legend>Entity keys</legend>
            <p id="keys-hint" class="hint">One value per entity row; separate rows with commas. Keys the selection does not use are ignored.</p>
            \(keyInputs)
            </fieldset>
            <button type="submit">Look up</button>
            </form>
            <section id="lookup-result" aria-live="polite" aria-labelledby="result-heading">
            \(lookupResult(outcome))
            </section>
            """)
    }

    /// The result section: a table of values, statuses and event times, and the response
    /// as `POST /get-online-features` answered it.
    /// - Parameter outcome: the read's result.
    /// - Returns: the markup (also what the live update swaps in).
    func lookupResult(_ outcome: LookupOutcome) -> HTML {
        switch outcome {
        case .notAsked:
            return """
                <h2 id="result-heading">Result</h2>
                <p>Choose a feature service or features, enter entity keys, and look up.</p>
                """
        case .failed(let status, let message):
            return """
                <h2 id="result-heading">Result</h2>
                <p class="error" role="alert"><strong>\(status)</strong> \(message)</p>
                """
        case .answered(let bytes):
            return """
                <h2 id="result-heading">Result</h2>
                \(resultTable(bytes))
                <details open><summary>Response of <code>POST /get-online-features</code></summary>
                <pre id="lookup-json">\(String(decoding: bytes, as: UTF8.self))</pre></details>
                """
        }
    }

    /// The response as a table: a row per entity row and feature.
    private func resultTable(_ bytes: [UInt8]) -> HTML {
        let parsed = try? bytes.withUnsafeBufferPointer { try JSONReader.parse($0) }
        guard let parsed, case .array(let names)? = parsed["metadata"]?["feature_names"],
            case .array(let results)? = parsed["results"]
        else { return "<p>The response could not be read as a table.</p>" }
        var rows: [[HTML]] = []
        let rowCount =
            results.first.flatMap { column -> Int? in
                guard case .array(let values)? = column["values"] else { return nil }
                return values.count
            } ?? 0
        for row in 0..<rowCount {
            for (name, column) in zip(names, results) {
                let value = element(column["values"], row)
                let status = element(column["statuses"], row)
                let statusText = status.map(displayText) ?? ""
                rows.append([
                    "\(row + 1)", "<code>\(displayText(name))</code>",
                    "<span class=\"value\">\(value.map(displayText) ?? "")</span>",
                    "<span class=\"status \(statusText.lowercased())\">\(statusText)</span>",
                    .text(element(column["event_timestamps"], row).map(displayText) ?? ""),
                ])
            }
        }
        return table(
            caption: "Values by entity row", headers: ["Row", "Feature", "Value", "Status", "Event time"], rows: rows,
            id: "lookup-table")
    }

    private func element(_ array: JSONValue?, _ index: Int) -> JSONValue? {
        guard case .array(let values)? = array, values.indices.contains(index) else { return nil }
        return values[index]
    }

    /// A JSON value as the table shows it: strings without quotes, the rest as JSON.
    func displayText(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .number(let number): String(number)
        case .string(let text): text
        case .array(let values): "[" + values.map(displayText).joined(separator: ", ") + "]"
        case .object(let members): "{" + members.map { "\($0.0): \(displayText($0.1))" }.joined(separator: ", ") + "}"
        }
    }
}
