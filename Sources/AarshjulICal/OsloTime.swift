import AarshjulCore
import CLibical

/// libical's process-wide state, set up once: errors not fatal, and the
/// builtin Europe/Oslo zone loaded and expanded before any concurrent use
/// (libical's zone cache is filled lazily and is not safe to fill from two
/// threads at once).
struct LibicalRuntime: @unchecked Sendable {
    /// Read-only after set-up; libical never frees builtin zones.
    let oslo: OpaquePointer
    let utc: OpaquePointer

    static func shared() throws(ICalError) -> LibicalRuntime { try sharedResult.get() }

    /// Swift runs a global's initializer exactly once, under a lock.
    private static let sharedResult: Result<LibicalRuntime, ICalError> = {
        icalerror_set_errors_are_fatal(0)
        guard let oslo = icaltimezone_get_builtin_timezone("Europe/Oslo"),
              icaltimezone_get_component(oslo) != nil,
              let utc = icaltimezone_get_utc_timezone() else {
            return .failure(.libical(code: -1, message:
                "libical has no builtin Europe/Oslo zone (is the tzdata package installed?)"))
        }
        // Expanding the zone's changes far ahead now means later conversions
        // only read the cache.
        var far = icaltime_null_time()
        far.year = 2099; far.month = 12; far.day = 31; far.hour = 12
        far.zone = utc
        _ = icaltime_convert_to_zone(far, oslo)
        return .success(LibicalRuntime(oslo: oslo, utc: utc))
    }()

    /// Wall time `time` on `date` in Europe/Oslo, built from civil fields
    /// (never through time_t, see design notes), with no zone attached: the
    /// caller writes `TZID=Europe/Oslo` itself.
    static func wallTime(_ date: CivilDate, _ time: TimeOfDay) -> icaltimetype {
        var t = icaltime_null_time()
        t.year = Int32(date.year); t.month = Int32(date.month); t.day = Int32(date.day)
        t.hour = Int32(time.hour); t.minute = Int32(time.minute); t.second = 0
        t.is_date = 0
        return t
    }

    static func dateValue(_ date: CivilDate) -> icaltimetype {
        var t = icaltime_null_date()
        t.year = Int32(date.year); t.month = Int32(date.month); t.day = Int32(date.day)
        t.is_date = 1
        return t
    }

    func utcTime(_ stamp: UTCTimestamp) -> icaltimetype {
        var t = icaltime_null_time()
        t.year = Int32(stamp.date.year); t.month = Int32(stamp.date.month); t.day = Int32(stamp.date.day)
        t.hour = Int32(stamp.time.hour); t.minute = Int32(stamp.time.minute); t.second = Int32(stamp.second)
        t.zone = utc
        return t
    }

    /// The Europe/Oslo VTIMEZONE for a file covering `years`: libical's builtin
    /// zone, cloned, renamed to exactly `Europe/Oslo` (the builtin TZID carries
    /// a prefix that cannot be emptied) and truncated to those years in the
    /// RRULE form Outlook wants (one STANDARD and one DAYLIGHT part).
    func vtimezone(years: ClosedRange<Int>) throws(ICalError) -> LibicalComponent {
        guard let builtin = icaltimezone_get_component(oslo),
              let cloned = icalcomponent_new_clone(builtin) else {
            throw ICalError.lastLibicalError("copying the Europe/Oslo time zone")
        }
        let zone = LibicalComponent(adopting: cloned)
        var start = icaltime_null_time()
        start.year = Int32(years.lowerBound); start.month = 1; start.day = 1
        var end = icaltime_null_time()
        end.year = Int32(years.upperBound + 1); end.month = 1; end.day = 1
        icaltimezone_truncate_vtimezone(zone.pointer, start, end, 1)
        guard let tzid = icalcomponent_get_first_property(zone.pointer, ICAL_TZID_PROPERTY) else {
            throw ICalError.libical(code: -1, message: "the Europe/Oslo time zone has no TZID")
        }
        icalproperty_set_tzid(tzid, osloTZID)
        // truncate adds TZUNTIL (RFC 7808) as a floating time where that RFC
        // wants UTC; it only informs, so leave it out rather than ship it wrong.
        while let until = icalcomponent_get_first_property(zone.pointer, ICAL_TZUNTIL_PROPERTY) {
            icalcomponent_remove_property(zone.pointer, until)
            icalproperty_free(until)
        }
        return zone
    }

    /// A zoned or UTC time as a UTC instant; nil for dates and floating times.
    func instant(_ t: icaltimetype) -> UTCTimestamp? {
        guard t.is_date == 0, t.zone != nil else { return nil }
        return UTCTimestamp(secondsSinceEpoch: Int(icaltime_as_timet_with_zone(t, t.zone)))
    }

    /// Oslo wall-clock date and time of a libical time: UTC and zoned times
    /// are converted with libical's zone data; floating times are taken as
    /// Oslo wall time already.
    func osloWallTime(_ t: icaltimetype) -> (date: CivilDate, time: TimeOfDay?)? {
        if t.is_date != 0 {
            return CivilDate(year: Int(t.year), month: Int(t.month), day: Int(t.day)).map { ($0, nil) }
        }
        let local = t.zone == nil ? t : icaltime_convert_to_zone(t, oslo)
        guard let date = CivilDate(year: Int(local.year), month: Int(local.month), day: Int(local.day)) else { return nil }
        return (date, TimeOfDay(minutes: Int(local.hour) * 60 + Int(local.minute)))
    }
}

/// The one TZID this project writes.
let osloTZID = "Europe/Oslo"
