#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The regularized incomplete gamma functions, from which the chi-squared distribution's
/// survival function follows: `P(X > x) = Q(dof/2, x/2)`.
enum IncompleteGamma {
    /// `Q(a, x) = Γ(a, x) / Γ(a)`, by the power series of `P = 1 - Q` when `x < a + 1` and by
    /// the continued fraction of `Q` (modified Lentz) otherwise; both to double precision.
    static func upperRegularized(_ a: Double, _ x: Double) -> Double {
        guard a > 0, x >= 0, !x.isNaN else { return .nan }
        if x == 0 { return 1 }
        if x.isInfinite { return 0 }
        let logPrefactor = a * log(x) - x - lgamma(a)
        if x < a + 1 {
            var term = 1.0 / a
            var sum = term
            var denominator = a
            for _ in 0..<100_000 {
                denominator += 1
                term *= x / denominator
                sum += term
                if abs(term) < abs(sum) * 1e-17 { break }
            }
            return min(max(1 - sum * exp(logPrefactor), 0), 1)
        }
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1.0 / tiny
        var d = 1.0 / b
        var fraction = d
        for i in 1..<100_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            fraction *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return min(max(exp(logPrefactor) * fraction, 0), 1)
    }
}
