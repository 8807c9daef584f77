import Larder
import LarderCore

extension ConsolePages {
    /// The overview: project, stores, counts, the last apply and the freshness table.
    func overview() -> HTML {
        let manifest = catalog.manifest
        let counts: [(ConsoleSection, Int)] = [
            (.entities, manifest.entities.count), (.sources, manifest.sources.count),
            (.featureViews, manifest.featureViews.count), (.featureServices, manifest.featureServices.count),
        ]
        let countItems = counts.map { section, count -> HTML in
            "<li><a href=\"\(section.path)\"><span class=\"count\">\(count)</span> \(section.title.lowercased())</a></li>"
        }
        let lastApply = catalog.registry.objectTimestamps.values.map(\.updated).max()
        let summary = properties([
            ("Project", .text(configuration.project)),
            ("Offline store", storeText(configuration.offlineStore.type, configuration.offlineStore.path)),
            ("Online store", storeText(configuration.onlineStore.type, configuration.onlineStore.path)),
            ("Registry", "<code>\(configuration.registryPath)</code>"),
            ("Last apply", ConsoleText.time(lastApply)),
        ])
        return page(
            "Overview", .overview,
            """
            \(summary)
            <ul class="counts" aria-label="Definitions">\(countItems)</ul>
            <h2 id="freshness">Freshness</h2>
            <p class="hint">The newest event materialized to the online store per view, and its age now \
            (\(ConsoleText.instant(now))). A view whose newest value is older than its TTL is stale: \
            online reads answer <code>OUTSIDE_MAX_AGE</code> for every key.</p>
            \(freshnessTable())
            """)
    }

    /// The freshness table: one row per view, stale rows marked by class and by text.
    func freshnessTable() -> HTML {
        let freshness = catalog.registry.freshness(asOf: now)
        guard !freshness.isEmpty else { return "<p>No feature views are applied yet.</p>" }
        let rows = freshness.map { entry -> [HTML] in
            [
                link(.featureViews, entry.view), .text(ConsoleText.ttl(entry.ttl)), ConsoleText.time(entry.newestEvent),
                .text(entry.age.map(ConsoleText.duration) ?? "—"), ConsoleText.time(entry.lastMaterialized),
                freshnessStatus(entry),
            ]
        }
        return table(
            caption: "Freshness of each feature view",
            headers: ["Feature view", "TTL", "Newest materialized event", "Age", "Last materialized", "Status"],
            rows: rows, rowClasses: freshness.map { $0.isStale ? "stale" : "" }, id: "freshness-table")
    }

    /// A view's freshness as a labelled badge (never colour alone).
    func freshnessStatus(_ entry: ViewFreshness) -> HTML {
        if !entry.online { return "<span class=\"badge muted\">offline only</span>" }
        if entry.isNeverMaterialized { return "<span class=\"badge muted\">never materialized</span>" }
        if entry.isStale { return "<span class=\"badge stale\">Stale</span>" }
        if entry.ttl == nil { return "<span class=\"badge\">no TTL</span>" }
        return "<span class=\"badge fresh\">Fresh</span>"
    }

    private func storeText(_ type: String, _ path: String) -> HTML {
        type == "memory" ? "<code>memory</code>" : "<code>\(type)</code> at <code>\(path)</code>"
    }
}
