"""Render a preset's rule tables as Markdown (used to write and to check docs/policy/*.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

from credit_disclosure.policy import Match, Policy


def _d(day: date | None) -> str:
    return "—" if day is None else day.isoformat()


def _vals(values: Any) -> str:
    return "/".join(sorted(getattr(v, "value", v) for v in values))


def describe(match: Match) -> str:
    """Say in a few words which records a match covers."""
    parts = []
    kinds = {k.value for k in match.kinds}
    if kinds != {"penalty"}:
        parts.append("/".join(sorted(kinds)))
    for label, values in (
        ("tier", match.tiers),
        ("subject", match.subjects),
        ("procedure", match.procedures),
        ("sector", match.sectors),
        ("any of", match.any_of_types),
        ("only", match.only_types),
    ):
        if values is not None:
            parts.append(f"{label} {_vals(values)}")
    if match.max_fine_wan is not None:
        parts.append(f"fine ≤ {match.max_fine_wan} 万元")
    return ", ".join(parts) or "any penalty"


def tables(policy: Policy) -> list[str]:
    """The rows of the four tables, one Markdown line each."""
    lines = []
    for r in policy.publication_rules:
        verdict = "published" if r.publish else ("optional" if r.optional else "not published")
        lines.append(
            f"| {_d(r.effective_from)} | {_d(r.effective_to)} | {describe(r.match)} | {verdict} "
            f"| {r.reason_zh} | {r.citation.document} {r.citation.article or ''} "
            f"| {r.citation.certainty} |"
        )
    for d in policy.deadline_choices:
        lines.append(
            f"| {_d(d.effective_from)} | {_d(d.effective_to)} | {d.purpose} "
            f"| {d.deadline or 'same day'} | {d.citation.document} {d.citation.article or ''} "
            f"| {d.citation.certainty} |"
        )
    for t in policy.term_rules:
        lines.append(
            f"| {_d(t.effective_from)} | {_d(t.effective_to)} | {describe(t.match)} "
            f"| {t.minimum or '—'} | {t.maximum or 'open-ended (长期)'}"
            f"{' or a longer ban' if t.extend_to_restriction else ''} "
            f"| {t.citation.document} {t.citation.article or ''} | {t.citation.certainty} |"
        )
    for p in policy.repair_rules:
        extra = []
        if p.fact:
            extra.append(p.fact)
        if p.window:
            extra.append(f"window {p.window}")
        if p.count:
            extra.append(f"count {p.count}")
        if p.kind.value in ("refuse", "scope"):
            extra.append(describe(p.match))
        lines.append(
            f"| {_d(p.effective_from)} | {_d(p.effective_to)} | {p.kind.value} "
            f"| {'; '.join(extra) or '—'} | {p.reason_zh} "
            f"| {p.citation.document} {p.citation.article or ''} | {p.citation.certainty} |"
        )
    return [" ".join(line.split()) for line in lines]
