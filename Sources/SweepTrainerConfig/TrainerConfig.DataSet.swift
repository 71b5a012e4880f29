extension TrainerConfig {
    /// Which IDX files to read.
    public struct DataSet: Sendable, Hashable, Decodable {
        /// A named data set or any directory of IDX files.
        public enum Name: String, Sendable, Hashable, Decodable, CaseIterable {
            /// MNIST digits (default directory `data/mnist`).
            case mnist
            /// Fashion-MNIST (default directory `data/fashion_mnist`).
            case fashionMnist = "fashion_mnist"
            /// Any directory given by `path`.
            case idx
        }

        /// Which data set.
        public var name: Name
        /// The directory of the four IDX files (relative paths resolve against `SWEEP_PROJECT_DIR`,
        /// else the current directory); default `data/<name>`.
        public var path: String?
        /// Use only the first N training images.
        public var trainLimit: Int?
        /// Use only the first N test images.
        public var testLimit: Int?

        /// Creates a data-set choice.
        public init(name: Name = .mnist, path: String? = nil, trainLimit: Int? = nil, testLimit: Int? = nil) {
            self.name = name
            self.path = path
            self.trainLimit = trainLimit
            self.testLimit = testLimit
        }

        enum CodingKeys: String, CodingKey {
            case name, path
            case trainLimit = "train_limit"
            case testLimit = "test_limit"
        }

        /// Decodes a data-set choice; missing keys take their defaults.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decodeIfPresent(Name.self, forKey: .name) ?? .mnist
            path = try c.decodeIfPresent(String.self, forKey: .path)
            trainLimit = try c.decodeIfPresent(Int.self, forKey: .trainLimit)
            testLimit = try c.decodeIfPresent(Int.self, forKey: .testLimit)
        }

        /// The directory to read, as given (before resolving against the project directory).
        public var directory: String {
            if let path { return path }
            switch name {
            case .mnist: return "data/mnist"
            case .fashionMnist: return "data/fashion_mnist"
            case .idx: return "data"
            }
        }

        /// The directory resolved against `projectDirectory` when relative.
        public func resolvedDirectory(projectDirectory: String?) -> String {
            let dir = directory
            if dir.hasPrefix("/") { return dir }
            let base = projectDirectory ?? "."
            return base.hasSuffix("/") ? base + dir : base + "/" + dir
        }
    }
}
