"""A small logistic-regression fraud model over the features of the `fraud_detection_v1`
service plus the payment itself (amount, time). The same `design` function turns a training
set and a single online lookup into model inputs, so training and scoring agree.

Every service feature is declared in feature_repo/definitions/main.swift and computed by
Larder from the payments before the one scored: the card holder's counts and amounts
(`user_transactions`), the merchant's volume and fraud rate (`merchant_transactions`), and
when the merchant was onboarded (`merchant_profiles`).

Needs numpy only. Used by examples/train_model.py and examples/score_client.py.
"""

import json
import math

import numpy as np

DAY = 86_400

#: The features the model reads from the feature service, as the online store names them.
SERVICE_FEATURES = [
    "count_1h", "count_1d", "count_7d", "amount_mean_7d", "amount_stddev_7d", "amount_max_7d",
    "amount_mean_30d", "amount_stddev_30d", "amount_max_30d", "frauds_30d", "merchants_30d",
    "merchant_count_1d", "merchant_count_7d", "fraud_rate_30d", "customers_7d", "onboarded_at",
]

#: The model's inputs, in order.
INPUTS = [
    "log_amount", "amount_vs_mean_7d", "amount_vs_std_30d", "amount_vs_max_30d", "log_count_1h", "log_count_1d",
    "log_count_7d", "frauds_30d", "log_merchants_30d", "no_history_30d", "log_merchant_count_1d",
    "log_merchant_count_7d", "merchant_fraud_rate_30d", "new_merchant", "night",
]


def _column(columns, name, size):
    values = columns.get(name)
    if values is None:
        return np.full(size, np.nan)
    return np.array([np.nan if v is None else v for v in values], dtype=float) if isinstance(values, list) \
        else np.asarray(values, dtype=float)


def design(columns):
    """Model inputs from columns of equal length: `amount`, `time` (seconds since 1970, UTC) and
    the service features (None or NaN where a feature is missing; `onboarded_at` in seconds since
    1970). Returns a float matrix, one row per payment."""
    amount = np.asarray(columns["amount"], dtype=float)
    size = len(amount)
    get = {name: _column(columns, name, size) for name in SERVICE_FEATURES}
    time = np.asarray(columns["time"], dtype=float)
    mean_7d, mean_30d, deviation = get["amount_mean_7d"], get["amount_mean_30d"], get["amount_stddev_30d"]
    with np.errstate(invalid="ignore", divide="ignore"):
        versus_mean = np.where(mean_7d > 0, np.log(amount / mean_7d), 0.0)
        versus_deviation = np.where(deviation > 0, (amount - np.nan_to_num(mean_30d)) / deviation, 0.0)
        versus_max = np.where(get["amount_max_30d"] > 0, np.log(amount / get["amount_max_30d"]), 0.0)
    merchant_age_days = (time - get["onboarded_at"]) / DAY
    inputs = [
        np.log1p(amount),
        np.nan_to_num(versus_mean),
        np.clip(np.nan_to_num(versus_deviation), -5, 20),
        np.clip(np.nan_to_num(versus_max), -5, 5),
        np.log1p(np.nan_to_num(get["count_1h"])),
        np.log1p(np.nan_to_num(get["count_1d"])),
        np.log1p(np.nan_to_num(get["count_7d"])),
        np.nan_to_num(get["frauds_30d"]),
        np.log1p(np.nan_to_num(get["merchants_30d"])),
        np.isnan(mean_30d).astype(float),
        np.log1p(np.nan_to_num(get["merchant_count_1d"])),
        np.log1p(np.nan_to_num(get["merchant_count_7d"])),
        np.nan_to_num(get["fraud_rate_30d"]),
        (np.nan_to_num(merchant_age_days, nan=0) < 14).astype(float),
        ((time % DAY) // 3600 < 5).astype(float),
    ]
    return np.column_stack(inputs)


class FraudModel:
    """Standardized inputs, weights, a bias and a decision threshold."""

    def __init__(self, mean, scale, weights, bias, threshold):
        self.mean, self.scale = np.asarray(mean, float), np.asarray(scale, float)
        self.weights, self.bias, self.threshold = np.asarray(weights, float), float(bias), float(threshold)

    @classmethod
    def fit(cls, inputs, labels, iterations=400, learning_rate=0.5, l2=1e-3):
        """Fits by full-batch gradient descent, with frauds weighted up to balance the classes,
        then picks the threshold with the best F1 on the training rows."""
        labels = np.asarray(labels, dtype=float)
        if labels.sum() == 0 or labels.sum() == len(labels):
            raise ValueError("the training set needs both fraudulent and legitimate payments")
        mean = inputs.mean(axis=0)
        scale = inputs.std(axis=0)
        scale[scale == 0] = 1
        x = (inputs - mean) / scale
        weight = np.where(labels == 1, (1 - labels.mean()) / labels.mean(), 1.0)
        weight /= weight.mean()
        w = np.zeros(x.shape[1])
        b = 0.0
        for _ in range(iterations):
            p = 1 / (1 + np.exp(-(x @ w + b)))
            error = weight * (p - labels)
            w -= learning_rate * (x.T @ error / len(labels) + l2 * w)
            b -= learning_rate * error.mean()
        model = cls(mean, scale, w, b, 0.5)
        model.threshold = best_threshold(model.probability(inputs), labels)
        return model

    def probability(self, inputs):
        """The fraud probability of each row of inputs (balanced-class scale)."""
        return 1 / (1 + np.exp(-(((inputs - self.mean) / self.scale) @ self.weights + self.bias)))

    def save(self, path):
        with open(path, "w") as file:
            json.dump({"inputs": INPUTS, "mean": self.mean.tolist(), "scale": self.scale.tolist(),
                       "weights": self.weights.tolist(), "bias": self.bias, "threshold": self.threshold}, file, indent=1)

    @classmethod
    def load(cls, path):
        with open(path) as file:
            data = json.load(file)
        if data.get("inputs") != INPUTS:
            raise ValueError(f"{path} was trained on other inputs: {data.get('inputs')}")
        return cls(data["mean"], data["scale"], data["weights"], data["bias"], data["threshold"])


def best_threshold(probability, labels):
    """The threshold with the highest F1."""
    best, best_f1 = 0.5, -1.0
    for threshold in np.quantile(probability, np.linspace(0.5, 0.999, 200)):
        flagged = probability >= threshold
        true_positive = (flagged & (labels == 1)).sum()
        f1 = 2 * true_positive / max(1, flagged.sum() + (labels == 1).sum())
        if f1 > best_f1:
            best, best_f1 = float(threshold), f1
    return best


def auc(probability, labels):
    """Area under the ROC curve (rank form); NaN when one class is absent."""
    labels = np.asarray(labels)
    positives, negatives = (labels == 1).sum(), (labels == 0).sum()
    if positives == 0 or negatives == 0:
        return math.nan
    order = np.argsort(probability, kind="stable")
    ranks = np.empty(len(order))
    ranks[order] = np.arange(1, len(order) + 1)
    return float((ranks[labels == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def precision_recall(flagged, labels):
    """Precision and recall of flagged payments against labels."""
    flagged, labels = np.asarray(flagged, bool), np.asarray(labels) == 1
    true_positive = (flagged & labels).sum()
    return true_positive / max(1, flagged.sum()), true_positive / max(1, labels.sum())
