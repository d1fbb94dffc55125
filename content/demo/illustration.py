"""The demo article's illustration, drawn here with Pillow: nothing downloaded.

Two simplified cross-sections of the uterus side by side, the lining
(endometrium) thick on the left and thin on the right. The drawing has no
words in it, so every language shares it; the alt text and caption, in the
article's image block, say what it shows.
"""

from __future__ import annotations

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

#: How the demo article names the illustration: ``"@image:uterine-lining"``.
DEMO_IMAGE = "uterine-lining"
TITLE = "Illustration: a typical and a thin lining of the uterus"
FILENAME = "demo-uterine-lining.png"
WIDTH, HEIGHT = 1200, 700

BACKGROUND = (247, 244, 240)
MUSCLE = (222, 160, 160)
LINING = (176, 58, 82)
CAVITY = (252, 236, 236)
OUTLINE = (120, 60, 70)


def _cross_section(draw: ImageDraw.ImageDraw, centre_x: int, lining: int) -> None:
    """One uterus, its cervix below, with a lining ``lining`` pixels thick."""
    top, bottom, half_width = 90, 520, 230
    wall = 70
    # The cervix, drawn first so that the body of the uterus overlaps it.
    draw.rounded_rectangle(
        (centre_x - 70, bottom - 60, centre_x + 70, bottom + 120),
        radius=30,
        fill=MUSCLE,
        outline=OUTLINE,
        width=4,
    )
    canal = (centre_x - 12, bottom - 20, centre_x + 12, bottom + 120)
    draw.rectangle(canal, fill=CAVITY)
    box = (centre_x - half_width, top, centre_x + half_width, bottom)
    draw.ellipse(box, fill=MUSCLE, outline=OUTLINE, width=4)

    def inset(amount: int) -> tuple[int, int, int, int]:
        left, upper, right, lower = box
        return (left + amount, upper + amount, right - amount, lower - amount)

    draw.ellipse(inset(wall), fill=LINING)
    draw.ellipse(inset(wall + lining), fill=CAVITY)


def draw_illustration() -> bytes:
    """The PNG file of the illustration."""
    picture = PILImage.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(picture)
    _cross_section(draw, WIDTH // 4 + 20, lining=48)
    _cross_section(draw, 3 * WIDTH // 4 - 20, lining=12)
    draw.line((WIDTH // 2, 60, WIDTH // 2, HEIGHT - 60), fill=(200, 190, 180), width=3)
    output = io.BytesIO()
    picture.save(output, format="PNG", optimize=True)
    return output.getvalue()


def demo_image():
    """The illustration as a Wagtail image, created on first use."""
    Image = get_image_model()
    existing = Image.objects.filter(title=TITLE).order_by("pk").first()
    if existing is not None:
        return existing
    return Image.objects.create(
        title=TITLE, file=ImageFile(io.BytesIO(draw_illustration()), name=FILENAME)
    )
