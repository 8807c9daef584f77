public import LarderCore

/// A materialization whose window would run backwards: an end before the start, or, for an
/// incremental run, before where a view's last run ended. Nothing is written.
public struct MaterializeWindowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The view whose window is backwards, or `nil` when the requested window itself is.
    public var view: String?
    /// Where the window would start.
    public var start: Timestamp
    /// Where it would end.
    public var end: Timestamp

    /// An error for a backwards window.
    /// - Parameters:
    ///   - view: the view whose last run ended after `end`, or `nil` for an explicit window.
    ///   - start: the window's start.
    ///   - end: the window's end.
    public init(view: String?, start: Timestamp, end: Timestamp) {
        self.view = view
        self.start = start
        self.end = end
    }

    /// What is wrong and what to do instead.
    public var description: String {
        guard let view else {
            return "the start (\(start)) is after the end (\(end)); a materialization window cannot run backwards"
        }
        return "the end (\(end)) is before where feature view '\(view)' was last materialized (\(start)); "
            + "give a later end, or materialize an explicit start and end to copy an earlier window"
    }
}
