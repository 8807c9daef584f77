import LarderCore
import Testing

/// The type checker names the sub-expression at fault; the manifest's validation names the
/// view and the feature too.
@Suite struct TypeCheckTests {
    static let amount = RequestField("amount", .float64)
    static let category = RequestField("category", .string)

    static func manifest(_ features: [Transformation], requestFields: [RequestField] = [amount, category]) -> Manifest {
        var manifest = Manifest(
            entities: [Entity("user", joinKey: "user_id", type: .int64)],
            sources: [.file(FileSource("data/stats.csv", name: "stats"))],
            featureViews: [
                FeatureView(
                    name: "user_stats", entityNames: ["user"], features: [Field("avg_amount_30d", .float64)],
                    sourceName: "stats", ttl: nil)
            ])
        manifest.onDemandFeatureViews = [
            OnDemandFeatureView(name: "payment", requestFields: requestFields, features: features)
        ]
        return manifest
    }

    static func messages(_ manifest: Manifest) -> [String] { manifest.validationErrors().map(\.description) }

    @Test func aWellTypedViewHasNoErrors() {
        let features = [
            Transformation("amount_log", .float64, log(Self.amount.value + 1)),
            Transformation(
                "ratio", .float64,
                Self.amount.value / .feature(FeatureReference(view: "user_stats", feature: "avg_amount_30d"))),
            Transformation("risky", .bool, Self.category.value.isIn(["gambling", "crypto"])),
            Transformation("ratio_log", .float64, log1p(.feature(FeatureReference(view: "payment", feature: "ratio")))),
        ]
        #expect(Self.messages(Self.manifest(features)) == [])
    }

    @Test func anIllTypedSubExpressionIsNamedWithItsViewAndFeature() {
        let messages = Self.messages(
            Self.manifest([Transformation("bad", .float64, log(Self.amount.value + lower(Self.category.value)))]))
        #expect(
            messages == [
                "on-demand feature view 'payment', field 'features[0].expression': feature 'bad': in '(amount + lower(category))': add takes numbers, not string"
            ])
    }

    @Test func anUnknownRequestFieldOrFeatureIsAnError() {
        let messages = Self.messages(
            Self.manifest([
                Transformation("a", .float64, .request("amout") * 2.0),
                Transformation("b", .float64, .feature(FeatureReference(view: "user_stats", feature: "avg_7d"))),
            ]))
        #expect(
            messages == [
                "on-demand feature view 'payment', field 'features[0].expression': feature 'a': in 'amout': unknown request field 'amout' (declared: amount, category)",
                "on-demand feature view 'payment', field 'features[1].expression': feature 'b': in 'user_stats:avg_7d': unknown feature 'user_stats:avg_7d'; no view defines it",
            ])
    }

    @Test func aDeclaredTypeMustMatchTheExpression() {
        let messages = Self.messages(
            Self.manifest(
                [Transformation("hour", .int32, hour(.request("ts")))], requestFields: [RequestField("ts", .timestamp)])
        )
        #expect(
            messages == [
                "on-demand feature view 'payment', field 'features[0].type': feature 'hour' is declared int32, but its expression 'hour(ts)' is int64; declare int64 or cast"
            ])
    }

    @Test func aCycleIsNamed() {
        let a = FeatureExpression.feature(FeatureReference(view: "payment", feature: "a"))
        let b = FeatureExpression.feature(FeatureReference(view: "payment", feature: "b"))
        let messages = Self.messages(
            Self.manifest([Transformation("a", .float64, b + 1.0), Transformation("b", .float64, a * 2.0)]))
        #expect(
            messages == [
                "on-demand feature view 'payment', field 'features 'a'': the feature depends on itself: payment:a -> payment:b -> payment:a"
            ])
    }

    @Test(arguments: [
        (FeatureExpression.call(.log, []), "in 'log()': log takes 1 argument, not 0"),
        (hour(.request("amount")), "in 'hour(amount)': hour takes a timestamp, not float64"),
        (
            hour(.request("ts"), timeZone: "Mars/Olympus"),
            "in 'hour(ts, \"Mars/Olympus\")': unknown time zone 'Mars/Olympus'; use 'UTC' or an IANA name such as 'Europe/Paris'"
        ),
        (
            bucketize(.request("amount"), [10, 1]),
            "in 'bucketize(amount, [10.0, 1.0])': bucket boundaries must be numbers in increasing order"
        ),
        (FeatureExpression.request("amount").isIn(["a"]), "in 'amount in [\"a\"]': set member \"a\" is not a float64"),
        (
            FeatureExpression.request("amount") + .null,
            "in 'null': a null literal is allowed only as a branch of 'if' or in 'coalesce'"
        ),
        (when(.request("amount"), then: 1, else: 2), "in 'amount': the condition of 'if' must be bool, not float64"),
        (when(true, then: 1, else: "a"), "in 'if(true, 1, \"a\")': arguments have different types: int64 and string"),
        (
            FeatureExpression.request("ts").cast(to: .float64),
            "in 'cast(ts, float64)': cannot cast timestamp to float64"
        ),
        (FeatureExpression.request("amount") < "a", "in '(amount < \"a\")': cannot compare float64 with string"),
    ])
    func typeErrorsNameTheSubExpression(_ expression: FeatureExpression, _ message: String) {
        let environment = ExpressionEnvironment(requestFields: ["amount": .float64, "ts": .timestamp])
        #expect(throws: ExpressionTypeError.self) { try expression.type(in: environment) }
        do {
            _ = try expression.type(in: environment)
        } catch {
            #expect(error.description == message)
        }
    }
}
