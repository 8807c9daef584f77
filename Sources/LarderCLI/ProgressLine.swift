import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A progress line rewritten in place on a terminal, at most ten times a second; silent when
/// standard output is not a terminal, so logs and pipes stay clean.
final class ProgressLine {
    private let enabled = isatty(STDOUT_FILENO) != 0
    private var lastShown = ContinuousClock.now - .seconds(1)
    private var shown = false

    /// Shows `text`, replacing the previous line.
    func show(_ text: String) {
        guard enabled, ContinuousClock.now - lastShown >= .milliseconds(100) else { return }
        lastShown = .now
        shown = true
        FileHandle.standardOutput.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    /// Clears the line, so the next output starts on a clean line.
    func finish() {
        guard enabled, shown else { return }
        FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }

    /// A duration as seconds with two decimals: `1.25 s`.
    static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.2f s", value)
    }
}
