#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension KolmogorovDistribution {
    /// `P(D_n <= d)` by Durbin's matrix method as Marsaglia, Tsang and Wang arrange it: with
    /// `d = (k - h)/n`, the k-th diagonal entry of `H^n` times `n!/n^n`, where `H` is a
    /// `(2k-1)²` matrix, raised to the n-th power by squaring with rescaling.
    static func durbinMatrix(_ n: Int, _ d: Double) -> Double {
        if d >= 1 { return 1 }
        let nd = Double(n) * d
        if nd <= 0.5 { return 0 }
        let k = Int(nd.rounded(.up))
        let h = Double(k) - nd
        let m = 2 * k - 1
        var v = [Double](repeating: 0, count: m)
        var w = [Double](repeating: 0, count: m)
        var factorial = 1.0
        for j in 1...m {
            v[j - 1] = 1.0 - pow(h, Double(j))
            w[j - 1] = factorial
            factorial /= Double(j)
            v[j - 1] *= factorial
        }
        let corner = pow(max(2 * h - 1, 0), Double(m)) - 2 * pow(h, Double(m))
        v[m - 1] = (1.0 + corner) * factorial
        var matrix = SquareMatrix(size: m)
        for i in 1..<max(m, 1) {
            for row in (i - 1)..<m { matrix[row, i] = w[row - (i - 1)] }
        }
        for row in 0..<m { matrix[row, 0] = v[row] }
        for column in 0..<m { matrix[m - 1, column] = v[m - 1 - column] }

        var power = SquareMatrix.identity(size: m)
        var remaining = n
        var exponent = 0
        var matrixExponent = 0
        while remaining > 0 {
            if remaining % 2 == 1 {
                power = power.multiplied(by: matrix)
                exponent += matrixExponent
            }
            matrix = matrix.multiplied(by: matrix)
            matrixExponent *= 2
            if abs(matrix[k - 1, k - 1]) > scaleUp {
                matrix.divide(by: scaleUp)
                matrixExponent += 128
            }
            remaining /= 2
        }
        var p = power[k - 1, k - 1]
        for i in 1...n {
            p = Double(i) * p / Double(n)
            if abs(p) < scaleDown {
                p *= scaleUp
                exponent -= 128
            }
        }
        if exponent != 0 { p = scalbn(p, Int32(exponent)) }
        return clip(p)
    }

    /// `P(D_n <= x)` by Pomeranz's recursion: two rows of a `(2n+2)`-step convolution with
    /// near-Poisson weights, rescaled against underflow.
    static func pomeranz(_ n: Int, _ x: Double) -> Double {
        let t = Double(n) * x
        let whole = Int(t.rounded(.down))
        let fraction = t - Double(whole)
        let g = min(fraction, 1.0 - fraction)
        let ceilFraction = fraction > 0 ? 1 : 0
        let roundFraction = fraction > 0.5 ? 1 : 0
        let powers = 2 * (whole + 1)
        var gPower = [Double](repeating: 1, count: powers)
        var twoGPower = [Double](repeating: 1, count: powers)
        var oneMinusTwoGPower = [Double](repeating: 1, count: powers)
        let (gOverN, twoGOverN, oneMinusTwoGOverN) = (g / Double(n), 2 * g / Double(n), (1 - 2 * g) / Double(n))
        for m in 1..<powers {
            gPower[m] = gPower[m - 1] * gOverN / Double(m)
            twoGPower[m] = twoGPower[m - 1] * twoGOverN / Double(m)
            oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * oneMinusTwoGOverN / Double(m)
        }
        var previous = [Double](repeating: 0, count: powers)
        var current = [Double](repeating: 0, count: powers)
        current[0] = 1
        var previousStart = 0
        var currentStart = 0
        var exponent = 0
        let bounds = { (i: Int) in pomeranzBounds(i, n, whole, ceilFraction, roundFraction) }
        var (j1, j2) = bounds(0)
        for i in 1..<(2 * n + 2) {
            let k1 = j1
            swap(&previous, &current)
            swap(&previousStart, &currentStart)
            for index in current.indices { current[index] = 0 }
            (j1, j2) = bounds(i)
            let weights = i == 1 || i == 2 * n + 1 ? gPower : (i % 2 == 1 ? twoGPower : oneMinusTwoGPower)
            let length = j2 - k1 + 1
            guard length > 0 else { continue }
            let lower = k1 - previousStart
            let values = Array(previous[lower..<min(lower + length, powers)])
            let kernel = Array(weights[0..<min(length, powers)])
            let start = j1 - k1
            for index in 0..<(j2 - j1 + 1) {
                current[index] = convolution(values, kernel, at: start + index)
            }
            let largest = current.max() ?? 0
            if largest > 0 && largest < scaleDown {
                for index in current.indices { current[index] *= scaleUp }
                exponent -= 128
            }
            currentStart = previousStart + j1 - k1
        }
        var answer = current[n - currentStart]
        for m in 1...n {
            if abs(answer) > scaleUp {
                answer *= scaleDown
                exponent += 128
            }
            answer *= Double(m)
        }
        if exponent != 0 { answer = scalbn(answer, Int32(exponent)) }
        return clip(answer)
    }

    /// The first and last useful column of row `i` of Pomeranz's recursion.
    static func pomeranzBounds(
        _ i: Int, _ n: Int, _ whole: Int, _ ceilFraction: Int, _ roundFraction: Int
    ) -> (Int, Int) {
        let j1: Int
        let j2: Int
        if i == 0 {
            (j1, j2) = (-whole - ceilFraction - 1, whole + ceilFraction - 1)
        } else {
            let half = (i + 1) / 2
            if (i + 1) % 2 == 0 {
                if half == n + 1 {
                    (j1, j2) = (n - whole - ceilFraction - 1, n + whole + ceilFraction - 1)
                } else {
                    (j1, j2) = (half - 1 - whole - roundFraction - 1, half + whole - 1 + ceilFraction - 1)
                }
            } else {
                (j1, j2) = (half - 1 - whole - 1, half + whole + roundFraction - 1)
            }
        }
        return (max(j1 + 2, 0), min(j2, n))
    }

    /// Entry `index` of the full discrete convolution of `a` and `b`.
    static func convolution(_ a: [Double], _ b: [Double], at index: Int) -> Double {
        guard index >= 0, index < a.count + b.count - 1 else { return 0 }
        var sum = 0.0
        let first = max(0, index - b.count + 1)
        let last = min(index, a.count - 1)
        if first > last { return 0 }
        for i in first...last { sum += a[i] * b[index - i] }
        return sum
    }

    /// `P(D_n <= x)` by Pelz and Good's approximation: the Li-Chien/Korolyuk expansion in
    /// powers of `1/sqrt(n)`, each term rewritten with Jacobi theta functions for small `z`.
    static func pelzGood(_ n: Int, _ x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let z = Double(n).squareRoot() * x
        let (z2, z3, z4, z6) = (z * z, z * z * z, pow(z, 4), pow(z, 6))
        let pi2 = Double.pi * Double.pi
        let pi4 = pi2 * pi2
        let pi6 = pi4 * pi2
        let qLog = -pi2 / 8 / z2
        if qLog < -708 { return 0 }
        let q = exp(qLog)
        let k1a = -z2
        let k1b = pi2 / 4
        let k2a = 6 * z6 + 2 * z4
        let k2b = (2 * z4 - 5 * z2) * pi2 / 4
        let k2c = pi4 * (1 - 2 * z2) / 16
        let k3d = pi6 * (5 - 30 * z2) / 64
        let k3c = pi4 * (-60 * z2 + 212 * z4) / 16
        let k3b = pi2 * (135 * z4 - 96 * z6) / 4
        let k3a = -30 * z6 - 90 * pow(z, 8)
        var terms = [0.0, 0.0, 0.0, 0.0]
        let largestK = Int((16 * z / Double.pi).rounded(.up))
        if largestK >= 1 {
            for k in stride(from: largestK, through: 1, by: -1) {
                let m = Double(2 * k - 1)
                let (m2, m4, m6) = (m * m, pow(m, 4), pow(m, 6))
                let qPower = pow(q, Double(8 * k))
                let coefficients = [
                    1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6,
                ]
                for index in 0..<4 { terms[index] = terms[index] * qPower + coefficients[index] }
            }
        }
        let root2Pi = (2 * Double.pi).squareRoot()
        let divisors = [z, 6 * z4, 72 * pow(z, 7), 6480 * pow(z, 10)]
        for index in 0..<4 { terms[index] = terms[index] * q * root2Pi / divisors[index] }
        let q2 = exp(-pi2 / 2 / z2)
        var k2Extra = 0.0
        var k3Extra = 0.0
        let root3z = 3.0.squareRoot() * z
        if largestK >= 1 {
            for k in stride(from: largestK, through: 1, by: -1) {
                let k2 = Double(k * k)
                let kPi = Double.pi * Double(k)
                let qPower = pow(q2, k2)
                k2Extra += k2 * qPower
                k3Extra += (root3z + kPi) * (root3z - kPi) * k2 * qPower
            }
        }
        terms[2] += k2Extra * (pi2 * root2Pi / (-36 * z3))
        terms[3] += k3Extra * (pi2 * root2Pi / (216 * z6))
        for index in 0..<4 { terms[index] /= pow(Double(n), Double(index) / 2) }
        return terms.reduce(0, +)
    }
}
