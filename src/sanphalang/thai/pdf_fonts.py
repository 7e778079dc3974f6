"""Thai fonts whose PDF text layer copies out as the text that was set, for the documents WeasyPrint prints.

HarfBuzz draws SARA AM (ำ) as NIKHAHIT + SARA AA and moves the nikhahit before a tone mark, merging their
clusters; WeasyPrint then gives each glyph the text of the first cluster it was drawn in, for the whole PDF. So the
one SARA AA glyph stands for both า and ำ, and a tone mark first drawn inside ำ stands for nothing. The cure has
two halves: a derived copy of the font whose GSUB draws the SARA AA of ำ with a glyph of its own (same outline,
same advance, so the print is unchanged), and a glyph-to-text map for that copy built from the font itself, which
replaces WeasyPrint's guess for the Thai glyphs. The NIKHAHIT of ำ gets a copy of its own the same way (same outline,
same anchors), so that a NIKHAHIT typed by itself (Pali: สํ) keeps its text while the one inside ำ stands for nothing.

Poppler (pdftotext, and the viewers built on it) rebuilds words from glyph positions: it takes a tone mark stacked on
an upper vowel, drawn a hair to the right of where the next letter starts, for a letter of its own and sorts it after
that letter ("ครัง้ ที่" for ครั้งที่). So each printed line of Thai also carries its text as ActualText, which such
readers take instead of the glyphs' positions; the glyph map stays for those that read glyph by glyph.
"""

import functools
import hashlib
import os
import tempfile
from copy import deepcopy
from pathlib import Path

from fontTools.otlLib.builder import buildCoverage
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import otTables

NIKHAHIT = "\u0e4d"
SARA_AA = "\u0e32"
SARA_AM = "\u0e33"
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"
THAI = range(0x0E00, 0x0E80)
# The characters drawn over or under a letter (and ำ, which carries one): a line without them reads back as drawn.
THAI_MARKS = frozenset(
    "\u0e31\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a" + "".join(map(chr, range(0x0E47, 0x0E4F)))
)
SARA_AM_GLYPH_SUFFIX = ".am"
# Part of every cached file name: change it whenever the derivation changes, so no stale copy is reused.
DERIVATION = "2"
# The licence declares no Reserved Font Name, but a modified copy still gets a name of its own so that nobody
# mistakes it for the upstream release. The CSS family name the templates use does not change.
FAMILY_SUFFIX = " Text"

# sha256 of a derived font file → its glyph id → text map; WeasyPrint's fonts are matched to it by their bytes.
_GLYPH_TEXTS: dict[bytes, dict[int, str]] = {}


def cache_dir() -> Path:
    from django.conf import settings

    base = Path(settings.DATA_DIR) if settings.configured else Path(tempfile.gettempdir()) / "sanphalang"
    return base / "cache" / "fonts"


@functools.cache
def pdf_font(source: Path) -> Path:
    """The derived copy of a Sarabun file, made once and kept in the cache directory; registered for the PDF hook."""
    content = source.read_bytes()
    digest = hashlib.sha256(content + DERIVATION.encode()).hexdigest()[:16]
    target = cache_dir() / f"{source.stem}-text-{digest}{source.suffix}"
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        font = TTFont(source, recalcTimestamp=False)
        derive(font)
        # Written aside and renamed: two processes deriving at once must never leave a half-written font behind.
        handle, partial = tempfile.mkstemp(dir=target.parent, suffix=".part")
        with os.fdopen(handle, "wb") as stream:
            font.save(stream)
        os.chmod(partial, 0o644)
        os.replace(partial, target)
    derived = target.read_bytes()
    _GLYPH_TEXTS[hashlib.sha256(derived).digest()] = glyph_texts(TTFont(target, lazy=True))
    install_text_map()
    install_actual_text()
    return target


def derive(font: TTFont) -> None:
    """Give the SARA AA of ำ its own glyph: a copy of SARA AA that a chaining substitution puts after NIKHAHIT; then
    the NIKHAHIT before that copy its own glyph too, a copy with the same anchors."""
    cmap = font.getBestCmap()
    aa = cmap[ord(SARA_AA)]
    am_aa = aa + SARA_AM_GLYPH_SUFFIX
    _copy_glyph(font, aa, am_aa)
    if "DSIG" in font:
        del font["DSIG"]  # the signature no longer matches the file
    _add_sara_am_lookup(font, aa, am_aa)
    nikhahits = _nikhahit_forms(font)
    for nikhahit in nikhahits:
        _copy_glyph(font, nikhahit, nikhahit + SARA_AM_GLYPH_SUFFIX)
        _copy_positioning(font, nikhahit, nikhahit + SARA_AM_GLYPH_SUFFIX)
    _add_sara_am_nikhahit_lookup(font, nikhahits, am_aa)
    _rename(font)


