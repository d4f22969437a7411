import AarshjulAgreementFile
import AarshjulCore
import AarshjulICal

/// One fuzz input through the readers a user's files go through: text
/// starting with BEGIN: as a calendar (parsed, then expanded as a busy
/// calendar and as a skolerute over 2027), anything else as an agreement
/// file and as a district file; an agreement that plans is exported through
/// libical (working and public feeds) and each file read back. Errors in the
/// user's input are the expected outcome; a crash, a hang, a run past the
/// limits, or an exported file the importer cannot read back as it was
/// written is a finding.
enum FuzzTarget {
    static let horizon = DateRange(CivilDate(year: 2027, month: 1, day: 1)!, CivilDate(year: 2027, month: 12, day: 31)!)

    static func run(_ bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        if text.drop(while: { $0.isWhitespace }).uppercased().hasPrefix("BEGIN:") {
            var limits = ImportLimits()
            limits.seconds = 2
            _ = try? ICalImporter.parse(text, fileName: "fuzz.ics", limits: limits)
            _ = try? BusyCalendar.intervals(text, fileName: "fuzz.ics", person: "p", horizon: horizon, limits: limits)
            _ = try? BusyCalendar.schoolHolidays(text, fileName: "fuzz.ics", horizon: horizon, limits: limits)
            _ = try? BusyCalendar.previous(text, fileName: "fuzz.ics")
        } else {
            if let agreement = try? AgreementFile.parse(text, fileName: "fuzz.yaml") {
                // What plan would do next: the core's own check and a plan (bounded by the agreement limits).
                _ = try? AgreementFile.imports(text, fileName: "fuzz.yaml", folder: "", people: agreement.people.map(\.id))
                if let plan = try? Planner.plan(PlanRequest(agreement: agreement, years: 2027...2027)) {
                    exportAndReadBack(plan)
                }
            }
            _ = try? DistrictFile.parse(text, fileName: "fuzz.yaml") { (path: String) throws(AgreementFileError) -> Agreement in
                throw AgreementFileError(file: path, line: 0, column: 0, words: LocalizedText(nb: "medlemmer leses ikke under fuzzing", nn: "medlemmer vert ikkje lesne under fuzzing", en: "members are not read while fuzzing"))
            }
        }
    }
}

extension FuzzTarget {
    /// The plan exported as `plan --out` writes it, in English with deadlines
    /// as events and as VTODOs, and as a public feed in nynorsk; every file must read back through the importer,
    /// and the whole-plan file must hold each planned event (cancelled ones
    /// too) under its UID, on its date, with the content fingerprint it was
    /// written with. Anything else stops the run: a finding. Plans over
    /// 2,000 events (a real agreement plans a few hundred a year) are left
    /// out, so that each input stays well inside libFuzzer's 10 s under
    /// AddressSanitizer and the read-back never meets the importer's time budget.
    static func exportAndReadBack(_ plan: Plan) {
        guard plan.events.count + plan.cancelledEvents.count + plan.deadlines.count <= 2_000 else { return }
        let limits = { var limits = ImportLimits(); limits.seconds = 8; return limits }()
        let wholePlan = FeedNaming.years(plan.years).file(plan.agreement.id)
        for options in [ICalExportOptions(language: plan.language),
                        ICalExportOptions(language: .english, deadlines: .eventsAndTodos),
                        ICalExportOptions(language: .nynorsk, confidential: false)] {
            let files: [(name: String, contents: String)]
            do { files = try ICalExporter.files(for: plan, options: options) } catch {
                fatalError("export failed on a plan the planner made: \(error)")
            }
            for file in files {
                let read: ImportedCalendar
                do { read = try ICalImporter.parse(file.contents, fileName: file.name, limits: limits) } catch {
                    fatalError("the exported \(file.name) does not read back: \(error)")
                }
                guard file.name == wholePlan else { continue }
                var byUID: [String: ImportedEvent] = [:]
                for event in read.events where byUID[event.uid] == nil { byUID[event.uid] = event }
                for event in plan.events + plan.cancelledEvents {
                    guard let back = byUID[event.uid] else { fatalError("\(file.name): event \(event.uid) not read back") }
                    guard back.start == event.date else {
                        fatalError("\(file.name): event \(event.uid) on \(event.date.iso) read back on \(back.start.iso)")
                    }
                    if options.confidential, back.contentFingerprint != event.contentFingerprint {
                        fatalError("\(file.name): event \(event.uid) fingerprint \(back.contentFingerprint ?? "none") written, \(event.contentFingerprint) planned")
                    }
                }
            }
        }
    }
}

#if FUZZING
import Glibc

/// libFuzzer's entry point (built by `scripts/fuzz.sh` with `-sanitize=fuzzer`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzTarget.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// libFuzzer's driver, in its runtime library (linked by `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
func libFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

/// SwiftPM links an executable's main under the module's own name, so
/// libFuzzer's main is not the one that runs: hand the arguments to its driver.
@main
struct FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(libFuzzerRunDriver(&argc, &argv, fuzzOneInput))
    }
}
#else
import Foundation

/// Without libFuzzer: replays files (a corpus, the crash files libFuzzer
/// wrote) through the same target, so each finding stays a regression test.
@main
struct FuzzReplay {
    static func main() throws {
        var files: [String] = []
        for argument in CommandLine.arguments.dropFirst() {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder), isFolder.boolValue {
                // The files of a folder (not its sub-folders), as libFuzzer reads a corpus.
                for name in try FileManager.default.contentsOfDirectory(atPath: argument).sorted() {
                    var isSub: ObjCBool = false
                    let path = argument + "/" + name
                    if FileManager.default.fileExists(atPath: path, isDirectory: &isSub), !isSub.boolValue { files.append(path) }
                }
            } else {
                files.append(argument)
            }
        }
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            data.withUnsafeBytes { FuzzTarget.run($0) }
        }
        print("aarshjul-fuzz: \(files.count) inputs replayed, no crash")
    }
}
#endif
