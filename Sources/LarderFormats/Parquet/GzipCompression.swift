internal import CZlib

/// GZIP (and zlib) stream decompression through zlib.
enum GzipCompression {
    /// Decompresses a GZIP stream (concatenated members are joined).
    /// - Parameters:
    ///   - input: the compressed bytes.
    ///   - output: exactly as many bytes as the stream decompresses to.
    /// - Throws: ``ParquetCorruption`` when the stream is invalid or of another size.
    static func decompress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws {
        guard let source = input.baseAddress, !input.isEmpty else {
            throw ParquetCorruption("empty GZIP stream")
        }
        var stream = z_stream()
        // 15 window bits + 32: accept both gzip and zlib headers.
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ParquetCorruption("cannot initialise GZIP decompression")
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: source.assumingMemoryBound(to: UInt8.self))
        stream.avail_in = UInt32(input.count)
        var produced = 0
        while true {
            stream.next_out = output.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) + produced }
            stream.avail_out = UInt32(output.count - produced)
            let before = stream.avail_out
            let status = inflate(&stream, Z_FINISH)
            produced += Int(before - stream.avail_out)
            if status == Z_STREAM_END {
                guard stream.avail_in > 0, produced < output.count else { break }
                guard inflateReset(&stream) == Z_OK else { throw ParquetCorruption("corrupt GZIP stream") }
                continue
            }
            guard status == Z_OK || status == Z_BUF_ERROR, before != stream.avail_out else {
                let detail = stream.msg.map { String(cString: $0) } ?? "status \(status)"
                throw ParquetCorruption("corrupt GZIP stream: \(detail)")
            }
        }
        guard produced == output.count else {
            throw ParquetCorruption(
                "GZIP stream decompresses to \(produced) bytes, not the \(output.count) the page header declares")
        }
    }
}
