/// The typed config `sweep-train` reads: one composed config, decoded from YAML keys in snake_case.
///
/// Every key but `seed`, `epochs`, `batch_size` and `lr` has a default; `model`, `data`, `optim`
/// and `regularizer` are optional sub-mappings whose keys are optional too.
public struct TrainerConfig: Sendable, Hashable, Decodable {
    /// The seed of every random draw (init, shuffling, dropout, reparameterisation).
    public var seed: Int
    /// Passes over the training set.
    public var epochs: Int
    /// Images per optimiser step.
    public var batchSize: Int
    /// The learning rate.
    public var lr: Double
    /// The VAE's β (weight of the KL term); default 1.
    public var beta: Double
    /// Steps between two `metrics.jsonl` lines (besides one per epoch); default 100, 0 = only per epoch.
    public var logEvery: Int
    /// The network.
    public var model: Model
    /// The data set.
    public var data: DataSet
    /// The optimiser.
    public var optim: Optim
    /// L1, L2, dropout and continual backprop.
    public var regularizer: Regularizer
    /// Whether to write `figures/` (and their raw data); default true.
    public var figures: Bool

    /// Creates a config; every argument past `lr` has the documented default.
    public init(
        seed: Int = 0, epochs: Int = 1, batchSize: Int = 128, lr: Double = 1e-3, beta: Double = 1,
        logEvery: Int = 100, model: Model = Model(), data: DataSet = DataSet(), optim: Optim = Optim(),
        regularizer: Regularizer = Regularizer(), figures: Bool = true
    ) {
        self.seed = seed
        self.epochs = epochs
        self.batchSize = batchSize
        self.lr = lr
        self.beta = beta
        self.logEvery = logEvery
        self.model = model
        self.data = data
        self.optim = optim
        self.regularizer = regularizer
        self.figures = figures
    }

    enum CodingKeys: String, CodingKey {
        case seed, epochs, lr, beta, model, data, optim, regularizer, figures
        case batchSize = "batch_size"
        case logEvery = "log_every"
    }

    /// Decodes a config; missing optional keys take their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        seed = try c.decode(Int.self, forKey: .seed)
        epochs = try c.decode(Int.self, forKey: .epochs)
        batchSize = try c.decode(Int.self, forKey: .batchSize)
        lr = try c.decode(Double.self, forKey: .lr)
        beta = try c.decodeIfPresent(Double.self, forKey: .beta) ?? 1
        logEvery = try c.decodeIfPresent(Int.self, forKey: .logEvery) ?? 100
        model = try c.decodeIfPresent(Model.self, forKey: .model) ?? Model()
        data = try c.decodeIfPresent(DataSet.self, forKey: .data) ?? DataSet()
        optim = try c.decodeIfPresent(Optim.self, forKey: .optim) ?? Optim()
        regularizer = try c.decodeIfPresent(Regularizer.self, forKey: .regularizer) ?? Regularizer()
        figures = try c.decodeIfPresent(Bool.self, forKey: .figures) ?? true
    }

    /// Checks value ranges that the types cannot express; throws `TrainerConfig.Invalid`.
    public func validate() throws(TrainerConfig.Invalid) {
        func fail(_ key: String, _ expected: String, _ got: String) throws(TrainerConfig.Invalid) {
            throw .init(key: key, message: "expected \(expected), got \(got)")
        }
        if epochs < 1 { try fail("epochs", "an integer ≥ 1", "\(epochs)") }
        if batchSize < 1 { try fail("batch_size", "an integer ≥ 1", "\(batchSize)") }
        if !(lr > 0) || !lr.isFinite { try fail("lr", "a positive number", "\(lr)") }
        if !(beta >= 0) || !beta.isFinite { try fail("beta", "a number ≥ 0", "\(beta)") }
        if logEvery < 0 { try fail("log_every", "an integer ≥ 0", "\(logEvery)") }
        try model.validate()
        try optim.validate()
        try regularizer.validate()
        if let limit = data.trainLimit, limit < 1 { try fail("data.train_limit", "an integer ≥ 1", "\(limit)") }
        if let limit = data.testLimit, limit < 1 { try fail("data.test_limit", "an integer ≥ 1", "\(limit)") }
    }
}
