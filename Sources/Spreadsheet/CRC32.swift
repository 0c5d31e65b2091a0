/// CRC-32 as ZIP requires it (IEEE 802.3, reflected polynomial 0xEDB88320). Incremental because a
/// streamed ZIP entry must be checksummed as its bytes leave, without keeping them.
public struct CRC32: Sendable, Hashable {
    private static let table: [UInt32] = (0..<256).map { index in
        var remainder = UInt32(index)
        for _ in 0..<8 {
            remainder = remainder & 1 == 1 ? 0xEDB8_8320 ^ (remainder >> 1) : remainder >> 1
        }
        return remainder
    }

    private var register: UInt32 = 0xFFFF_FFFF

    public init() {}

    /// The checksum of every byte given so far; reading it does not end the computation.
    public var value: UInt32 { register ^ 0xFFFF_FFFF }

    public mutating func update(_ bytes: some Sequence<UInt8>) {
        // Local copies keep the hot loop free of the lazy-global check and exclusivity checks.
        let table = Self.table
        var crc = register
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        register = crc
    }

    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }
}