def _copy_glyph(font: TTFont, source: str, copy: str) -> None:
    """A glyph of the same outline, advance and class, last in the glyph order (so every coverage stays sorted)."""
    font.setGlyphOrder([*font.getGlyphOrder(), copy])
    font["glyf"].glyphs[copy] = deepcopy(font["glyf"][source])
    font["glyf"].glyphOrder = font.getGlyphOrder()
    font["hmtx"][copy] = font["hmtx"][source]
    classes = font["GDEF"].table.GlyphClassDef if "GDEF" in font else None
    if classes is not None and source in classes.classDefs:
        classes.classDefs[copy] = classes.classDefs[source]


def _nikhahit_forms(font: TTFont) -> list[str]:
    """NIKHAHIT and each glyph a single substitution makes of it (not its ligatures with a tone mark)."""
    glyph = font.getBestCmap()[ord(NIKHAHIT)]
    ligatures = {
        out for kind, subtable in _substitutions(font) if kind == 4 for out in _ligature_glyphs(subtable)
    }
    return sorted(_derived_from(font, {glyph}) - ligatures)


def _ligature_glyphs(subtable) -> set[str]:
    return {ligature.LigGlyph for ligatures in subtable.ligatures.values() for ligature in ligatures}


def _copy_positioning(font: TTFont, source: str, copy: str) -> None:
    """Give the copy the source's place in every mark attachment, so it is drawn exactly where the source would be."""
    for lookup in font["GPOS"].table.LookupList.Lookup:
        for subtable in lookup.SubTable:
            kind = lookup.LookupType
            if kind == 9:
                kind, subtable = subtable.ExtensionLookupType, subtable.ExtSubTable
            if kind == 4:
                pairs = [(subtable.MarkCoverage, subtable.MarkArray.MarkRecord)]
            elif kind == 6:
                pairs = [
                    (subtable.Mark1Coverage, subtable.Mark1Array.MarkRecord),
                    (subtable.Mark2Coverage, subtable.Mark2Array.Mark2Record),
                ]
            elif kind in (1, 2, 3, 5, 7, 8) and source in _covered(subtable):
                raise ValueError(
                    f"{source} is positioned by a GPOS lookup of type {kind}, which is not copied."
                )
            else:
                continue
            for coverage, records in pairs:
                if source in coverage.glyphs:
                    coverage.glyphs.append(copy)
                    records.append(deepcopy(records[coverage.glyphs.index(source)]))
            if kind == 4:
                subtable.MarkArray.MarkCount = len(subtable.MarkArray.MarkRecord)
            elif kind == 6:
                subtable.Mark1Array.MarkCount = len(subtable.Mark1Array.MarkRecord)
                subtable.Mark2Array.Mark2Count = len(subtable.Mark2Array.Mark2Record)


def _covered(subtable) -> set[str]:
    coverage = getattr(subtable, "Coverage", None)
    return set(coverage.glyphs) if coverage is not None else set()


def _add_sara_am_lookup(font: TTFont, aa: str, am_aa: str) -> None:
    cmap = font.getBestCmap()
    nikhahits = _derived_from(font, {cmap[ord(NIKHAHIT)]})
    # Applied after every lookup the font has (HarfBuzz runs a stage's lookups in list order), so the nikhahit
    # may already be a narrow form or a ligature with its tone mark: the backtrack names every such glyph.
    _add_substitution_in_context(
        font, {aa: am_aa}, contexts=[([nikhahits], []), ([_tones(font), nikhahits], [])]
    )


def _tones(font: TTFont) -> set[str]:
    """The tone marks and their forms, without their ligatures with NIKHAHIT."""
    cmap = font.getBestCmap()
    return _derived_from(font, {cmap[ord(mark)] for mark in TONE_MARKS}) - _derived_from(
        font, {cmap[ord(NIKHAHIT)]}
    )


