/// The facts under `data/` (skolerute per county, the municipality register,
/// election days), compiled in by the EmbedData build plugin as
/// `EmbeddedData.files`. `AarshjulAgreementFile` reads them into the core model.
public enum AarshjulData {
    /// The text of `data/<path>`, or nil when no such file was embedded.
    public static func text(_ path: String) -> String? {
        EmbeddedData.files.first { $0.path == path }?.text
    }

    /// Paths under `data/` starting with `prefix`, sorted.
    public static func paths(under prefix: String) -> [String] {
        EmbeddedData.files.map(\.path).filter { $0.hasPrefix(prefix) }
    }
}
