"""Person-name matching across Latin and Arabic scripts: pure Python, no Django.

- normalize: fold_name, tokens (particles, 'Abd al-'/'Abu' compounds, articles).
- transliterate: Arabic script to a readable Latin spelling.
- phonetic: script-neutral consonant-class keys and token similarity.
- blocking: blocking_keys (stored per person) and query_keys (looked up when screening).
- persons: Person, prepare, score, screen, with Score and Reason; frequencies: NameFrequencies (rarity).

Accuracy and speed: bench/names_accuracy.py.
"""
