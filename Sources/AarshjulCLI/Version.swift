/// The version `aarshjul --version` prints (and the man page states).
/// Raised by hand when a release is cut.
enum AarshjulVersion {
    static let current = "0.12.0"
}
