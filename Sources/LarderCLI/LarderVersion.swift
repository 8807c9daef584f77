/// The version `larder --version` and `larder version` print: the one place it is written.
enum LarderVersion {
    static let current = "0.1.0"
}
