internal import SweepLauncher

extension SweepReport {
    /// The cells that are not done: failed, timed-out and cancelled ones with how they ended
    /// and the tail of their standard error, then running and pending ones. Nil when every
    /// cell is done.
    func unfinishedSection() -> String? {
        let indices = cells.indices.filter { cells[$0].state != .done }
        guard !indices.isEmpty else { return nil }
        var out: [String] = []
        let ordered =
            indices.filter { cells[$0].state.isFailure } + indices.filter { cells[$0].state == .running }
            + indices.filter { cells[$0].state == .pending }
        for index in ordered {
            let cell = cells[index]
            let detail = details[index]
            var summary = cell.state.rawValue
            if let ending = detail.ending, cell.state != .pending { summary += ": " + ending }
            if let duration = detail.duration, cell.state != .running {
                summary += " after " + DurationText.format(seconds: duration)
            }
            if let attempts = detail.attempts, attempts > 1 { summary += " (\(attempts) attempts)" }
            out.append("<div class=\"cell state-\(cell.state.rawValue)\">")
            out.append(
                "<p><b>" + HTML.text(cellName(index)) + "</b> "
                    + HTML.element("span", [("class", "state")], text: summary)
                    + "</p>")
            let overrides = cell.overrides.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            if !overrides.isEmpty { out.append(HTML.element("p", [("class", "note")], text: overrides)) }
            if !detail.stderrTail.isEmpty, cell.state != .pending {
                out.append(HTML.element("pre", text: detail.stderrTail.joined(separator: "\n")))
            }
            out.append("</div>")
        }
        return out.joined(separator: "\n")
    }
}
