/// A short, stable digest of what a subscriber sees of an event besides its
/// date and time: title, place, people and agenda. Written into every feed
/// (`X-AARSHJUL-CONTENT`) so that a later reschedule can tell a kept event
/// whose text changed (a first-of-year item moving, an attendee joining) and
/// raise its SEQUENCE — clients ignore a changed body with the same SEQUENCE.
extension PlannedEvent {
    public var contentFingerprint: String {
        var text = ""
        func add(_ field: String) {
            text += field
            text += "\u{1F}"  // unit separator: fields can never run together
        }
        add(title)
        add(location ?? "")
        add(organizer ?? "")
        add(attendees.joined(separator: "\u{1E}"))
        add(guests.joined(separator: "\u{1E}"))
        add(agenda.joined(separator: "\u{1E}"))
        add(cancelled ? "cancelled" : "")
        return Self.fnv1a64Hex(text)
    }

    /// FNV-1a, 64 bits, as 16 lowercase hex digits: not for security, only
    /// to notice change; stable across runs and platforms.
    static func fnv1a64Hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
