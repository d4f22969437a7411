import CLibical
import Glibc

/// Owns (or borrows) one `icalcomponent *`. The only type that frees libical
/// components; everything else in the module goes through it.
///
/// libical's rule: a component added to a parent belongs to the parent, so
/// `add(_:)` hands ownership over and this wrapper stops freeing it.
final class LibicalComponent {
    let pointer: OpaquePointer
    private var ownsPointer: Bool

    /// A new, empty component that this wrapper owns.
    init(kind: icalcomponent_kind) throws(ICalError) {
        guard let made = icalcomponent_new(kind) else {
            throw ICalError.lastLibicalError("creating \(String(cString: icalcomponent_kind_to_string(kind)))")
        }
        pointer = made
        ownsPointer = true
    }

    /// Takes ownership of a root component libical handed us (a parse result, a clone).
    init(adopting pointer: OpaquePointer) {
        self.pointer = pointer
        ownsPointer = true
    }

    /// Looks at a component some other owner frees (a child of a parsed calendar).
    init(borrowing pointer: OpaquePointer) {
        self.pointer = pointer
        ownsPointer = false
    }

    deinit {
        if ownsPointer { icalcomponent_free(pointer) }
    }

    var kind: icalcomponent_kind { icalcomponent_isa(pointer) }
    var kindName: String { String(cString: icalcomponent_kind_to_string(kind)) }

    /// Appends `child`; the parent now frees it.
    func add(_ child: LibicalComponent) {
        icalcomponent_add_component(pointer, child.pointer)
        child.ownsPointer = false
    }

    /// Appends a freshly made property (with its parameters); the component
    /// then owns both. A nil property means libical could not build it.
    func add(property: OpaquePointer?, _ parameters: OpaquePointer?..., what: String) throws(ICalError) {
        guard let property else { throw ICalError.lastLibicalError("creating \(what)") }
        for parameter in parameters {
            guard let parameter else {
                icalproperty_free(property)
                throw ICalError.lastLibicalError("creating a parameter of \(what)")
            }
            icalproperty_add_parameter(property, parameter)
        }
        icalcomponent_add_property(pointer, property)
    }

    /// An `X-` property. libical 3.0.16 writes X- values verbatim (no
    /// escaping), so commas and line breaks are replaced before they get there.
    func addX(_ name: String, _ value: String) throws(ICalError) {
        let property = icalproperty_new_x(Self.plainXValue(value))
        if let property { icalproperty_set_x_name(property, name) }
        try add(property: property, what: name)
    }

    /// Commas and line breaks become spaces, runs of spaces one space.
    /// Works on UTF-8 bytes (all replaced characters are ASCII), and returns
    /// the value itself when nothing needs replacing, the usual case.
    static func plainXValue(_ value: String) -> String {
        var needsWork = false
        var previous: UInt8 = 0
        for byte in value.utf8 {
            if byte == 0x2C || byte == 0x0D || byte == 0x0A || (byte == 0x20 && previous == 0x20) { needsWork = true; break }
            previous = byte
        }
        guard needsWork else { return value }
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            let mapped: UInt8 = (byte == 0x2C || byte == 0x0D || byte == 0x0A) ? 0x20 : byte
            if mapped == 0x20 && out.last == 0x20 { continue }
            out.append(mapped)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The component as iCalendar text (CRLF, folded), copied into Swift.
    /// Uses the `_r` variant: its buffer is ours to free, unlike the ring buffer.
    func serialized() throws(ICalError) -> String {
        guard let text = icalcomponent_as_ical_string_r(pointer) else {
            throw ICalError.lastLibicalError("writing \(kindName)")
        }
        defer { aarshjul_free_string(text) }
        return String(cString: text)
    }

    /// Direct children of one kind, in file order (borrowed).
    func children(_ kind: icalcomponent_kind) -> [LibicalComponent] {
        var out: [LibicalComponent] = []
        var child = icalcomponent_get_first_component(pointer, kind)
        while let current = child {
            out.append(LibicalComponent(borrowing: current))
            child = icalcomponent_get_next_component(pointer, kind)
        }
        return out
    }

    /// Calls `body` with each direct child of one kind, in file order
    /// (borrowed), without building a list. Walks with its own iterator, not
    /// the component's single built-in one, so `body` may walk the component
    /// too (as `children(_:)` or another `forEachChild` does).
    func forEachChild<E: Error>(_ kind: icalcomponent_kind, _ body: (OpaquePointer) throws(E) -> Void) throws(E) {
        try Self.forEachChild(of: pointer, kind, body)
    }

    /// `forEachChild` for a component held only by its pointer (a walk that
    /// visits every component need not wrap each one).
    static func forEachChild<E: Error>(of parent: OpaquePointer, _ kind: icalcomponent_kind,
                                       _ body: (OpaquePointer) throws(E) -> Void) throws(E) {
        var iterator = icalcomponent_begin_component(parent, kind)
        while let child = icalcompiter_deref(&iterator) {
            try body(child)
            _ = icalcompiter_next(&iterator)
        }
    }

    /// Properties of one kind, in file order (borrowed pointers).
    func properties(_ kind: icalproperty_kind) -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        var property = icalcomponent_get_first_property(pointer, kind)
        while let current = property {
            out.append(current)
            property = icalcomponent_get_next_property(pointer, kind)
        }
        return out
    }

    /// The value of the first `X-` property called `name`, if any.
    func xValue(_ name: String) -> String? {
        for property in properties(ICAL_X_PROPERTY) {
            if let value = ComponentProperties.xValue(of: property, named: name) { return value }
        }
        return nil
    }
}
