"""Server-rendered SVG bar charts, each with a table holding the same numbers (no script, no
library, no CDN). Colours are presentation attributes: the pages' CSP allows no inline style."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

BAR = "#01689b"  # contrast 6.1:1 on white
TEXT = "#1a1a1a"
ROW = 28
LABEL_WIDTH = 300
BAR_WIDTH = 320
VALUE_WIDTH = 70


def bar_chart(
    chart_id: str,
    title: str,
    rows: Sequence[tuple[str, float]],
    *,
    label_header: str,
    value_header: str = "Aantal",
    unit: str = "",
    folded: bool = True,
) -> Markup:
    """A horizontal bar chart with a title and, below it, the table of the same rows (folded
    in a <details>, or open: `folded=False`, for print)."""
    if not rows:
        return Markup(
            '<figure class="chart" id="{id}"><figcaption>{title}</figcaption>'
            '<p class="chart-empty">Geen gegevens in deze periode.</p></figure>'
        ).format(id=chart_id, title=title)
    top = max(value for _, value in rows) or 1
    height = ROW * len(rows) + 8
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    bars = []
    for index, (label, value) in enumerate(rows):
        y = 4 + index * ROW
        length = max(1, round(BAR_WIDTH * value / top)) if value else 0
        shown = f"{value:g}{unit}"
        bars.append(
            Markup(
                '<text x="{lx}" y="{ty}" text-anchor="end" fill="{text}">{label}</text>'
                '<rect x="{bx}" y="{y}" width="{w}" height="{h}" fill="{bar}"></rect>'
                '<text x="{vx}" y="{ty}" fill="{text}">{value}</text>'
            ).format(
                lx=LABEL_WIDTH - 8,
                ty=y + ROW / 2 + 5,
                text=TEXT,
                label=_short(label),
                bx=LABEL_WIDTH,
                y=y + 4,
                w=length,
                h=ROW - 8,
                bar=BAR,
                vx=LABEL_WIDTH + length + 6,
                value=shown,
            )
        )
    table_rows = Markup("").join(
        Markup('<tr><th scope="row">{}</th><td>{}</td></tr>').format(label, f"{value:g}{unit}")
        for label, value in rows
    )
    return Markup(
        '<figure class="chart" id="{id}">'
        '<figcaption id="{id}-titel">{title}</figcaption>'
        '<svg class="chart-svg" role="img" aria-labelledby="{id}-titel" viewBox="0 0 {w} {h}"'
        ' width="{w}" height="{h}" font-size="14" font-family="sans-serif"'
        ' preserveAspectRatio="xMinYMin meet">{bars}</svg>'
        '{open}<table><caption>{title}</caption><thead><tr><th scope="col">{lh}</th>'
        '<th scope="col">{vh}</th></tr></thead><tbody>{rows}</tbody></table>{close}'
        "</figure>"
    ).format(
        open=Markup('<details class="chart-table"><summary>{}: tabel</summary>').format(title)
        if folded
        else Markup('<div class="chart-table">'),
        close=Markup("</details>" if folded else "</div>"),
        id=chart_id,
        title=title,
        w=width,
        h=height,
        bars=Markup("").join(bars),
        lh=label_header,
        vh=value_header,
        rows=table_rows,
    )


def _short(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
