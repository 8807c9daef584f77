extension KolmogorovSmirnov {
    /// The exact two-sided p-value of the two-sample statistic, by counting lattice paths.
    ///
    /// The distance is first snapped to the lattice it lives on, `h / lcm(n1, n2)` with `h`
    /// rounded half to even, and that snapped distance is the statistic reported.
    /// - Returns: the snapped distance, and the probability or `nil` when the computation did
    ///   not give a probability (the caller then uses the asymptotic distribution).
    static func exactProbability(_ n1: Int, _ n2: Int, distance: Double) -> (distance: Double, probability: Double?) {
        let divisor = greatestCommonDivisor(n1, n2)
        let lattice = (n1 / divisor) * n2
        let steps = Int((distance * Double(lattice)).rounded(.toNearestOrEven))
        let snapped = Double(steps) / Double(lattice)
        guard steps > 0 else { return (snapped, 1) }
        let probability =
            n1 == n2
            ? probabilityOutsideSquare(n1, steps)
            : probabilityOutsideBand(n1, n2, divisor, steps)
        guard probability >= 0, probability <= 1 else { return (snapped, nil) }
        return (snapped, probability)
    }

    /// For equal sizes `n`: the share of paths that reach `|x - y| >= h`, as the alternating
    /// sum of ratios of binomial coefficients evaluated from the innermost term outwards.
    static func probabilityOutsideSquare(_ n: Int, _ h: Int) -> Double {
        var total = 0.0
        var k = n / h
        while k >= 0 {
            var ratio = 1.0
            for j in 0..<h {
                ratio = Double(n - k * h - j) * ratio / Double(n + k * h + j + 1)
            }
            total = ratio * (1.0 - total)
            k -= 1
        }
        return 2 * total
    }

    /// For unequal sizes: one minus the share of lattice paths from (0, 0) to (m, n) that stay
    /// strictly inside `|x/m - y/n| < h / lcm(m, n)`, computed column by column as that
    /// complement (Viehmann's recursion), over a sliding window of each column.
    static func probabilityOutsideBand(_ first: Int, _ second: Int, _ divisor: Int, _ h: Int) -> Double {
        let m = max(first, second)
        let n = min(first, second)
        let mg = Double(m / divisor)
        let ng = Double(n / divisor)
        var low = 0
        var high = min(Int((Double(h) / mg).rounded(.up)), n + 1)
        var length = high - low
        var column = [Double](repeating: 1, count: min(2 * high + 2, n + 1))
        for index in low..<high { column[index] = 0 }
        for i in 1...m {
            let previousLow = low
            let previousLength = length
            low = min(max(Int(((ng * Double(i) - Double(h)) / mg).rounded(.down)) + 1, 0), n)
            high = min(Int(((ng * Double(i) + Double(h)) / mg).rounded(.up)), n + 1)
            if high <= low { return 1 }
            var value = low == 0 ? 0.0 : 1.0
            for offset in 0..<(high - low) {
                let j = offset + low
                value = (column[offset + low - previousLow] * Double(i) + value * Double(j)) / Double(i + j)
                column[offset] = value
            }
            length = high - low
            if previousLength > length {
                for index in length..<min(previousLength, column.count) { column[index] = 1 }
            }
        }
        return column[high - low - 1]
    }

    static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
