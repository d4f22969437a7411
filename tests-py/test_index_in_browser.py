"""The index page of `aarshjul serve` in a real headless Chromium: a
screenshot that shows something, and the rendered DOM holding the annual
wheel (inline SVG) and the webcal:// subscribe links."""
import shutil
import struct
import subprocess
import zlib

import pytest

from conftest import ROOT
from served import serve


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("chromium is not installed (scripts/setup.sh --with-test-peers installs it)")


def browser(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *args],
        capture_output=True, text=True, timeout=120, check=False,
    )


def png_colours(data: bytes) -> int:
    """Distinct RGB colours of an 8-bit RGB/RGBA PNG, decoded with zlib alone."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, f"unexpected PNG format {header}"
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    previous = bytearray(stride)
    colours = set()
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        for x in range(0, stride, bpp * 3):  # every third pixel is plenty to count colours
            colours.add(bytes(line[x:x + 3]))
        previous = line
    return len(colours)


def test_overview_lists_municipalities_with_subscribe_buttons(tmp_path):
    chromium()
    shot = tmp_path / "index.png"
    with serve(ROOT / "calendars", tmp_path / "state") as (base, _log):
        run = browser(f"--screenshot={shot}", "--window-size=1200,1400", base + "/")
        assert shot.exists(), run.stderr
        dom = browser("--dump-dom", base + "/").stdout
    # Keep the picture where a person can look at it.
    (ROOT / ".build").mkdir(exist_ok=True)
    shutil.copy(shot, ROOT / ".build" / "index-screenshot.png")
    data = shot.read_bytes()
    assert len(data) > 20_000, f"screenshot is only {len(data)} bytes"
    assert png_colours(data) > 20, "screenshot looks blank"
    assert 'href="webcal://127.0.0.1:' in dom, "no webcal:// subscribe button in the rendered page"
    assert 'href="/lillestrom/"' in dom and "Lillestrøm" in dom
    # The script made every address a full one to copy.
    assert 'value="http://127.0.0.1:' in dom  # plain HTTP gives http:// links
    assert "/private/" not in dom, "confidential feeds must never be listed"


def test_municipality_page_on_a_phone_and_in_print(tmp_path):
    chromium()
    shot = tmp_path / "phone.png"
    pdf = tmp_path / "printed.pdf"
    with serve(ROOT / "calendars", tmp_path / "state") as (base, _log):
        run = browser(f"--screenshot={shot}", "--window-size=390,2600", base + "/lillestrom/")
        assert shot.exists(), run.stderr
        dom = browser("--dump-dom", base + "/lillestrom/").stdout
        printed = browser(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", base + "/lillestrom/")
        assert pdf.exists(), printed.stderr
    (ROOT / ".build").mkdir(exist_ok=True)
    shutil.copy(shot, ROOT / ".build" / "municipality-phone.png")
    shutil.copy(pdf, ROOT / ".build" / "municipality-printed.pdf")
    assert png_colours(shot.read_bytes()) > 20, "screenshot looks blank"
    assert "<svg" in dom and "Årshjul 2027" in dom, "no wheel on the municipality page"
    assert 'class="legend"' in dom and "Samarbeidsmøte OUT, barnevern, politi og SLT" in dom
    assert 'href="webcal://127.0.0.1:' in dom
    assert "/private/" not in dom
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(next(l for l in info.splitlines() if l.startswith("Pages:")).split()[1])
        assert pages == 1, f"one municipality's year printed on {pages} pages"
        assert "(A4)" in next(l for l in info.splitlines() if l.startswith("Page size:")), "not A4"
