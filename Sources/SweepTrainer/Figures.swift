/// Placeholder until figures land.
extension Session {
    func writeFigures() throws(TrainerError) -> [String] { [] }
}
