// The fraud-detection feature repository: per-user and per-merchant statistics declared over
// the raw card payments, used to train a fraud classifier and to score each new payment in
// real time. Larder computes every statistic from the payments strictly before the time it is
// asked for: at each labelled payment for a training set, at the read for an online lookup.
// `larder apply` builds and runs this program; it prints the manifest of these definitions.
import LarderCore

/// A card holder, identified by `user_id`.
let user = Entity("user", joinKey: "user_id", type: .int64, description: "A card holder making payments")

/// A shop that accepts card payments, identified by `merchant_id`.
let merchant = Entity("merchant", joinKey: "merchant_id", type: .int64, description: "A shop accepting card payments")

/// Every card payment, one row per payment (`tools/generate_fraud_data.py` writes an example).
let paymentsFile = FileSource(
    "data/payments.csv", name: "payments", timestamp: "event_timestamp",
    description: "Card payments: user, merchant, amount, whether it was fraud")

/// New payments as they happen, pushed by the payment service (`POST /push`).
let payments = PushSource(
    "payments_push", batchSource: paymentsFile, description: "Card payments from the payment stream")

/// What is known about each merchant from the day it started taking payments.
let merchantProfilesFile = FileSource(
    "data/merchant_profiles.csv", name: "merchant_profiles", timestamp: "event_timestamp",
    description: "One row per merchant, valid from its onboarding")

/// How a card holder usually pays: a fraudulent payment often breaks the pattern, and a stolen
/// card is used many times within an hour.
let userTransactions = FeatureView(
    "user_transactions", entities: [user], source: payments,
    description: "Spending pattern of the card holder", owner: "fraud-team"
) {
    Aggregation.count(windows: "1h", "1d", "7d")
    Aggregation.over("amount", .mean, .stddev, .max, windows: "7d", "30d")
    Aggregation("is_fraud", .sum, window: "30d", name: "frauds_30d", description: "Confirmed frauds")
    Aggregation("merchant_id", .countDistinct, window: "30d", name: "merchants_30d", description: "Shops paid")
}
// The guide's checks on the payments, run on every ingest and push: a file or pushed batch that
// breaks one is refused whole, and the stores keep what they had (`larder validate` checks the
// stored rows).
.expecting(.reject) {
    Expect.notNull("amount")
    Expect.between("amount", 0.01, 100_000)
    Expect.inSet(
        "merchant_category",
        ["grocery", "restaurants", "fuel", "travel", "electronics", "online", "fashion", "pharmacy"])
    Expect.unique("transaction_id")
    Expect.notNull("merchant_id")
    Expect.rowCount(min: 1)
}

/// How busy and how risky a merchant is.
let merchantTransactions = FeatureView(
    "merchant_transactions", entities: [merchant], source: payments,
    description: "Volume and fraud rate of the merchant", owner: "fraud-team"
) {
    Aggregation.count(window: "1d", name: "merchant_count_1d", description: "Payments over the last day")
    Aggregation.count(window: "7d", name: "merchant_count_7d", description: "Payments over the last 7 days")
    Aggregation("is_fraud", .mean, window: "30d", name: "fraud_rate_30d", description: "Share of fraud")
    Aggregation("user_id", .countDistinct, window: "7d", name: "customers_7d", description: "Card holders")
}

/// The merchant's category and onboarding.
let merchantProfiles = FeatureView(
    "merchant_profiles", entities: [merchant], source: merchantProfilesFile,
    description: "Static attributes of the merchant", owner: "fraud-team"
) {
    Field("category", .string, description: "Merchant category")
    Field("onboarded_at", .timestamp, description: "When the merchant started accepting payments")
}

/// What the scoring request knows about the payment: its amount and when it happened, as the
/// guide's scoring code names them.
let amount = RequestField("amount", .float64)
let paidAt = RequestField("timestamp", .timestamp)

/// Features of the payment itself, computed when they are read, the same way for the training
/// set (from the entity file's `amount` and `timestamp` columns) and for scoring (from the
/// request). Hour and day of week are in UTC; Monday is 0, as pandas counts.
let transactionFeatures = OnDemandFeatureView(
    "transaction_features", requestFields: [amount, paidAt], sources: [userTransactions],
    description: "The payment's amount and time, and the amount against the user's usual spending"
) {
    Transformation("amount_log", .float64, log(amount.value + 1), description: "log(amount + 1)")
    Transformation("hour", .int64, hour(paidAt.value), description: "Hour of the payment, UTC")
    Transformation("day_of_week", .int64, dayOfWeek(paidAt.value), description: "Day of the week, UTC; Monday is 0")
    Transformation(
        "amount_over_user_mean_30d", .float64, amount.value / userTransactions["amount_mean_30d"],
        description: "The amount over the user's mean amount of the last 30 days")
}

FeatureRepository {
    userTransactions
    merchantTransactions
    merchantProfiles
    transactionFeatures
    FeatureService("fraud_detection_v1", description: "Features of the fraud classifier, version 1") {
        userTransactions
        merchantTransactions
        merchantProfiles.select("onboarded_at")
    }
    FeatureService("fraud_detection_v2", description: "Version 1 and the payment's own features") {
        userTransactions
        merchantTransactions
        merchantProfiles.select("onboarded_at")
        transactionFeatures
    }
}.printManifest()
