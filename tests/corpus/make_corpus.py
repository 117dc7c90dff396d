"""Write the corpus documents next to their annotations: `python -m tests.corpus.make_corpus`.

The generated files are committed, so the tests need none of the generator's extras
(fpdf2 writes the PDF text layer: `pip install fpdf2` to run this).
"""

from __future__ import annotations

from pathlib import Path

from tests.corpus import dev_sources, heldout_sources

HERE = Path(__file__).resolve().parent


def main() -> None:
    for folder, documents in (
        ("dev", dev_sources.DOCUMENTS),
        ("heldout", heldout_sources.DOCUMENTS),
    ):
        for name, write in documents.items():
            path = HERE / folder / name
            path.write_bytes(write())
            print(f"{path.relative_to(HERE)}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
