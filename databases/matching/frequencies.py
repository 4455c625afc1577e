"""How common each name is, so that a shared rare name weighs more than a shared 'Mohamed'."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

from databases.matching.normalize import PARTICLES, tokens
from databases.matching.phonetic import NATIVE, token_keys

# A name carried by this share of the population or fewer counts as fully distinctive (weight 1.0).
RARE_SHARE = 1e-5
# Floor of the weight: even the commonest name is some evidence.
MIN_WEIGHT = 0.2
# Weight of a name the table has never seen: probably rare, but it may also be a misspelling of a common one.
UNKNOWN_WEIGHT = 0.9
# Particles (bin, de, van) and initials identify almost nothing on their own.
PARTICLE_WEIGHT = 0.1
INITIAL_WEIGHT = 0.3
if NATIVE is not None:
    NATIVE.configure_weights(PARTICLE_WEIGHT, INITIAL_WEIGHT, UNKNOWN_WEIGHT)

# How a token is weighed (token_kind), in the values of scoring.c's templates.
PARTICLE, INITIAL, NAME = 0, 1, 2


def frequency_key(token: str) -> str:
    """Return the key under which a token is counted: its phonetic skeleton, so that spellings and scripts pool.

    'Mohamed', 'Muhammad' and 'محمد' share one count.
    """
    return token_keys(token)[0].skeleton or token


def token_kind(token: str) -> int:
    """PARTICLE (bin, de, van), INITIAL (one letter) or NAME: which weight a token of a name form gets."""
    if token in PARTICLES:
        return PARTICLE
    return INITIAL if len(token) == 1 else NAME


class NameFrequencies:
    """Token counts of a population, turned into weights in [MIN_WEIGHT, 1].

    Build it from the persons table (`from_names`) or from precomputed counts (`from_counts`); an empty table
    gives every name UNKNOWN_WEIGHT, which reduces scoring to plain name similarity.
    """

    def __init__(self, counts: Mapping[str, int], total: int | None = None) -> None:
        self._counts = dict(counts)
        self._total = max(total if total is not None else sum(self._counts.values()), 1)
        # log of the share below which a name is fully distinctive; weights scale from there.
        self._rare_log = -math.log(RARE_SHARE)
        self._cache: dict[str, float] = {}
        # Alignment values of name pairs under these weights (databases.matching.names.align_value).
        self.alignments: dict[tuple, float] = {}
        # Name forms with these weights in the layout of the C alignment (databases.matching.names.native_form).
        self.native_forms: dict[tuple[str, ...], bytes] = {}
        self._key_weights: dict[str, float] | None = None

    @classmethod
    def from_counts(cls, token_counts: Mapping[str, int]) -> NameFrequencies:
        """Build from folded tokens (any script) and how many persons carry each."""
        pooled: Counter[str] = Counter()
        for token, count in token_counts.items():
            pooled[frequency_key(token)] += count
        return cls(pooled)

    @classmethod
    def from_names(cls, names: Iterable[str]) -> NameFrequencies:
        """Build from raw name strings, one per person and field (family name, given names, ...)."""
        counts: Counter[str] = Counter()
        for name in names:
            counts.update(frequency_key(t) for t in set(tokens(name)))
        return cls(counts)

    def count(self, token: str) -> int:
        """Return how many persons carry the token or a spelling with the same skeleton."""
        return self._counts.get(frequency_key(token), 0)

    def key_weights(self) -> dict[str, float]:
        """The weight of a NAME token by its frequency key, for the keys counted (others weigh UNKNOWN_WEIGHT).

        What scoring.c's weigh() reads to give stored templates (persons.template) the weights of this table.
        """
        if self._key_weights is None:
            self._key_weights = {
                key: min(1.0, max(MIN_WEIGHT, math.log(self._total / count) / self._rare_log))
                for key, count in self._counts.items()
                if count
            }
        return self._key_weights

    def weight(self, token: str) -> float:
        """Return the evidential weight of sharing this token: 1.0 for rare names, MIN_WEIGHT for the commonest."""
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        kind = token_kind(token)
        if kind == PARTICLE:
            value = PARTICLE_WEIGHT
        elif kind == INITIAL:
            value = INITIAL_WEIGHT
        else:
            count = self.count(token)
            if count == 0:
                value = UNKNOWN_WEIGHT
            else:
                value = min(1.0, max(MIN_WEIGHT, math.log(self._total / count) / self._rare_log))
        if len(self._cache) < 500_000:
            self._cache[token] = value
        return value


NO_FREQUENCIES = NameFrequencies({})
