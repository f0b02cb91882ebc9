"""Images for writers: fetched through the sandbox, checked, converted to what the format takes."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

from convert.context import Context

MAX_PIXELS = 50_000_000  # larger is a decompression bomb, not a news photo
_DIRECT = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif"}


@dataclass(frozen=True, slots=True)
class LoadedImage:
    data: bytes
    media_type: str  # image/png, image/jpeg or image/gif
    width: int
    height: int

    @property
    def extension(self) -> str:
        return {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif"}[self.media_type]

    def data_uri(self) -> str:
        return f"data:{self.media_type};base64,{base64.b64encode(self.data).decode('ascii')}"


def load_image(ctx: Context, src: str) -> LoadedImage | None:
    """The image as PNG, JPEG or GIF bytes, or None after a warning naming it and why."""
    resource = ctx.fetch(src)
    if resource is None:
        return None
    from PIL import Image as PilImage

    label = src if not src.startswith("data:") else src[:40] + "..."
    try:
        with PilImage.open(io.BytesIO(resource.data)) as probe:
            width, height = probe.size
            if width * height > MAX_PIXELS:
                ctx.warn("image-too-large", f"image {label} dropped: {width}x{height} pixels is over the limit")
                return None
            kind = probe.format
            if kind in _DIRECT:
                probe.verify()
                return LoadedImage(resource.data, _DIRECT[kind], width, height)
            converted = io.BytesIO()
            probe.convert("RGBA").save(converted, "PNG")
            return LoadedImage(converted.getvalue(), "image/png", width, height)
    except Exception as exc:  # Pillow raises many kinds on broken data; each is one dropped image
        ctx.warn("image-unreadable", f"image {label} dropped: not a readable image ({type(exc).__name__})")
        return None