def _add_substitution_in_context(font: TTFont, mapping: dict[str, str], *, contexts: list) -> None:
    """A lookup that substitutes one glyph for another where it follows (backtrack) and precedes (lookahead) the
    glyphs of one of the contexts, each a (backtrack, lookahead) pair of lists of glyph sets, run in Thai ccmp."""
    gsub = font["GSUB"].table
    glyph_map = font.getReverseGlyphMap(rebuild=True)
    single = otTables.SingleSubst()
    single.mapping = mapping
    gsub.LookupList.Lookup.append(_lookup(1, [single]))
    substitution_index = len(gsub.LookupList.Lookup) - 1
    subtables = []
    for backtrack, lookahead in contexts:
        rule = otTables.ChainContextSubst()
        rule.Format = 3
        rule.BacktrackGlyphCount = len(backtrack)
        rule.BacktrackCoverage = [buildCoverage(glyphs, glyph_map) for glyphs in backtrack]
        rule.InputGlyphCount = 1
        rule.InputCoverage = [buildCoverage(mapping, glyph_map)]
        rule.LookAheadGlyphCount = len(lookahead)
        rule.LookAheadCoverage = [buildCoverage(glyphs, glyph_map) for glyphs in lookahead]
        record = otTables.SubstLookupRecord()
        record.SequenceIndex = 0
        record.LookupListIndex = substitution_index
        rule.SubstCount = 1
        rule.SubstLookupRecord = [record]
        subtables.append(rule)
    gsub.LookupList.Lookup.append(_lookup(6, subtables))
    _append_to_thai_ccmp(gsub, len(gsub.LookupList.Lookup) - 1)


def _append_to_thai_ccmp(gsub, chain_index: int) -> None:
    """Run a lookup of the list in the Thai script's ccmp feature, after the font's own."""
    gsub.LookupList.LookupCount = len(gsub.LookupList.Lookup)
    thai = [record for record in gsub.ScriptList.ScriptRecord if record.ScriptTag == "thai"]
    if not thai:
        raise ValueError("The font has no Thai script in its GSUB: nothing to derive from.")
    for script in thai:
        langsyses = [
            script.Script.DefaultLangSys,
            *(record.LangSys for record in script.Script.LangSysRecord),
        ]
        for langsys in filter(None, langsyses):
            features = [gsub.FeatureList.FeatureRecord[index] for index in langsys.FeatureIndex]
            ccmp = [record for record in features if record.FeatureTag == "ccmp"]
            if not ccmp:
                raise ValueError("The font's Thai script has no ccmp feature to extend.")
            for record in ccmp:
                record.Feature.LookupListIndex.append(chain_index)
                record.Feature.LookupCount = len(record.Feature.LookupListIndex)


def _add_sara_am_nikhahit_lookup(font: TTFont, nikhahits: list[str], am_aa: str) -> None:
    """After the SARA AA lookup: a NIKHAHIT followed by the SARA AA of ำ (a tone mark may stand between) becomes
    its copy."""
    _add_substitution_in_context(
        font,
        {glyph: glyph + SARA_AM_GLYPH_SUFFIX for glyph in nikhahits},
        contexts=[([], [{am_aa}]), ([], [_tones(font), {am_aa}])],
    )


def _lookup(kind: int, subtables: list) -> otTables.Lookup:
    lookup = otTables.Lookup()
    lookup.LookupType = kind
    lookup.LookupFlag = 0
    lookup.SubTable = subtables
    lookup.SubTableCount = len(subtables)
    return lookup


def _rename(font: TTFont) -> None:
    names = font["name"]
    family = names.getDebugName(1)
    for record in names.names:
        text = record.toUnicode()
        if record.nameID in (1, 3, 4, 16, 18, 21):
            record.string = text.replace(family, family + FAMILY_SUFFIX)
        elif record.nameID == 6:
            ps_family = family.replace(" ", "")
            record.string = text.replace(ps_family, ps_family + FAMILY_SUFFIX.replace(" ", ""))


def _substitutions(font: TTFont):
    """Each GSUB subtable of the font as (lookup type, subtable), extension lookups unwrapped."""
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for subtable in lookup.SubTable:
            if lookup.LookupType == 7:
                yield subtable.ExtensionLookupType, subtable.ExtSubTable
            else:
                yield lookup.LookupType, subtable


def _derived_from(font: TTFont, glyphs: set[str]) -> set[str]:
    """The glyphs and every glyph GSUB can turn them into, alone or as part of a ligature."""
    found = set(glyphs)
    while True:
        more = set()
        for kind, subtable in _substitutions(font):
            if kind == 1:
                more |= {out for source, out in subtable.mapping.items() if source in found}
            elif kind == 3:
                more |= {
                    out for source, outs in subtable.alternates.items() if source in found for out in outs
                }
            elif kind == 4:
                for first, ligatures in subtable.ligatures.items():
                    more |= {
                        ligature.LigGlyph
                        for ligature in ligatures
                        if first in found or found.intersection(ligature.Component)
                    }
        if more <= found:
            return found
        found |= more


