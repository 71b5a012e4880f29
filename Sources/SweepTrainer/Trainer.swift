/// The shared trainer: data, models, optimisers, regularisers, metrics and figures.
public enum Trainer {}
