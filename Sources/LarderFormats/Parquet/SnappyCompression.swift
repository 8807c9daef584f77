internal import CSnappy

/// Snappy block compression through libsnappy.
enum SnappyCompression {
    /// Decompresses a Snappy block.
    /// - Parameters:
    ///   - input: the compressed bytes.
    ///   - output: exactly as many bytes as the block decompresses to.
    /// - Throws: ``ParquetCorruption`` when the block is invalid or of another size.
    static func decompress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws {
        guard let source = input.baseAddress?.assumingMemoryBound(to: CChar.self) else {
            throw ParquetCorruption("empty SNAPPY block")
        }
        var length = 0
        guard snappy_uncompressed_length(source, input.count, &length) == SNAPPY_OK, length == output.count else {
            throw ParquetCorruption(
                "SNAPPY block does not decompress to the \(output.count) bytes the page header declares")
        }
        guard length > 0 else { return }
        let target = output.baseAddress!.assumingMemoryBound(to: CChar.self)
        guard snappy_uncompress(source, input.count, target, &length) == SNAPPY_OK, length == output.count else {
            throw ParquetCorruption("corrupt SNAPPY block")
        }
    }

    /// Compresses bytes into a Snappy block.
    /// - Parameter input: the bytes.
    /// - Returns: the block.
    static func compress(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        let capacity = snappy_max_compressed_length(input.count)
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var length = capacity
            let source = input.baseAddress?.assumingMemoryBound(to: CChar.self) ?? UnsafePointer(bitPattern: 1)!
            let status = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: capacity) {
                snappy_compress(source, input.count, $0, &length)
            }
            count = status == SNAPPY_OK ? length : 0
        }
    }
}
