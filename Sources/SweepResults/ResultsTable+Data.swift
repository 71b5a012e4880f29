import Collections
internal import SweepConfig

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
        var root = OrderedDictionary<String, ConfigNode>()
        root["constants"] = .object(constants.map { ($0.key, JSONNode.keyValue($0.value)) })
        root["keys"] = .strings(keyColumns)
        root["averaged_over"] = .strings(averagedOver)
        root["metrics"] = .strings(metricColumns.map(\.description))
        root["sort"] =
            sort.map { sort in
                .object([
                    ("metric", ConfigNode(.string(sort.metric.description))),
                    ("direction", ConfigNode(.string(sort.direction.rawValue))),
                ])
            } ?? ConfigNode(.null)
        root["grouped"] = ConfigNode(.bool(isGrouped))
        root["rows"] = ConfigNode(
            .sequence(
                rows.map { row in
                    var object: [(String, ConfigNode)] = [
                        (
                            "keys",
                            .object(
                                zip(keyColumns, row.keys).map { key, value in
                                    (key, value.map(JSONNode.keyValue) ?? ConfigNode(.null))
                                })
                        ),
                        (
                            "metrics",
                            .object(
                                zip(metricColumns, row.values).map { spec, value in
                                    (spec.description, value.map(JSONNode.aggregate) ?? ConfigNode(.null))
                                })
                        ),
                    ]
                    for (name, count) in [
                        ("cells", row.cells), ("done", row.done), ("failed", row.failed),
                        ("unfinished", row.unfinished),
                    ] {
                        object.append((name, ConfigNode(.int(count))))
                    }
                    object.append(("state", row.state.map { ConfigNode(.string($0.rawValue)) } ?? ConfigNode(.null)))
                    object.append(("best", ConfigNode(.bool(row.isBest))))
                    return .object(object)
                }))
        root["omitted_rows"] = ConfigNode(.int(omittedRows))
        return ConfigNode(.mapping(root)).jsonText(indent: 2) + "\n"
    }
}
