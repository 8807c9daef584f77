import LarderCore

/// How the console writes durations, instants and tags.
enum ConsoleText {
    /// A duration the way people say it: `7d`, `2d 3h`, `45m`, `12s`; negative durations
    /// (an event in the future) get a leading minus.
    /// - Parameter duration: the duration.
    /// - Returns: its text.
    static func duration(_ duration: Duration) -> String {
        let seconds = duration.components.seconds
        if seconds < 0 { return "-" + self.duration(.seconds(-seconds)) }
        let days = seconds / 86_400
        let hours = seconds % 86_400 / 3_600
        let minutes = seconds % 3_600 / 60
        if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
        if hours > 0 { return minutes > 0 ? "\(hours)h \(minutes)m" : "\(hours)h" }
        if minutes > 0 { return "\(minutes)m" }
        return "\(seconds)s"
    }

    /// A view's TTL: its duration, or `none` when values never expire.
    /// - Parameter ttl: the TTL.
    /// - Returns: its text.
    static func ttl(_ ttl: Duration?) -> String { ttl.map(duration) ?? "none" }

    /// An instant in RFC 3339, UTC, to the second.
    /// - Parameter timestamp: the instant.
    /// - Returns: its text, or `never` for `nil`.
    static func instant(_ timestamp: Timestamp?) -> String {
        timestamp.map { $0.rfc3339(fractionDigits: 0) } ?? "never"
    }

    /// A `<time>` element for an instant, or `never`.
    /// - Parameter timestamp: the instant.
    /// - Returns: the markup.
    static func time(_ timestamp: Timestamp?) -> HTML {
        guard let timestamp else { return "never" }
        let text = instant(timestamp)
        return "<time datetime=\"\(text)\">\(text)</time>"
    }

    /// Tags as a list of `key=value` chips, or an em dash without tags.
    /// - Parameter tags: the tags.
    /// - Returns: the markup.
    static func tags(_ tags: [String: String]) -> HTML {
        guard !tags.isEmpty else { return "—" }
        let items = tags.sorted { $0.key < $1.key }.map { key, value -> HTML in
            "<li class=\"tag\">\(key)=\(value)</li>"
        }
        return "<ul class=\"tags\">\(items)</ul>"
    }

    /// Text, or an em dash when it is empty.
    /// - Parameter text: the text.
    /// - Returns: the markup.
    static func orDash(_ text: String) -> HTML { text.isEmpty ? "—" : .text(text) }
}
