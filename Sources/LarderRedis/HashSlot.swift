/// Redis Cluster's key-to-slot mapping: CRC16 (XMODEM) of the key, or of its hash tag (the
/// bytes between the first `{` and the next `}`, when not empty), modulo 16384.
enum HashSlot {
    /// The number of slots of a cluster.
    static let count = 16384

    /// The slot of a key.
    /// - Parameter key: the key bytes.
    /// - Returns: a slot in `0..<16384`.
    static func of(_ key: [UInt8]) -> Int {
        key.withUnsafeBufferPointer { bytes in
            var hashed = bytes[...]
            if let open = bytes.firstIndex(of: UInt8(ascii: "{")),
                let close = bytes[(open + 1)...].firstIndex(of: UInt8(ascii: "}")), close > open + 1
            {
                hashed = bytes[(open + 1)..<close]
            }
            return Int(crc16(hashed) & 0x3FFF)
        }
    }

    /// CRC16-CCITT (XMODEM): polynomial 0x1021, initial value 0, as Redis Cluster uses.
    static func crc16(_ bytes: some Sequence<UInt8>) -> UInt16 {
        var crc: UInt16 = 0
        for byte in bytes {
            crc = (crc << 8) ^ table[Int(UInt8(truncatingIfNeeded: crc >> 8) ^ byte)]
        }
        return crc
    }

    private static let table: [UInt16] = (0..<256).map { index in
        var crc = UInt16(index) << 8
        for _ in 0..<8 {
            crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x1021 : crc << 1
        }
        return crc
    }
}
