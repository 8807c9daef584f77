/// Page decompression and compression by Parquet codec.
enum ParquetCompression {
    /// Decompresses a page body.
    /// - Parameters:
    ///   - codec: the column chunk's codec.
    ///   - input: the compressed bytes.
    ///   - output: exactly the uncompressed size the page header declares.
    /// - Throws: ``ParquetCorruption`` for unsupported codecs and corrupt data.
    static func decompress(
        _ codec: ParquetCompressionCodec, _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws {
        switch codec {
        case .uncompressed:
            guard input.count == output.count else {
                throw ParquetCorruption(
                    "uncompressed page holds \(input.count) bytes, not the \(output.count) its header declares")
            }
            if let source = input.baseAddress { output.baseAddress!.copyMemory(from: source, byteCount: input.count) }
        case .snappy: try SnappyCompression.decompress(input, into: output)
        case .zstd: try ZstdCompression.decompress(input, into: output)
        case .gzip: try GzipCompression.decompress(input, into: output)
        case .lz4Raw: try LZ4Compression.decompressRaw(input, into: output)
        case .lz4: try LZ4Compression.decompressHadoop(input, into: output)
        default: try checkSupported(codec)
        }
    }

    /// Throws when Larder cannot decompress the codec.
    /// - Parameter codec: a column chunk's codec.
    /// - Throws: ``ParquetCorruption`` naming the codec.
    static func checkSupported(_ codec: ParquetCompressionCodec) throws {
        switch codec {
        case .uncompressed, .snappy, .zstd, .gzip, .lz4Raw, .lz4: return
        default: throw ParquetCorruption("\(codec) compression is not supported")
        }
    }

    /// The largest uncompressed page accepted, whatever its header claims (1 GiB).
    static let maximumPageSize = 1 << 30

    /// Whether `compressed` bytes can plausibly expand to `uncompressed` with `codec`, judged by
    /// the codec's largest possible expansion, so a corrupt size never drives an allocation.
    /// - Parameters:
    ///   - codec: the chunk's codec.
    ///   - compressed: the stored size.
    ///   - uncompressed: the size the page header claims.
    static func isPlausible(_ codec: ParquetCompressionCodec, compressed: Int, uncompressed: Int) -> Bool {
        let ratio =
            switch codec {
            case .uncompressed: 1
            case .snappy: 32  // at most 64 output bytes per 2-byte copy tag
            case .lz4, .lz4Raw: 256
            case .gzip: 1_032  // deflate's maximum
            default: 65_536  // zstd (RLE blocks) and anything else
            }
        return uncompressed <= compressed * ratio + (1 << 16) && uncompressed <= maximumPageSize
    }
}
