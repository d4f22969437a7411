import AarshjulCore

/// The largest agreement and district files Aarshjul reads, stated in
/// docs/limits.md. Real agreements are a few kilobytes with a dozen
/// series; the limits leave room for a hundred times that while keeping
/// every run bounded in time and memory (10,000 series took 46 s and 1.7 GB,
/// a 10 MB title 8.8 s, before they were refused).
public enum AgreementLimits {
    /// Bytes in one agreement or district file.
    public static let maxFileBytes = 1 << 20
    /// Characters in one value (a title, an agenda item, a reason).
    public static let maxTextLength = 2_000
    /// Entries in one list (people, series, agenda, blackouts, members).
    public static let maxListItems = 1_000
    /// Characters in one id (ids become file names and UIDs).
    public static let maxIDLength = 40
    /// Meeting series in one agreement.
    public static let maxSeries = 100

    static func checkSize(_ text: String, fileName: String) throws(AgreementFileError) {
        guard text.utf8.count > maxFileBytes else { return }
        let size = text.utf8.count / 1024, limit = maxFileBytes / 1024
        throw AgreementFileError(file: fileName, line: 0, column: 0, words: LocalizedText(
            nb: "filen er \(size) kB, mer enn grensen på \(limit) kB; forventet en avtale- eller distriktsfil på høyst \(limit) kB",
            nn: "fila er \(size) kB, meir enn grensa på \(limit) kB; venta ei avtale- eller distriktsfil på høgst \(limit) kB",
            en: "the file is \(size) kB, more than the limit of \(limit) kB; expected an agreement or district file of at most \(limit) kB"))
    }
}
