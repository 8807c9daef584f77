// The fraud-detection feature repository: per-user and per-merchant transaction statistics,
// used to train a fraud classifier and to score each new transaction in real time.
// `larder apply` builds and runs this program; it prints the manifest of these definitions.
import LarderCore

/// A card holder, identified by `user_id`.
let user = Entity("user", joinKey: "user_id", type: .int64, description: "A card holder making payments")

/// A shop that accepts card payments, identified by `merchant_id`.
let merchant = Entity("merchant", joinKey: "merchant_id", type: .int64, description: "A shop accepting card payments")

/// Daily per-user statistics, computed by the batch pipeline from the transactions before each
/// row's event time (`tools/generate_fraud_data.py` writes an example).
let userStatsFile = FileSource(
    "data/user_stats.csv", timestamp: "event_timestamp", created: "created",
    description: "Per-user transaction statistics, one row per user per day")

/// The same statistics pushed fresh by the streaming pipeline after each transaction.
let userStatsPush = PushSource(
    "user_stats_push", batchSource: userStatsFile, description: "Fresh per-user statistics from the stream")

/// Per-merchant statistics, computed daily.
let merchantStatsFile = FileSource(
    "data/merchant_stats.csv", timestamp: "event_timestamp", created: "created",
    description: "Per-merchant statistics, one row per merchant per day")

/// How a user usually spends: a fraudulent payment often breaks the pattern.
let userTransactionStats = FeatureView(
    "user_transaction_stats", entities: [user], ttl: .days(7), source: userStatsPush,
    description: "Spending pattern of the card holder", owner: "fraud-team"
) {
    Field("avg_amount_7d", .float64, description: "Mean transaction amount over the last 7 days")
    Field("tx_count_7d", .int64, description: "Number of transactions over the last 7 days")
    Field("fraud_count_30d", .int64, description: "Confirmed frauds over the last 30 days")
    Field("std_amount_30d", .float64, description: "Standard deviation of amounts over 30 days")
    Field("days_since_first_tx", .int32, description: "Age of the account in days")
}

/// How risky a merchant is.
let merchantStats = FeatureView(
    "merchant_stats", entities: [merchant], ttl: .days(2), source: merchantStatsFile,
    description: "Volume and fraud rate of the merchant", owner: "fraud-team"
) {
    Field("tx_count_1d", .int64, description: "Transactions over the last day")
    Field("fraud_rate_30d", .float64, description: "Share of fraudulent transactions over 30 days")
    Field("category", .string, description: "Merchant category")
    Field("days_since_onboarding", .int32, description: "Days since the merchant started accepting payments")
}

/// What the scoring request knows about the payment: its amount and when it happened, as the
/// guide's scoring code names them.
let amount = RequestField("amount", .float64)
let paidAt = RequestField("timestamp", .timestamp)

/// Features of the payment itself, computed when they are read, the same way for the training
/// set (from the entity file's `amount` and `timestamp` columns) and for scoring (from the
/// request). Hour and day of week are in UTC; Monday is 0, as pandas counts.
let transactionFeatures = OnDemandFeatureView(
    "transaction_features", requestFields: [amount, paidAt], sources: [userTransactionStats],
    description: "The payment's amount and time, and the amount against the user's usual spending"
) {
    Transformation("amount_log", .float64, log(amount.value + 1), description: "log(amount + 1)")
    Transformation("hour", .int64, hour(paidAt.value), description: "Hour of the payment, UTC")
    Transformation("day_of_week", .int64, dayOfWeek(paidAt.value), description: "Day of the week, UTC; Monday is 0")
    Transformation(
        "amount_over_user_mean_7d", .float64, amount.value / userTransactionStats["avg_amount_7d"],
        description: "The amount over the user's mean amount of the last 7 days")
}

FeatureRepository {
    userTransactionStats
    merchantStats
    transactionFeatures
    FeatureService("fraud_detection_v1", description: "Features of the fraud classifier, version 1") {
        userTransactionStats
        merchantStats.select("tx_count_1d", "fraud_rate_30d", "days_since_onboarding")
    }
    FeatureService("fraud_detection_v2", description: "Version 1 and the payment's own features") {
        userTransactionStats
        merchantStats.select("tx_count_1d", "fraud_rate_30d", "days_since_onboarding")
        transactionFeatures
    }
}.printManifest()
