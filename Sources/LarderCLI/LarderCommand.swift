import ArgumentParser

/// The root `larder` command: a feature store for training sets and online scoring.
@main
struct LarderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "larder",
        abstract: "A feature store: point-in-time training sets and fast online features.",
        discussion: """
            Start with `larder init my_repo`, edit the definitions in my_repo/definitions, then \
            `larder apply --repo my_repo`. Every command takes --repo DIR (default: the current directory).
            """,
        subcommands: [
            Init.self, Apply.self, Plan.self, RegistryDump.self, Entities.self, FeatureViews.self,
            FeatureServices.self, Teardown.self, Cat.self, Ingest.self, Materialize.self, MaterializeIncremental.self,
            GetHistoricalFeatures.self, GetOnlineFeatures.self, Serve.self,
        ]
    )
}
