/// A labelled image set, kept as bytes; batches are converted to floats on demand.
public struct Dataset: Sendable, Hashable {
    /// The images.
    public var images: IDXFile.Images
    /// One label per image.
    public var labels: [UInt8]
    /// Number of items.
    public var count: Int { labels.count }

    /// Creates a data set; images and labels must have the same count.
    public init(images: IDXFile.Images, labels: [UInt8]) {
        self.images = images
        self.labels = labels
    }

    /// The training and test sets in `directory` (the four standard MNIST file names, `.gz` or raw).
    public static func load(directory: String, trainLimit: Int? = nil, testLimit: Int? = nil) throws(TrainerError)
        -> (train: Dataset, test: Dataset)
    {
        let train = try load(
            images: IDXFile.locate("train-images-idx3-ubyte", in: directory),
            labels: IDXFile.locate("train-labels-idx1-ubyte", in: directory), limit: trainLimit)
        let test = try load(
            images: IDXFile.locate("t10k-images-idx3-ubyte", in: directory),
            labels: IDXFile.locate("t10k-labels-idx1-ubyte", in: directory), limit: testLimit)
        if train.images.size != test.images.size {
            throw .mismatch(
                message: "train images are \(train.images.rows)×\(train.images.columns) but test images are "
                    + "\(test.images.rows)×\(test.images.columns)")
        }
        return (train, test)
    }

    /// One images file and its labels file, optionally cut to the first `limit` items.
    public static func load(images imagesPath: String, labels labelsPath: String, limit: Int? = nil)
        throws(TrainerError)
        -> Dataset
    {
        var images = try IDXFile.readImages(imagesPath)
        var labels = try IDXFile.readLabels(labelsPath)
        if images.count != labels.count {
            throw .countMismatch(
                images: imagesPath, imageCount: images.count, labels: labelsPath, labelCount: labels.count)
        }
        if let limit, limit < images.count {
            images.pixels.removeLast((images.count - limit) * images.size)
            images.count = limit
            labels.removeLast(labels.count - limit)
        }
        return Dataset(images: images, labels: labels)
    }

    /// The number of classes the labels imply (largest label + 1).
    public var classCount: Int { Int(labels.max() ?? 0) + 1 }
}
