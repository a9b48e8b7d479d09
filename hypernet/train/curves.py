"""Loss curves written as CSV (appended, so resumed runs continue it) and re-plotted as PNG."""

from __future__ import annotations

import csv
from pathlib import Path


class LossCurve:
    """Rows of (step, name=value, ...) in ``path`` (CSV); ``plot()`` writes ``path`` with .png."""

    def __init__(self, path: Path, fields: list[str]) -> None:
        self.path = Path(path)
        self.fields = ["step", *fields]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.path.exists() or self.path.stat().st_size == 0:
            with open(self.path, "w", newline="") as handle:
                csv.writer(handle).writerow(self.fields)

    def truncate_after(self, step: int) -> None:
        """Drop rows past ``step`` (written after the checkpoint a resumed run starts from)."""
        rows = self.rows()
        with open(self.path, "w", newline="") as handle:
            writer = csv.DictWriter(handle, self.fields)
            writer.writeheader()
            writer.writerows(r for r in rows if int(float(r["step"])) <= step)

    def log(self, step: int, **values: float) -> None:
        with open(self.path, "a", newline="") as handle:
            csv.writer(handle).writerow([step, *(f"{values.get(f, float('nan')):.6g}" for f in self.fields[1:])])

    def rows(self) -> list[dict[str, str]]:
        with open(self.path, newline="") as handle:
            return list(csv.DictReader(handle))

    def plot(self, title: str = "") -> Path:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        rows = self.rows()
        png = self.path.with_suffix(".png")
        fig, ax = plt.subplots(figsize=(7, 4))
        for field in self.fields[1:]:
            points = [(float(r["step"]), float(r[field])) for r in rows if r.get(field) not in (None, "", "nan")]
            if points:
                ax.plot(*zip(*points), label=field)
        ax.set_xlabel("step")
        ax.set_title(title)
        ax.legend(loc="upper right")  # not "best": its search over every point is slow on long runs
        ax.grid(alpha=0.3)
        fig.tight_layout()
        fig.savefig(png, dpi=100)
        plt.close(fig)
        return png
