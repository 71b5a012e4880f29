import SweepTrainer
print("sweep-train: not built yet")
