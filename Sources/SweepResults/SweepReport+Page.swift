internal import SweepLauncher

extension SweepReport {
    /// The whole page.
    public func html() -> String {
        var sections: [(id: String, title: String, body: String)] = []
        if let table {
            sections.append(("results", "Results", table.html()))
        }
        sections.append(("curves", "Learning curves", curvesSection()))
        if let parallel = parallelSection() { sections.append(("parallel", "Swept keys and the metric", parallel)) }
        sections.append(("figures", "Figures", figuresSection()))
        if let unfinished = unfinishedSection() { sections.append(("cells", "Cells not done", unfinished)) }
        let name = directory.split(separator: "/").suffix(2).joined(separator: "/")
        var out = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            HTML.element("title", text: "sweep report: " + name),
            "<style>" + Self.style + "</style>", "</head>", "<body>",
            HTML.element("h1", text: "sweep report: " + name),
            headerHTML(),
            "<nav>" + sections.map { "<a href=\"#\($0.id)\">" + HTML.text($0.title) + "</a>" }.joined(separator: " · ")
                + "</nav>",
        ]
        for section in sections {
            out.append("<section id=\"\(section.id)\">")
            out.append(HTML.element("h2", text: section.title))
            out.append(section.body)
            out.append("</section>")
        }
        out += ["<script>" + Self.script + "</script>", "</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    /// The header as a definition list.
    func headerHTML() -> String {
        var items: [(String, String)] = []
        if let command = header.command { items.append(("command", command)) }
        if let config = header.config { items.append(("config", config)) }
        items.append(("directory", directory))
        if let started = header.startedAt { items.append(("started", started)) }
        if let duration = header.duration { items.append(("duration", DurationText.format(seconds: duration))) }
        let counts = header.counts.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ")
        items.append(("cells", "\(cells.count)" + (counts.isEmpty ? "" : ": " + counts)))
        if let commit = header.gitCommit { items.append(("git commit", commit)) }
        if let host = header.host { items.append(("host", host)) }
        let failed = header.counts.contains { $0.0.isFailure }
        return "<dl class=\"header" + (failed ? " has-failures" : "") + "\">"
            + items.map { HTML.element("dt", text: $0.0) + HTML.element("dd", text: $0.1) }.joined() + "</dl>"
    }

    /// The page's style sheet (screen and print).
    static let style = """
        body{font-family:Helvetica,Arial,sans-serif;margin:1.5em auto;max-width:1400px;padding:0 1em;color:#222}
        h1{font-size:1.5em;margin:0 0 .4em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
        h3{font-family:monospace;font-size:1.05em}h4{margin:.8em 0 .3em;font-weight:normal;font-family:monospace}
        dl.header{display:grid;grid-template-columns:max-content auto;gap:.15em 1em;margin:0}
        dl.header dt{color:#666}dl.header dd{margin:0;font-family:monospace;word-break:break-all}
        nav{margin:1em 0;font-size:.95em}nav a{color:#0072b2}
        .note{color:#555;font-size:.9em}.scroll{overflow-x:auto}
        table{border-collapse:collapse;font-size:.9em}
        table.results th,table.results td{padding:.25em .7em;border-bottom:1px solid #e5e5e5;text-align:left}
        table.results .num{text-align:right;font-variant-numeric:tabular-nums}
        table.results tr.best{background:#fff4d6;font-weight:bold}
        html.js table.sortable th{cursor:pointer;user-select:none}
        html.js table.sortable th:after{content:" \\2195";color:#bbb;font-weight:normal}
        table.sortable th[aria-sort=ascending]:after{content:" \\25B2";color:#222}
        table.sortable th[aria-sort=descending]:after{content:" \\25BC";color:#222}
        .charts{display:flex;flex-wrap:wrap;gap:1em}figure{margin:0}figure.chart svg{max-width:100%;height:auto}
        table.grid{width:100%;table-layout:fixed}table.grid col.rowhead{width:9em}
        table.grid th{font-family:monospace;font-weight:normal;padding:.3em;overflow-wrap:anywhere}
        table.grid td{padding:.3em;vertical-align:top;text-align:center}
        img.fig{width:100%;height:auto;border:1px solid #ddd;background:#fff}
        .missing{height:120px;display:flex;align-items:center;justify-content:center;
        border:1px dashed #bbb;color:#888;font-size:.9em}
        .state-failed,.state-timeout{color:#b2182b}.state-cancelled{color:#8a6d00}.state-running{color:#0072b2}
        div.cell{border-left:4px solid #ccc;padding:.1em .8em;margin:.8em 0}
        div.cell.state-failed,div.cell.state-timeout{border-color:#d55e00}div.cell.state-running{border-color:#56b4e9}
        div.cell p{margin:.3em 0;color:#222}
        pre{background:#f6f6f6;padding:.6em;overflow-x:auto;font-size:.85em;white-space:pre-wrap}
        @media print{body{max-width:none;margin:0}nav{display:none}
        h2{page-break-after:avoid}section.figure,figure.chart,div.cell{page-break-inside:avoid}
        .scroll{overflow:visible}table.grid{min-width:0!important}
        html.js table.sortable th:after{content:""}}
        """

    /// Sorting by clicking a results column (numbers by `data-v`, then text); marks the page
    /// `data-ok` once it ran, for tests that check the script ran without errors.
    static let script = """
        (function(){
        document.documentElement.className+=" js";
        function key(c){var v=c.getAttribute("data-v");if(v===null)v=c.textContent;
        var n=parseFloat(v);return isNaN(n)?{s:c.textContent}:{n:n};}
        function cmp(a,b){if(a.n!==undefined&&b.n!==undefined)return a.n-b.n;
        if(a.n!==undefined)return -1;if(b.n!==undefined)return 1;return a.s<b.s?-1:a.s>b.s?1:0;}
        function sort(t,i,th){var up=th.getAttribute("aria-sort")!=="ascending";
        var hs=t.tHead.rows[0].cells;for(var j=0;j<hs.length;j++)hs[j].removeAttribute("aria-sort");
        th.setAttribute("aria-sort",up?"ascending":"descending");var b=t.tBodies[0];
        var rs=Array.prototype.slice.call(b.rows);
        rs.sort(function(x,y){var d=cmp(key(x.cells[i]),key(y.cells[i]));return up?d:-d;});
        rs.forEach(function(r){b.appendChild(r);});}
        Array.prototype.forEach.call(document.querySelectorAll("table.sortable"),function(t){
        Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,i){th.tabIndex=0;
        th.addEventListener("click",function(){sort(t,i,th);});
        th.addEventListener("keydown",function(e){if(e.key==="Enter")sort(t,i,th);});});});
        document.body.setAttribute("data-ok","1");
        })();
        """
}
