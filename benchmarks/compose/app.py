# Hydra's side of the compose benchmark: the same configs/ tree, printed like `sweep compose`.
#   python app.py --cfg job beta=10 lr=1e-2
import hydra
from omegaconf import DictConfig


@hydra.main(config_path="../../configs", config_name="vae", version_base="1.3")
def main(cfg: DictConfig) -> None:
    pass


if __name__ == "__main__":
    main()
