import CLibical
import Glibc

/// One component's properties, taken off libical's list in a single walk.
///
/// libical finds a property by walking the component's whole list on every
/// call (`icalcomponent_get_first_property`, and every `icalcomponent_get_uid`,
/// `_get_summary`, … on top of it). Reading one event for busy time asks for
/// some twenty properties, so a 50,000-event file walked a cold 50 MB tree a
/// million times: a fifth of its import. Here the list is walked once and the
/// lookups scan a small contiguous array. Borrowed pointers: valid while the
/// component is.
struct ComponentProperties {
    private var entries: [(kind: icalproperty_kind, pointer: OpaquePointer)] = []

    init(_ component: LibicalComponent) {
        // Room for a usual event's properties at once: growing the array
        // 1, 2, 4, 8 cost more than the walk it replaces.
        entries.reserveCapacity(12)
        var property = icalcomponent_get_first_property(component.pointer, ICAL_ANY_PROPERTY)
        while let current = property {
            entries.append((icalproperty_isa(current), current))
            property = icalcomponent_get_next_property(component.pointer, ICAL_ANY_PROPERTY)
        }
    }

    /// The first property of `kind`, as `icalcomponent_get_first_property` gives it.
    func first(_ kind: icalproperty_kind) -> OpaquePointer? {
        for entry in entries where entry.kind == kind { return entry.pointer }
        return nil
    }

    func contains(_ kind: icalproperty_kind) -> Bool { first(kind) != nil }

    /// Every property of `kind`, in file order.
    func all(_ kind: icalproperty_kind) -> [OpaquePointer] {
        entries.compactMap { $0.kind == kind ? $0.pointer : nil }
    }

    /// The value of the first `X-` property called `name` (any case), if any.
    func xValue(_ name: String) -> String? {
        for entry in entries where entry.kind == ICAL_X_PROPERTY {
            if let value = Self.xValue(of: entry.pointer, named: name) { return value }
        }
        return nil
    }

    /// An `X-` property's value when it is called `name` (any case).
    static func xValue(of property: OpaquePointer, named name: String) -> String? {
        guard let xName = icalproperty_get_x_name(property), strcasecmp(xName, name) == 0,
              let value = icalproperty_get_x(property) else { return nil }
        return String(cString: value)
    }

    /// A text property's value (UID, SUMMARY, DESCRIPTION, …), as the
    /// matching `icalcomponent_get_…` would give it.
    func text(_ kind: icalproperty_kind, _ read: (OpaquePointer) -> UnsafePointer<CChar>?) -> String? {
        first(kind).flatMap(read).map { String(cString: $0) }
    }

    /// SEQUENCE, 0 when absent (as `icalcomponent_get_sequence`).
    var sequence: Int { first(ICAL_SEQUENCE_PROPERTY).map { Int(icalproperty_get_sequence($0)) } ?? 0 }

    /// STATUS, `ICAL_STATUS_NONE` when absent (as `icalcomponent_get_status`).
    var status: icalproperty_status { first(ICAL_STATUS_PROPERTY).map(icalproperty_get_status) ?? ICAL_STATUS_NONE }

    /// DURATION when the component has it and no DTEND, else a null
    /// duration: what `icalcomponent_get_duration` gives when DTEND is absent
    /// or unreadable, the only case it is asked.
    var durationWithoutEnd: icaldurationtype {
        guard let duration = first(ICAL_DURATION_PROPERTY), !contains(ICAL_DTEND_PROPERTY) else {
            return icaldurationtype_null_duration()
        }
        return icalproperty_get_duration(duration)
    }
}
