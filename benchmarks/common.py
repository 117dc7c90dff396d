"""A measured figure with its goal, printed as one line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    name: str
    value: float
    unit: str
    goal: float
    lower_is_better: bool = True

    @property
    def met(self) -> bool:
        return self.value <= self.goal if self.lower_is_better else self.value >= self.goal

    def line(self) -> str:
        sign = "<=" if self.lower_is_better else ">="
        verdict = "ok" if self.met else "MISSED"
        figure = f"{self.value:>12.3f} {self.unit:<10}"
        return f"{self.name:<52} {figure} goal {sign} {self.goal:g}  {verdict}"
