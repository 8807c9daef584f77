internal import CLZ4

/// LZ4 block decompression through liblz4: LZ4_RAW, and the deprecated Hadoop-framed LZ4.
enum LZ4Compression {
    /// Decompresses one raw LZ4 block.
    /// - Parameters:
    ///   - input: the compressed block.
    ///   - output: exactly as many bytes as the block decompresses to.
    /// - Throws: ``ParquetCorruption`` when the block is invalid or of another size.
    static func decompressRaw(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws {
        guard input.count <= Int(Int32.max), output.count <= Int(Int32.max) else {
            throw ParquetCorruption("LZ4 block larger than 2 GiB")
        }
        guard let source = input.baseAddress, let target = output.baseAddress else {
            guard output.isEmpty else { throw ParquetCorruption("empty LZ4 block") }
            return
        }
        let result = LZ4_decompress_safe(
            source.assumingMemoryBound(to: CChar.self), target.assumingMemoryBound(to: CChar.self),
            Int32(input.count), Int32(output.count))
        guard result == Int32(output.count) else {
            throw ParquetCorruption(
                result < 0
                    ? "corrupt LZ4 block"
                    : "LZ4 block decompresses to \(result) bytes, not the \(output.count) the page header declares")
        }
    }

    /// Decompresses the deprecated LZ4 codec: Hadoop frames (big-endian decompressed and
    /// compressed sizes before each block), falling back to one raw block.
    /// - Parameters:
    ///   - input: the compressed bytes.
    ///   - output: exactly as many bytes as they decompress to.
    /// - Throws: ``ParquetCorruption`` when neither layout decodes.
    static func decompressHadoop(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws {
        var inOffset = 0, outOffset = 0
        var framed = true
        while inOffset < input.count {
            guard input.count - inOffset >= 8 else { framed = false; break }
            let expected = Int(bigEndianUInt32(input, at: inOffset))
            let compressed = Int(bigEndianUInt32(input, at: inOffset + 4))
            inOffset += 8
            guard compressed <= input.count - inOffset, expected <= output.count - outOffset else {
                framed = false; break
            }
            do {
                try decompressRaw(
                    UnsafeRawBufferPointer(rebasing: input[inOffset..<inOffset + compressed]),
                    into: UnsafeMutableRawBufferPointer(rebasing: output[outOffset..<outOffset + expected]))
            } catch {
                framed = false
                break
            }
            inOffset += compressed
            outOffset += expected
        }
        if framed && outOffset == output.count { return }
        try decompressRaw(input, into: output)
    }

    private static func bigEndianUInt32(_ buffer: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(buffer[offset + $1]) }
    }
}
