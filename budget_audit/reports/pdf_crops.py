"""The cited part of a PDF page as published, the cited cells boxed: a reviewer sees the number
where it is printed, not only in our text rendering.

Only evidence of a PDF table cell has a box; text sources, narrative lines and
a PDF that is no longer where it was audited give no picture (the report
simply has none). Pages render through pdfplumber (pypdfium2).
"""

from __future__ import annotations

import base64
import io
from pathlib import Path
from typing import TYPE_CHECKING

from budget_audit.findings import Finding
from budget_audit.record import AuditRecord
from budget_audit.source import Box

if TYPE_CHECKING:
    from pdfplumber.page import Page

RESOLUTION = 110
_MARGIN = 24.0  # points of context above and below the cited cells
MAX_PICTURES = 60  # per document: a page render costs about a tenth of a second


def finding_pictures(audit: AuditRecord) -> dict[int, list[str]]:
    """For each finding (by its index in ``audit.found``) the data URIs of its cited page parts."""
    path = Path(audit.path) if audit.path else None
    if audit.document.source_kind != "pdf" or path is None or not path.is_file():
        return {}
    import pdfplumber  # a dependency of the PDF source, imported only for PDF reports

    pictures: dict[int, list[str]] = {}
    rendered = 0
    with pdfplumber.open(path) as pdf:
        for index, finding in enumerate(audit.found):
            for page, boxes in _boxes_by_page(finding).items():
                if rendered >= MAX_PICTURES or not 1 <= page <= len(pdf.pages):
                    continue
                pictures.setdefault(index, []).append(_crop(pdf.pages[page - 1], boxes))
                rendered += 1
    return pictures


def _boxes_by_page(finding: Finding) -> dict[int, list[Box]]:
    pages: dict[int, list[Box]] = {}
    for evidence in finding.evidence:
        if evidence.page is not None and evidence.box is not None:
            pages.setdefault(evidence.page, []).append(evidence.box)
    return pages


def _crop(page: Page, boxes: list[Box]) -> str:
    """A PNG data URI of the page's full width from just above to just below the boxes."""
    x0, top, x1, bottom = page.bbox
    area = (
        x0,
        max(top, min(b[1] for b in boxes) - _MARGIN),
        x1,
        min(bottom, max(b[3] for b in boxes) + _MARGIN),
    )
    image = page.crop(area).to_image(resolution=RESOLUTION)
    for box in boxes:
        image.draw_rect(box, fill=(255, 0, 0, 30), stroke=(220, 0, 0, 255), stroke_width=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
