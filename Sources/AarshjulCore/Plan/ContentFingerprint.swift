/// A short, stable digest of what a subscriber sees of an event besides its
/// date and time: title, place, people and agenda. Written into every feed
/// (`X-AARSHJUL-CONTENT`) so that a later reschedule can tell a kept event
/// whose text changed (a first-of-year item moving, an attendee joining) and
/// raise its SEQUENCE — clients ignore a changed body with the same SEQUENCE.
extension PlannedEvent {
    /// FNV-1a, 64 bits, as 16 lowercase hex digits (not for security, only to
    /// notice change; stable across runs and platforms), over the fields each
    /// followed by U+001F (fields can never run together), a list's items
    /// joined by U+001E. Hashed as the fields are walked, not over a string
    /// joined from them first: every exported event computes it.
    public var contentFingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        func add(_ text: String) { for byte in text.utf8 { add(byte) } }
        func field(_ text: String) { add(text); add(0x1F) }
        func field(_ list: [String]) {
            for (index, item) in list.enumerated() {
                if index > 0 { add(0x1E) }
                add(item)
            }
            add(0x1F)
        }
        field(title)
        field(location ?? "")
        field(organizer ?? "")
        field(attendees)
        field(guests)
        field(agenda)
        field(cancelled ? "cancelled" : "")
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 { buffer[index] = digits[Int((hash >> UInt64(60 - 4 * index)) & 0xF)] }
            return 16
        }
    }
}
