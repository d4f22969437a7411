/// Dates a repair must not touch: `--pin UID=DATE`, and hand edits — an
/// event whose published date is not the one aarshjul gave it (recorded in
/// the feed as X-AARSHJUL-DATE), so a person moved it. For feeds without that
/// record: an event the tool never changed (SEQUENCE 0) whose date is not the
/// one a fresh plan of the agreement gives.
enum RepairPins {
    struct Pin: Sendable, Equatable {
        let date: CivilDate
        /// Given with --pin (else found as a hand edit).
        let explicit: Bool
    }

    static func find(_ request: RescheduleRequest, active: [PreviousEvent]) throws(PlanningError) -> [String: Pin] {
        var pins: [String: Pin] = [:]
        let known = Set(active.map(\.uid))
        var unknown: [String] = []
        for (uid, date) in request.pins.sorted(by: { $0.key < $1.key }) {
            if known.contains(uid) { pins[uid] = Pin(date: date, explicit: true) } else { unknown.append(uid) }
        }
        if !unknown.isEmpty {
            throw .invalidAgreement(unknown.map { uid in
                LocalizedText(nb: "--pin \(uid): ingen hendelse med denne UID-en i den forrige planen.",
                              nn: "--pin \(uid): ingen hending med denne UID-en i den førre planen.",
                              en: "--pin \(uid): the previous plan has no event with this UID.").text(request.language)
            })
        }
        guard request.detectHandEdits else { return pins }
        var unrecorded: [PreviousEvent] = []
        for event in active where pins[event.uid] == nil {
            if let planned = event.plannedDate {
                if planned != event.date { pins[event.uid] = Pin(date: event.date, explicit: false) }
            } else if event.sequence == 0 {
                unrecorded.append(event)
            }
        }
        // Older feeds: compare with a fresh plan (wrong after the agreement itself changed,
        // which is why feeds now record the date they gave).
        guard !unrecorded.isEmpty, let fresh = try? Planner.plan(PlanRequest(agreement: request.agreement, years: request.years,
                                                                            language: request.language)) else { return pins }
        var planned: [String: CivilDate] = [:]
        for event in fresh.events { planned[event.uid] = event.date }
        for event in unrecorded {
            if let date = planned[event.uid], date != event.date { pins[event.uid] = Pin(date: event.date, explicit: false) }
        }
        return pins
    }
}