def glyph_texts(font: TTFont) -> dict[int, str]:
    """The text each Thai glyph of a derived font stands for: its own character for those in the cmap, the source's
    text for single and alternate forms, the joined texts of the parts for ligatures. Inside ำ the NIKHAHIT copies
    and the ligatures of NIKHAHIT with a tone mark (drawn only there) leave the NIKHAHIT out, and the SARA AA copy
    after them stands for the whole vowel: น้ำ reads น, ้, ำ; a NIKHAHIT by itself reads as itself."""
    names: dict[str, str] = {}
    for code, glyph in font.getBestCmap().items():
        if code in THAI:
            names[glyph] = chr(code)
    nikhahits = [glyph for glyph in _nikhahit_forms(font) if not glyph.endswith(SARA_AM_GLYPH_SUFFIX)]
    glyph_order = set(font.getGlyphOrder())
    for glyph in nikhahits:
        names[glyph] = NIKHAHIT
        if glyph + SARA_AM_GLYPH_SUFFIX in glyph_order:
            names[glyph + SARA_AM_GLYPH_SUFFIX] = ""
    names[font.getBestCmap()[ord(SARA_AA)] + SARA_AM_GLYPH_SUFFIX] = SARA_AM
    in_cmap = set(names)
    conflicting: set[str] = set()

    def give(glyph: str, text: str) -> bool:
        if glyph in in_cmap or glyph in conflicting:
            return False
        if names.get(glyph, text) != text:
            conflicting.add(glyph)
            del names[glyph]
            return False
        new = glyph not in names
        names[glyph] = text
        return new

    changed = True
    while changed:
        changed = False
        for kind, subtable in _substitutions(font):
            if kind == 1:
                pairs = [(out, names[source]) for source, out in subtable.mapping.items() if source in names]
            elif kind == 3:
                pairs = [
                    (out, names[source])
                    for source, outs in subtable.alternates.items()
                    if source in names
                    for out in outs
                ]
            elif kind == 4:
                pairs = [
                    (
                        ligature.LigGlyph,
                        "".join(
                            names[part] for part in [first, *ligature.Component] if part not in nikhahits
                        ),
                    )
                    for first, ligatures in subtable.ligatures.items()
                    for ligature in ligatures
                    if all(part in names for part in [first, *ligature.Component])
                ]
            else:
                continue
            for glyph, text in pairs:
                changed |= give(glyph, text)
    glyph_ids = font.getReverseGlyphMap()
    return {glyph_ids[glyph]: text for glyph, text in names.items()}


class GlyphTexts(dict):
    """WeasyPrint's glyph id → text map of one font, in which the derived font's own texts win over the cluster
    text WeasyPrint would store."""

    def __init__(self, texts: dict[int, str], stored: dict[int, str]):
        super().__init__()
        self.texts = texts
        for glyph, text in stored.items():
            self[glyph] = text

    def __setitem__(self, glyph: int, text: str) -> None:
        super().__setitem__(glyph, self.texts.get(glyph, text))

    def setdefault(self, glyph: int, text: str = "") -> str:
        if glyph not in self:
            self[glyph] = text
        return self[glyph]


@functools.cache
def install_text_map() -> None:
    """Wrap WeasyPrint's PDF font so that each derived font's map replaces its own. WeasyPrint fills the map while
    drawing (weasyprint/draw/text.py) and writes it as the ToUnicode CMap (weasyprint/pdf/fonts.py); a version that
    no longer keeps it in Font.to_unicode fails here, or in the tests that read the text back."""
    from weasyprint.pdf.fonts import Font

    original = Font.__init__

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        original(self, *args, **kwargs)
        if not isinstance(getattr(self, "to_unicode", None), dict):
            raise RuntimeError(
                "WeasyPrint's Font no longer keeps a to_unicode dict: the Thai text map needs review."
            )
        texts = _GLYPH_TEXTS.get(hashlib.sha256(self.file_content).digest())
        if texts is not None:
            self.to_unicode = GlyphTexts(texts, self.to_unicode)

    Font.__init__ = __init__


@functools.cache
def install_actual_text() -> None:
    """Wrap WeasyPrint's drawing of a line so that a line of Thai with marks is drawn inside a marked-content span whose
    ActualText is the line's text (PDF 32000-1, 14.9.4). A line whose text the drawing changes (an ellipsis) keeps
    its glyphs' text alone."""
    import pydyf
    from weasyprint.draw import text as drawing

    original = drawing.draw_first_line

    @functools.wraps(original)
    def draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix):
        text = textbox.text
        if text_overflow == "ellipsis" or block_ellipsis != "none" or not THAI_MARKS.intersection(text):
            return original(stream, textbox, text_overflow, block_ellipsis, matrix)
        stream.begin_marked_content("Span", pydyf.Dictionary({"ActualText": pydyf.String(text)}))
        try:
            return original(stream, textbox, text_overflow, block_ellipsis, matrix)
        finally:
            stream.end_marked_content()

    drawing.draw_first_line = draw_first_line
