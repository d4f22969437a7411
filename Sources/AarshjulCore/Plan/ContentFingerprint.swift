/// A short, stable digest of what a subscriber sees of an event besides its
/// date and time: title, place, people and agenda. Written into every feed
/// (`X-AARSHJUL-CONTENT`) so that a later reschedule can tell a kept event
/// whose text changed (a first-of-year item moving, an attendee joining) and
/// raise its SEQUENCE — clients ignore a changed body with the same SEQUENCE.
extension PlannedEvent {
    public var contentFingerprint: String {
        // FNV-1a over the fields' UTF-8 as one text, each field followed by a
        // unit separator and list items joined by a record separator, hashed
        // as it goes rather than put together first (every export hashes
        // every event).
        var hash = FNV1a64()
        func add(_ field: String) {
            hash.add(field)
            hash.add(byte: 0x1F)  // unit separator: fields can never run together
        }
        func add(_ list: [String]) {
            for (index, item) in list.enumerated() {
                if index > 0 { hash.add(byte: 0x1E) }
                hash.add(item)
            }
            hash.add(byte: 0x1F)
        }
        add(title)
        add(location ?? "")
        add(organizer ?? "")
        add(attendees)
        add(guests)
        add(agenda)
        add(cancelled ? "cancelled" : "")
        return hash.hex
    }

    /// FNV-1a, 64 bits, as 16 lowercase hex digits: not for security, only
    /// to notice change; stable across runs and platforms.
    static func fnv1a64Hex(_ text: String) -> String {
        var hash = FNV1a64()
        hash.add(text)
        return hash.hex
    }
}

struct FNV1a64 {
    private var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01b3
    }

    mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte: byte) }
    }

    var hex: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
