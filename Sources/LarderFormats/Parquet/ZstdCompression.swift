internal import CZstd

/// Zstandard frame decompression through libzstd.
enum ZstdCompression {
    /// Decompresses one or more Zstandard frames.
    /// - Parameters:
    ///   - input: the compressed bytes.
    ///   - output: exactly as many bytes as the frames decompress to.
    /// - Throws: ``ParquetCorruption`` when the frames are invalid or of another size.
    static func decompress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws {
        guard let source = input.baseAddress, let target = output.baseAddress else {
            guard output.isEmpty else { throw ParquetCorruption("empty ZSTD frame") }
            return
        }
        let result = ZSTD_decompress(target, output.count, source, input.count)
        if ZSTD_isError(result) != 0 {
            throw ParquetCorruption("corrupt ZSTD frame: \(String(cString: ZSTD_getErrorName(result)))")
        }
        guard result == output.count else {
            throw ParquetCorruption(
                "ZSTD frame decompresses to \(result) bytes, not the \(output.count) the page header declares")
        }
    }
}
