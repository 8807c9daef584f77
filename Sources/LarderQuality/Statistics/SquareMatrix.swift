/// A small dense square matrix of doubles, row-major: what the Durbin matrix method raises to
/// a power.
struct SquareMatrix {
    let size: Int
    var entries: [Double]

    init(size: Int) {
        self.size = size
        entries = [Double](repeating: 0, count: size * size)
    }

    static func identity(size: Int) -> SquareMatrix {
        var matrix = SquareMatrix(size: size)
        for i in 0..<size { matrix[i, i] = 1 }
        return matrix
    }

    subscript(row: Int, column: Int) -> Double {
        get { entries[row * size + column] }
        set { entries[row * size + column] = newValue }
    }

    func multiplied(by other: SquareMatrix) -> SquareMatrix {
        var product = SquareMatrix(size: size)
        entries.withUnsafeBufferPointer { a in
            other.entries.withUnsafeBufferPointer { b in
                product.entries.withUnsafeMutableBufferPointer { c in
                    for i in 0..<size {
                        for k in 0..<size {
                            let factor = a[i * size + k]
                            if factor == 0 { continue }
                            for j in 0..<size { c[i * size + j] += factor * b[k * size + j] }
                        }
                    }
                }
            }
        }
        return product
    }

    mutating func divide(by divisor: Double) {
        for index in entries.indices { entries[index] /= divisor }
    }
}
