/// Iso-lines of a `DensityGrid` by marching squares, joined into polylines.
public enum Contours {
    /// The polylines (in data coordinates) where the grid crosses `level`, sampled at cell centres.
    ///
    /// Lines that close on themselves repeat their first point at the end.
    public static func trace(_ grid: DensityGrid, level: Double) -> [[SIMD2<Double>]] {
        let nx = grid.columns
        let ny = grid.rows
        guard nx > 1, ny > 1, level.isFinite else { return [] }
        let v = grid.values
        // Edge keys: horizontal edge from (i, j) to (i+1, j) is 2·(j·nx+i); vertical edge (i, j)–(i, j+1) is that + 1.
        var points: [Int: SIMD2<Double>] = [:]
        var segments: [(Int, Int)] = []
        func point(_ key: Int) -> SIMD2<Double> {
            if let p = points[key] { return p }
            let node = key / 2
            let i = node % nx
            let j = node / nx
            let a = v[node]
            let b = key % 2 == 0 ? v[node + 1] : v[node + nx]
            let t = a == b ? 0.5 : min(max((level - a) / (b - a), 0), 1)
            let start = grid.center(column: i, row: j)
            let p =
                key % 2 == 0
                ? SIMD2(start.x + t * grid.cellWidth, start.y) : SIMD2(start.x, start.y + t * grid.cellHeight)
            points[key] = p
            return p
        }
        for j in 0..<(ny - 1) {
            for i in 0..<(nx - 1) {
                let n = j * nx + i
                let bl = v[n] >= level
                let br = v[n + 1] >= level
                let tr = v[n + nx + 1] >= level
                let tl = v[n + nx] >= level
                let bottom = 2 * n
                let left = 2 * n + 1
                let right = 2 * (n + 1) + 1
                let top = 2 * (n + nx)
                var crossings: [Int] = []
                if bl != br { crossings.append(bottom) }
                if br != tr { crossings.append(right) }
                if tr != tl { crossings.append(top) }
                if tl != bl { crossings.append(left) }
                if crossings.count == 2 {
                    segments.append((crossings[0], crossings[1]))
                } else if crossings.count == 4 {
                    // Saddle: decide by the centre value which corners connect.
                    let centre = (v[n] + v[n + 1] + v[n + nx + 1] + v[n + nx]) / 4 >= level
                    if centre == bl {
                        segments.append((bottom, right))
                        segments.append((top, left))
                    } else {
                        segments.append((bottom, left))
                        segments.append((right, top))
                    }
                }
            }
        }
        // Join segments sharing edge keys into chains.
        var byKey: [Int: [Int]] = [:]
        for (index, segment) in segments.enumerated() {
            byKey[segment.0, default: []].append(index)
            byKey[segment.1, default: []].append(index)
        }
        var used = [Bool](repeating: false, count: segments.count)
        var lines: [[SIMD2<Double>]] = []
        func walk(from startSegment: Int, startKey: Int) -> [SIMD2<Double>] {
            var keys = [startKey]
            var segmentIndex = startSegment
            var key = startKey
            while true {
                used[segmentIndex] = true
                let s = segments[segmentIndex]
                key = s.0 == key ? s.1 : s.0
                keys.append(key)
                guard let next = byKey[key]?.first(where: { !used[$0] }) else { break }
                segmentIndex = next
            }
            return keys.map(point)
        }
        // Open chains start at keys used by a single segment (grid boundary); sorted for determinism.
        for key in byKey.keys.sorted() where byKey[key]?.count == 1 {
            if let s = byKey[key]?.first, !used[s] { lines.append(walk(from: s, startKey: key)) }
        }
        for index in segments.indices where !used[index] {
            lines.append(walk(from: index, startKey: segments[index].0))
        }
        return lines
    }
}
