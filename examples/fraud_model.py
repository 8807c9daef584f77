"""A small logistic-regression fraud model over the features of the `fraud_detection_v1`
service plus the payment itself (amount, hour). The same `design` function turns a training
set and a single online lookup into model inputs, so training and scoring agree.

Needs numpy only. Used by examples/train_model.py and examples/score_client.py.
"""

import json
import math

import numpy as np

#: The features the model reads from the feature service, as the online store names them.
SERVICE_FEATURES = [
    "avg_amount_7d", "tx_count_7d", "fraud_count_30d", "std_amount_30d", "days_since_first_tx",
    "tx_count_1d", "fraud_rate_30d", "days_since_onboarding",
]

#: The model's inputs, in order.
INPUTS = [
    "log_amount", "amount_vs_avg_7d", "amount_vs_std_30d", "log_tx_count_7d", "fraud_count_30d",
    "new_card", "log_merchant_tx_count_1d", "merchant_fraud_rate_30d", "new_merchant", "night",
    "user_stats_missing", "merchant_stats_missing",
]


def _column(columns, name, size):
    values = columns.get(name)
    if values is None:
        return np.full(size, np.nan)
    return np.array([np.nan if v is None else v for v in values], dtype=float) if isinstance(values, list) \
        else np.asarray(values, dtype=float)


def design(columns):
    """Model inputs from columns of equal length: `amount`, `hour` (0-23, UTC) and the service
    features (None or NaN where a feature is missing). Returns a float matrix, one row per payment."""
    amount = np.asarray(columns["amount"], dtype=float)
    size = len(amount)
    get = {name: _column(columns, name, size) for name in SERVICE_FEATURES}
    hour = np.asarray(columns["hour"], dtype=float)
    average = get["avg_amount_7d"]
    deviation = get["std_amount_30d"]
    with np.errstate(invalid="ignore", divide="ignore"):
        versus_average = np.where(average > 0, np.log(amount / average), 0.0)
        versus_deviation = np.where(deviation > 0, (amount - np.nan_to_num(average)) / deviation, 0.0)
    inputs = [
        np.log1p(amount),
        np.nan_to_num(versus_average),
        np.clip(np.nan_to_num(versus_deviation), -5, 20),
        np.log1p(np.nan_to_num(get["tx_count_7d"])),
        np.nan_to_num(get["fraud_count_30d"]),
        (np.nan_to_num(get["days_since_first_tx"], nan=0) < 30).astype(float),
        np.log1p(np.nan_to_num(get["tx_count_1d"])),
        np.nan_to_num(get["fraud_rate_30d"]),
        (np.nan_to_num(get["days_since_onboarding"], nan=0) < 14).astype(float),
        (hour < 5).astype(float),
        np.isnan(get["tx_count_7d"]).astype(float),
        np.isnan(get["tx_count_1d"]).astype(float),
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
