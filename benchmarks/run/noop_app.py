# Hydra's side of the launcher benchmark: a no-op task, run as a multirun of N jobs.
#   python noop_app.py -m x=range(100)
import hydra
from omegaconf import DictConfig


@hydra.main(config_path=".", config_name="noop", version_base="1.3")
def main(cfg: DictConfig) -> None:
    pass


if __name__ == "__main__":
    main()
