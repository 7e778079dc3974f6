"""The text the extractors read: Thai digits made Arabic (one character for one, so offsets stay those of the
original), and its words by PyThaiNLP's tokenizer with our dictionary."""

from dataclasses import dataclass, field
from functools import cached_property

from pythainlp.tokenize import word_tokenize

from sanphalang.thai.digits import to_arabic_digits

from .gazetteer import tokenizer_dictionary


@dataclass
class Text:
    original: str
    extra_words: frozenset[str] = field(default=frozenset())

    @cached_property
    def plain(self) -> str:
        return to_arabic_digits(self.original)

    @cached_property
    def token_starts(self) -> frozenset[int]:
        """Offsets where a word begins."""
        starts, offset = set(), 0
        for token in word_tokenize(
            self.plain, custom_dict=tokenizer_dictionary(self.extra_words), keep_whitespace=True
        ):
            starts.add(offset)
            offset += len(token)
        starts.add(offset)
        return frozenset(starts)

    def starts_word(self, offset: int) -> bool:
        return offset == 0 or offset in self.token_starts or not self.plain[offset - 1].isalpha()
