extension ResultsTable {
    /// CSV, full precision: one column per key, then per metric its value (the mean when
    /// grouped) and, when grouped, `NAME_std` and `NAME_n`; then the counts and `best`.
    /// Constant keys are columns too, so that the file stands alone.
    public func csv() -> String {
        var header = constants.keys.map { $0 } + keyColumns
        for metric in metricColumns {
            header.append(metric.description)
            if isGrouped { header += [metric.description + "_std", metric.description + "_n"] }
        }
        header += isGrouped ? ["n", "failed", "unfinished"] : ["state"]
        if sort != nil { header.append("best") }
        var lines = [CSVText.line(header)]
        for row in rows {
            var fields = constants.values.map { $0 } + row.keys.map { $0 ?? "" }
            for value in row.values {
                fields.append(value.map { NumberText.exact($0.mean) } ?? "")
                if isGrouped {
                    fields.append(value?.std.map { NumberText.exact($0) } ?? "")
                    fields.append(value.map { String($0.count) } ?? "0")
                }
            }
            fields +=
                isGrouped
                ? [String(row.done), String(row.failed), String(row.unfinished)] : [row.state?.rawValue ?? ""]
            if sort != nil { fields.append(row.isBest ? "true" : "false") }
            lines.append(CSVText.line(fields))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One JSON object: `constants`, `keys`, `averaged_over`, `metrics`, `sort` and `rows`
    /// (each with `keys`, `metrics` {mean, std, n}, counts, `state` and `best`). Non-finite
    /// numbers are written as Python's `json` writes them (`NaN`, `Infinity`).
    public func json() -> String {
        var w = JSONText()
        w.open("{")
        w.key("constants")
        w.open("{")
        for (k, v) in constants {
            w.key(k)
            w.value(keyValue: v)
        }
        w.close("}")
        w.key("keys")
        w.strings(keyColumns)
        w.key("averaged_over")
        w.strings(averagedOver)
        w.key("metrics")
        w.strings(metricColumns.map(\.description))
        w.key("sort")
        if let sort {
            w.open("{")
            w.key("metric")
            w.string(sort.metric.description)
            w.key("direction")
            w.string(sort.direction.rawValue)
            w.close("}")
        } else {
            w.raw("null")
        }
        w.key("grouped")
        w.raw(isGrouped ? "true" : "false")
        w.key("rows")
        w.open("[")
        for row in rows {
            w.element()
            w.open("{")
            w.key("keys")
            w.open("{")
            for (k, v) in zip(keyColumns, row.keys) {
                w.key(k)
                if let v { w.value(keyValue: v) } else { w.raw("null") }
            }
            w.close("}")
            w.key("metrics")
            w.open("{")
            for (spec, value) in zip(metricColumns, row.values) {
                w.key(spec.description)
                guard let value else {
                    w.raw("null")
                    continue
                }
                w.open("{")
                w.key("mean")
                w.number(value.mean)
                w.key("std")
                if let std = value.std { w.number(std) } else { w.raw("null") }
                w.key("n")
                w.raw(String(value.count))
                w.close("}")
            }
            w.close("}")
            for (name, count) in [
                ("cells", row.cells), ("done", row.done), ("failed", row.failed), ("unfinished", row.unfinished),
            ] {
                w.key(name)
                w.raw(String(count))
            }
            w.key("state")
            if let state = row.state { w.string(state.rawValue) } else { w.raw("null") }
            w.key("best")
            w.raw(row.isBest ? "true" : "false")
            w.close("}")
        }
        w.close("]")
        w.key("omitted_rows")
        w.raw(String(omittedRows))
        w.close("}")
        return w.text + "\n"
    }
}
