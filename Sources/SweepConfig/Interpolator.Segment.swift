extension Interpolator {
    /// A piece of an interpolated string: literal text or one `${…}`.
    enum Segment {
        case text(String)
        case interpolation(Expression)
    }

    /// What a `${…}` holds: a key path (possibly built from nested interpolations) or a
    /// resolver call with its arguments.
    indirect enum Expression {
        case reference([Segment])
        case call(String, [[Segment]])
    }

    /// Why an interpolation could not be parsed.
    struct ParseFailure: Error {
        var text: String
    }
}
