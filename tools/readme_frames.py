"""Write docs/frames.png, the README's opening picture: the last frame of six chapters, each
ending on its takeaway, from the reviewed golden frames (tests/golden, 480p landscape).

    .venv/bin/python tools/readme_frames.py        after UPDATE_GOLDEN=1 has refreshed them
"""

from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ("IntroCard", "GravityScene", "ProjectionScene", "MultiHeadScene", "MaskScene", "RecapCard")
COLUMNS, GAP = 2, 4  # frames a row; pixels between two frames
BACKGROUND = "#0E1117"  # scenes/style.py's


def main():
    frames = [Image.open(ROOT / "tests" / "golden" / f"{name}_last.png").convert("RGB") for name in CHAPTERS]
    width, height = frames[0].size
    rows = -(-len(frames) // COLUMNS)
    sheet = Image.new("RGB", (COLUMNS * width + (COLUMNS - 1) * GAP, rows * height + (rows - 1) * GAP), BACKGROUND)
    for index, frame in enumerate(frames):
        row, column = divmod(index, COLUMNS)
        sheet.paste(frame, (column * (width + GAP), row * (height + GAP)))
    sheet.save(ROOT / "docs" / "frames.png", optimize=True)


if __name__ == "__main__":
    main()
