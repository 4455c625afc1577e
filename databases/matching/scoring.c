/* The hot part of person matching in C: token similarity, the alignment of two names and the decision whether a pair
 * of persons reaches the threshold. The values of phonetic.keys_similarity, names.reaching_python and
 * persons.reaches, bit for bit, several times faster.
 *
 * A sweep chunk decides about half a million candidate pairs, each a few token similarities, each the best over the
 * tokens' readings of four or so edit distances on strings of a few letters: in Python most of the time went to the
 * calls around these small comparisons.
 *
 * pack(keys) turns a token's keys (phonetic.token_keys) into one bytes object, made once per token;
 * similarity(packed_a, packed_b) reads two of them. Layout, native int32 throughout:
 *     n_keys, then per key: arabic, long_vowels, and four strings (skeleton, vowelled, vowels, vowelled_ae),
 *     each its length followed by its code points.
 * pack_form(weights, units) does the same for a name form with its tokens' weights (names.native_form), and
 * reach(query, candidate, floor) aligns two of them. pack_person(...) packs a prepared person with its forms, and
 * decide(persons, pairs, threshold) decides pairs of them (persons.reaches_all). weigh(templates, weights) makes
 * packed persons from stored templates, which hold no weights and are stored compact (persons.template).
 * The arithmetic is the Python's, with the weights the Python modules give (configure_similarity,
 * configure_alignment, configure_evidence) and in the same order (built with -ffp-contract=off): equal inputs give
 * equal doubles, which tests/databases/matching/test_native_c.py checks against the Python.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define FIELDS 4 /* skeleton, vowelled, vowels, vowelled_ae */
#define SKELETON 0
#define VOWELLED 1
#define VOWELS 2
#define VOWELLED_AE 3

typedef struct {
    int32_t length;
    const int32_t *chars;
} Text;

typedef struct {
    int32_t arabic;
    int32_t long_vowels;
    Text text[FIELDS];
} Key;

/* Keys of one token: a name has a handful of readings, more than this is a packing error. */
#define MAX_KEYS 32

/* The tuned weights, given once by the Python modules that define them (phonetic and names call configure_*() on
 * import), so that the two versions never disagree on a constant. */
static struct {
    int set;
    double same[3];  /* phonetic._SAME_WEIGHTS: skeleton, vowel sequence, vowelled */
    double cross[3]; /* phonetic._CROSS_WEIGHTS: skeleton, containment of the Arabic form, vowelled */
    double density_shift, long_vowel_penalty;
    double confusable_share, confusable_floor; /* phonetic._CONFUSABLE_SHARE, _CONFUSABLE_FLOOR */
} similarity_weights;

static struct {
    int set;
    double token_min, token_sure, initial_similarity, conflict_penalty, missing_penalty, conflict_share,
        order_swap_cost; /* names.* */
} alignment_weights;

/* The weights of the other evidence, given by persons on import (configure_evidence): conflict and close factors,
 * exact, compatible and swapped pulls, the sexes' conflict factor, the nationality pull, and the rounding allowance. */
typedef struct {
    double conflict, close, exact, compatible, swapped, sex_conflict, nationality, rounding;
} Evidence;

static struct {
    int set;
    Evidence weights;
} evidence_weights;

/* --- edit distance and longest common subsequence ------------------------------------------------------------ */

/* Bit-parallel algorithms (Hyyrö 2003 for Levenshtein, Hyyrö 2004 for LCS) need the pattern's match vectors, one
 * bit per position. Class strings are ASCII and short; anything else takes the plain dynamic programme. */
static uint64_t match_vectors[128];

static int bit_parallel(const Text *pattern, const Text *text) {
    if (pattern->length == 0 || pattern->length > 64) return 0;
    for (int32_t i = 0; i < pattern->length; i++)
        if ((uint32_t)pattern->chars[i] >= 128) return 0;
    for (int32_t i = 0; i < text->length; i++)
        if ((uint32_t)text->chars[i] >= 128) return 0;
    return 1;
}

static void set_vectors(const Text *pattern) {
    for (int32_t i = 0; i < pattern->length; i++) match_vectors[pattern->chars[i]] |= (uint64_t)1 << i;
}

static void clear_vectors(const Text *pattern) {
    for (int32_t i = 0; i < pattern->length; i++) match_vectors[pattern->chars[i]] = 0;
}

/* The plain dynamic programmes keep one row, over the shorter string: on the stack for any name a form accepts. A
 * longer one takes the heap; without memory they set MemoryError, which every entry point checks. */
#define STACK_ROW 1024

static int32_t *dp_row(const Text **a, const Text **b, int32_t *stack) {
    if ((*b)->length > (*a)->length) {
        const Text *swap = *a;
        *a = *b;
        *b = swap;
    }
    if ((*b)->length < STACK_ROW) return stack;
    int32_t *row = PyMem_Malloc(sizeof(int32_t) * (size_t)((*b)->length + 1));
    if (row == NULL) PyErr_NoMemory();
    return row;
}

static int32_t levenshtein_dp(const Text *a, const Text *b) {
    int32_t stack[STACK_ROW];
    int32_t *row = dp_row(&a, &b, stack);
    if (row == NULL) return 0;
    for (int32_t j = 0; j <= b->length; j++) row[j] = j;
    for (int32_t i = 1; i <= a->length; i++) {
        int32_t diagonal = row[0];
        row[0] = i;
        for (int32_t j = 1; j <= b->length; j++) {
            int32_t above = row[j];
            int32_t best = diagonal + (a->chars[i - 1] != b->chars[j - 1]);
            if (above + 1 < best) best = above + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diagonal = above;
        }
    }
    int32_t distance = row[b->length];
    if (row != stack) PyMem_Free(row);
    return distance;
}

static int32_t levenshtein(const Text *a, const Text *b) {
    if (a->length == 0) return b->length;
    if (b->length == 0) return a->length;
    if (!bit_parallel(a, b)) return levenshtein_dp(a, b);
    set_vectors(a);
    uint64_t positive = ~(uint64_t)0, negative = 0, last = (uint64_t)1 << (a->length - 1);
    int32_t distance = a->length;
    for (int32_t j = 0; j < b->length; j++) {
        uint64_t match = match_vectors[b->chars[j]];
        uint64_t diagonal = (((match & positive) + positive) ^ positive) | match | negative;
        uint64_t horizontal_up = negative | ~(diagonal | positive);
        uint64_t horizontal_down = diagonal & positive;
        distance += (horizontal_up & last) != 0;
        distance -= (horizontal_down & last) != 0;
        horizontal_up = (horizontal_up << 1) | 1;
        horizontal_down <<= 1;
        positive = horizontal_down | ~(diagonal | horizontal_up);
        negative = horizontal_up & diagonal;
    }
    clear_vectors(a);
    return distance;
}

static int32_t lcs_dp(const Text *a, const Text *b) {
    int32_t stack[STACK_ROW];
    int32_t *row = dp_row(&a, &b, stack);
    if (row == NULL) return 0;
    memset(row, 0, sizeof(int32_t) * (size_t)(b->length + 1));
    for (int32_t i = 1; i <= a->length; i++) {
        int32_t diagonal = 0;
        for (int32_t j = 1; j <= b->length; j++) {
            int32_t above = row[j];
            if (a->chars[i - 1] == b->chars[j - 1])
                row[j] = diagonal + 1;
            else if (row[j - 1] > above)
                row[j] = row[j - 1];
            diagonal = above;
        }
    }
    int32_t length = row[b->length];
    if (row != stack) PyMem_Free(row);
    return length;
}

static int32_t lcs(const Text *a, const Text *b) {
    if (a->length == 0 || b->length == 0) return 0;
    if (!bit_parallel(a, b)) return lcs_dp(a, b);
    set_vectors(a);
    uint64_t rest = ~(uint64_t)0;
    for (int32_t j = 0; j < b->length; j++) {
        uint64_t common = rest & match_vectors[b->chars[j]];
        rest = (rest + common) | (rest - common);
    }
    clear_vectors(a);
    uint64_t used = a->length == 64 ? ~rest : ~rest & (((uint64_t)1 << a->length) - 1);
    return (int32_t)__builtin_popcountll(used);
}

/* rapidfuzz's Levenshtein.normalized_similarity: 1 - distance / longer length; two empty strings are equal. */
static double normalized_similarity(const Text *a, const Text *b) {
    int32_t longer = a->length > b->length ? a->length : b->length;
    if (longer == 0) return 1.0;
    return 1.0 - (double)levenshtein(a, b) / (double)longer;
}

/* --- the similarity of two keys, as phonetic._pair_similarity -------------------------------------------------- */

static int is_vowel(int32_t c) { return c == 'a' || c == 'i' || c == 'u'; }

/* phonetic._CONFUSABLE: Z and X read as S, D as T, G as K. */
static int32_t confusable(int32_t c) {
    switch (c) {
    case 'Z':
    case 'X':
        return 'S';
    case 'D':
        return 'T';
    case 'G':
        return 'K';
    default:
        return c;
    }
}

/* phonetic._cross_value: an Arabic and a Latin key from their skeletons' similarity and their vowelled forms. */
static double cross_value(double skeleton, const Text *arabic_vowelled, const Text *latin_vowelled, double shift,
                          double unmatched_long) {
    double vowelled = normalized_similarity(arabic_vowelled, latin_vowelled);
    double contained =
        arabic_vowelled->length ? (double)lcs(arabic_vowelled, latin_vowelled) / (double)arabic_vowelled->length : 0.0;
    const double *w = similarity_weights.cross;
    double value = w[0] * skeleton + (w[1] + shift) * contained + (w[2] - shift) * vowelled;
    value = value - unmatched_long;
    return value > 0.0 ? value : 0.0;
}

static double pair_similarity(const Key *a, const Key *b) {
    double skeleton = normalized_similarity(&a->text[SKELETON], &b->text[SKELETON]);
    if (a->arabic == b->arabic) {
        double vowelled = normalized_similarity(&a->text[VOWELLED], &b->text[VOWELLED]);
        double vowelled_ae = normalized_similarity(&a->text[VOWELLED_AE], &b->text[VOWELLED_AE]);
        if (vowelled_ae > vowelled) vowelled = vowelled_ae;
        double vowels = (a->text[VOWELS].length || b->text[VOWELS].length)
                            ? normalized_similarity(&a->text[VOWELS], &b->text[VOWELS])
                            : 1.0;
        const double *w = similarity_weights.same;
        return w[0] * skeleton + w[1] * vowels + w[2] * vowelled;
    }
    const Key *arabic = a->arabic ? a : b, *latin = a->arabic ? b : a;
    const Text *arabic_vowelled = &arabic->text[VOWELLED], *arabic_skeleton = &arabic->text[SKELETON];
    int leading_vowel = arabic_skeleton->length && arabic_skeleton->chars[0] == '_' && arabic_vowelled->length &&
                        is_vowel(arabic_vowelled->chars[0]);
    int32_t written = arabic->text[VOWELS].length - leading_vowel;
    int32_t stripped = arabic_skeleton->length;
    for (int32_t i = 0; i < arabic_skeleton->length && arabic_skeleton->chars[i] == '_'; i++) stripped--;
    int32_t consonants = stripped - 1 > 1 ? stripped - 1 : 1;
    double density = (double)written / (double)consonants;
    if (density > 1.0) density = 1.0;
    double shift = similarity_weights.density_shift * (1.0 - density);
    int32_t missing_long = latin->long_vowels - arabic->long_vowels;
    double unmatched_long = (double)(missing_long > 0 ? missing_long : 0) * similarity_weights.long_vowel_penalty;
    double value = cross_value(skeleton, arabic_vowelled, &latin->text[VOWELLED], shift, unmatched_long);
    if (value < similarity_weights.confusable_floor) return value;
    /* The same with the confusable classes read as their partners (phonetic._CONFUSABLE), when that changes a form. */
    const Text *forms[4] = {arabic_skeleton, &latin->text[SKELETON], arabic_vowelled, &latin->text[VOWELLED]};
    int32_t length = 0, changed = 0;
    for (int f = 0; f < 4; f++) {
        length += forms[f]->length;
        for (int32_t i = 0; i < forms[f]->length; i++) changed |= confusable(forms[f]->chars[i]) != forms[f]->chars[i];
    }
    if (!changed) return value;
    int32_t stack[STACK_ROW], *buffer = length <= STACK_ROW ? stack : PyMem_Malloc(sizeof(int32_t) * (size_t)length);
    if (buffer == NULL) {
        PyErr_NoMemory();
        return value;
    }
    Text confused[4];
    int32_t *cursor = buffer;
    for (int f = 0; f < 4; f++) {
        for (int32_t i = 0; i < forms[f]->length; i++) cursor[i] = confusable(forms[f]->chars[i]);
        confused[f].length = forms[f]->length;
        confused[f].chars = cursor;
        cursor += forms[f]->length;
    }
    double other = cross_value(normalized_similarity(&confused[0], &confused[1]), &confused[2], &confused[3], shift,
                               unmatched_long);
    if (buffer != stack) PyMem_Free(buffer);
    return value + similarity_weights.confusable_share * (other - value);
}

/* --- packing and unpacking ---------------------------------------------------------------------------------- */

static Py_ssize_t words_of(PyObject *packed) { return PyBytes_GET_SIZE(packed) / (Py_ssize_t)sizeof(int32_t); }

/* The keys of a packed token; -1 when the words do not hold what pack() writes. */
static Py_ssize_t unpack_words(const int32_t *cursor, Py_ssize_t words, Key *keys) {
    const int32_t *end = cursor + words;
    if (cursor == end || *cursor < 0 || *cursor > MAX_KEYS) return -1;
    Py_ssize_t count = *cursor++;
    for (Py_ssize_t k = 0; k < count; k++) {
        if (end - cursor < 2) return -1;
        keys[k].arabic = *cursor++;
        keys[k].long_vowels = *cursor++;
        for (int f = 0; f < FIELDS; f++) {
            if (end - cursor < 1 || *cursor < 0 || end - cursor - 1 < *cursor) return -1;
            keys[k].text[f].length = *cursor++;
            keys[k].text[f].chars = cursor;
            cursor += keys[k].text[f].length;
        }
    }
    return count;
}

static PyObject *pack(PyObject *module, PyObject *keys) {
    PyObject *sequence = PySequence_Fast(keys, "pack() takes a sequence of key tuples");
    if (sequence == NULL) return NULL;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(sequence);
    if (count > MAX_KEYS) {
        Py_DECREF(sequence);
        return PyErr_Format(PyExc_ValueError, "a token has at most %d keys", MAX_KEYS);
    }
    /* First pass: check the tuples and size the buffer. */
    Py_ssize_t words = 1;
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *key = PySequence_Fast_GET_ITEM(sequence, k);
        if (!PyTuple_Check(key) || PyTuple_GET_SIZE(key) != 2 + FIELDS) {
            Py_DECREF(sequence);
            return PyErr_Format(PyExc_TypeError, "a key is (arabic, long_vowels, and %d strings)", FIELDS);
        }
        words += 2;
        for (int f = 0; f < FIELDS; f++) {
            PyObject *text = PyTuple_GET_ITEM(key, 2 + f);
            if (!PyUnicode_Check(text)) {
                Py_DECREF(sequence);
                return PyErr_Format(PyExc_TypeError, "a key's texts are strings");
            }
            words += 1 + PyUnicode_GET_LENGTH(text);
        }
    }
    PyObject *packed = PyBytes_FromStringAndSize(NULL, words * (Py_ssize_t)sizeof(int32_t));
    if (packed == NULL) {
        Py_DECREF(sequence);
        return NULL;
    }
    int32_t *cursor = (int32_t *)PyBytes_AS_STRING(packed);
    *cursor++ = (int32_t)count;
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *key = PySequence_Fast_GET_ITEM(sequence, k);
        int arabic = PyObject_IsTrue(PyTuple_GET_ITEM(key, 0));
        long long_vowels = PyLong_AsLong(PyTuple_GET_ITEM(key, 1));
        if (arabic < 0 || (long_vowels == -1 && PyErr_Occurred())) {
            Py_DECREF(sequence);
            Py_DECREF(packed);
            return NULL;
        }
        *cursor++ = arabic;
        *cursor++ = (int32_t)long_vowels;
        for (int f = 0; f < FIELDS; f++) {
            PyObject *text = PyTuple_GET_ITEM(key, 2 + f);
            Py_ssize_t length = PyUnicode_GET_LENGTH(text);
            *cursor++ = (int32_t)length;
            for (Py_ssize_t i = 0; i < length; i++) *cursor++ = (int32_t)PyUnicode_READ_CHAR(text, i);
        }
    }
    Py_DECREF(sequence);
    return packed;
}

/* The best pair similarity over two tokens' keys, from their packed words; -1 when malformed or empty. */
static double keys_similarity(const int32_t *a, Py_ssize_t a_words, const int32_t *b, Py_ssize_t b_words) {
    Key left[MAX_KEYS], right[MAX_KEYS];
    Py_ssize_t n_left = unpack_words(a, a_words, left), n_right = n_left < 0 ? -1 : unpack_words(b, b_words, right);
    if (n_right < 0 || n_left == 0 || n_right == 0) return -1.0;
    double best = 0.0;
    for (Py_ssize_t i = 0; i < n_left; i++)
        for (Py_ssize_t j = 0; j < n_right; j++) {
            double value = pair_similarity(&left[i], &right[j]);
            if ((i == 0 && j == 0) || value > best) best = value;
        }
    return best;
}

/* Whether the weights that a computation needs were given; RuntimeError when not. */
#define WITH_ALIGNMENT 1
#define WITH_EVIDENCE 2

static int configured(int needs) {
    if (similarity_weights.set && (!(needs & WITH_ALIGNMENT) || alignment_weights.set) &&
        (!(needs & WITH_EVIDENCE) || evidence_weights.set))
        return 1;
    PyErr_SetString(PyExc_RuntimeError,
                    "the weights were not given (phonetic, names and persons configure them on import)");
    return 0;
}

static PyObject *similarity(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (!configured(0)) return NULL;
    if (nargs != 2 || !PyBytes_Check(args[0]) || !PyBytes_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "similarity() takes two packed tokens (bytes from pack())");
        return NULL;
    }
    double best = keys_similarity((const int32_t *)PyBytes_AS_STRING(args[0]), words_of(args[0]),
                                  (const int32_t *)PyBytes_AS_STRING(args[1]), words_of(args[1]));
    if (PyErr_Occurred()) return NULL;
    if (best < 0.0) {
        PyErr_SetString(PyExc_ValueError, "malformed packed token, or a token without keys");
        return NULL;
    }
    return PyFloat_FromDouble(best);
}

/* --- the alignment of two names, as names.reaching_python ----------------------------------------------------- */

/* names.MAX_TOKENS is 8; a unit is a token or a particle run glued to the next token. */
#define MAX_TOKENS 16
#define MAX_UNITS 32

typedef struct {
    uint32_t mask;
    int32_t initial;
    int32_t head;         /* index of the token whose weight the unit carries */
    int32_t first_letter; /* of the unit read in Latin letters (names._first_letter), -1 when none */
    int32_t role;         /* ROLE_ALIAS, ROLE_FAMILY or ROLE_GIVEN (names.Unit.role) */
    Text text;
    const int32_t *packed; /* the unit's keys, as pack() lays them out */
    int32_t packed_words;
} Unit;

typedef struct {
    int32_t n_tokens, n_units;
    double weights[MAX_TOKENS];
    Unit units[MAX_UNITS];
} Form;

enum { ROLE_ALIAS = 0, ROLE_FAMILY = 1, ROLE_GIVEN = 2 };

/* A form from its packed bytes; -1 when they do not hold what pack_form() writes (no exception set). */
static int parse_form(const char *bytes, Py_ssize_t size, Form *form) {
    if (size < 8) goto malformed;
    memcpy(&form->n_tokens, bytes, 4);
    memcpy(&form->n_units, bytes + 4, 4);
    if (form->n_tokens < 1 || form->n_tokens > MAX_TOKENS || form->n_units < 1 || form->n_units > MAX_UNITS)
        goto malformed;
    Py_ssize_t offset = 8 + 8 * (Py_ssize_t)form->n_tokens;
    if (size < offset) goto malformed;
    memcpy(form->weights, bytes + 8, 8 * (size_t)form->n_tokens);
    const int32_t *cursor = (const int32_t *)(bytes + offset);
    const int32_t *end = (const int32_t *)(bytes + size - (size - offset) % 4);
    for (int32_t u = 0; u < form->n_units; u++) {
        Unit *unit = &form->units[u];
        if (end - cursor < 6) goto malformed;
        unit->mask = (uint32_t)*cursor++;
        unit->initial = *cursor++;
        unit->head = *cursor++;
        unit->first_letter = *cursor++;
        unit->role = *cursor++;
        unit->text.length = *cursor++;
        if (unit->head < 0 || unit->head >= form->n_tokens || unit->role < ROLE_ALIAS || unit->role > ROLE_GIVEN ||
            unit->text.length < 0 ||
            end - cursor < unit->text.length + 1)
            goto malformed;
        unit->text.chars = cursor;
        cursor += unit->text.length;
        unit->packed_words = *cursor++;
        if (unit->packed_words < 0 || end - cursor < unit->packed_words) goto malformed;
        if (unit->initial && unit->text.length != 1) goto malformed;
        unit->packed = cursor;
        cursor += unit->packed_words;
    }
    return 0;
malformed:
    return -1;
}

static int unpack_form(PyObject *packed, Form *form) {
    if (!PyBytes_Check(packed)) {
        PyErr_SetString(PyExc_TypeError, "a packed name form (bytes from pack_form()) is expected");
        return -1;
    }
    if (parse_form(PyBytes_AS_STRING(packed), PyBytes_GET_SIZE(packed), form) < 0) {
        PyErr_SetString(PyExc_ValueError, "malformed packed name form");
        return -1;
    }
    return 0;
}

static int same_text(const Text *a, const Text *b) {
    return a->length == b->length && memcmp(a->chars, b->chars, sizeof(int32_t) * (size_t)a->length) == 0;
}

/* names._unit_similarity; -1 when a unit's keys are malformed. */
static double unit_similarity(const Unit *a, const Unit *b) {
    if (a->initial || b->initial) {
        if (a->initial && b->initial) return same_text(&a->text, &b->text) ? 1.0 : 0.0;
        const Unit *initial = a->initial ? a : b, *full = a->initial ? b : a;
        return full->first_letter == initial->text.chars[0] ? alignment_weights.initial_similarity : 0.0;
    }
    if (same_text(&a->text, &b->text)) return 1.0;
    return keys_similarity(a->packed, a->packed_words, b->packed, b->packed_words);
}

#define UNKNOWN (-2.0)

typedef struct {
    const Form *query, *candidate;
    double cache[MAX_UNITS][MAX_UNITS]; /* unit similarities, query unit first; UNKNOWN until asked */
    int failed;
} Pairing;

static double similarity_of(Pairing *pairing, int q, int c) {
    double *cached = &pairing->cache[q][c];
    if (*cached == UNKNOWN) {
        *cached = unit_similarity(&pairing->query->units[q], &pairing->candidate->units[c]);
        if (*cached < 0.0) pairing->failed = 1;
    }
    return *cached;
}

/* names._must_match_unmatched: a token that the value needs matched has no similar enough unit on the other side. */
static int must_match_unmatched(Pairing *pairing, int query_side, double floor) {
    const Form *form = query_side ? pairing->query : pairing->candidate;
    const Form *other = query_side ? pairing->candidate : pairing->query;
    double total = 0.0;
    for (int32_t i = 0; i < form->n_tokens; i++) total += form->weights[i];
    double bar = (1.0 - floor) * total;
    double scale = 1.0 - (1.0 - alignment_weights.missing_penalty) * floor;
    for (int32_t index = 0; index < form->n_tokens; index++) {
        if (scale * form->weights[index] <= bar) continue;
        uint32_t bit = (uint32_t)1 << index;
        int found = 0;
        for (int32_t u = 0; u < form->n_units && !found; u++) {
            if (!(form->units[u].mask & bit)) continue;
            for (int32_t o = 0; o < other->n_units && !found; o++) {
                double value = query_side ? similarity_of(pairing, u, o) : similarity_of(pairing, o, u);
                found = value > alignment_weights.token_min;
            }
        }
        if (!found) return 1;
    }
    return 0;
}

static double unmatched_weight(const Form *form, uint32_t used) {
    double left = 0.0;
    for (int32_t i = 0; i < form->n_tokens; i++)
        if (!(used >> i & 1)) left += form->weights[i];
    return left;
}

/* names.align(...).value: the best token pairs first (a stable sort, as Python's), each token used once. */
static double align_value(Pairing *pairing) {
    const Form *query = pairing->query, *candidate = pairing->candidate;
    struct {
        double similarity;
        int q, c;
    } pairs[MAX_UNITS * MAX_UNITS];
    int count = 0;
    for (int q = 0; q < query->n_units; q++)
        for (int c = 0; c < candidate->n_units; c++) {
            double value = similarity_of(pairing, q, c);
            if (value > alignment_weights.token_min) {
                int at = count++;
                while (at > 0 && pairs[at - 1].similarity < value) {
                    pairs[at] = pairs[at - 1];
                    at--;
                }
                pairs[at].similarity = value;
                pairs[at].q = q;
                pairs[at].c = c;
            }
        }
    if (count == 0) return 0.0;
    uint32_t used_q = 0, used_c = 0;
    double matched_weight = 0.0, evidence = 0.0, crossed = 0.0;
    int in_place = 0;
    for (int i = 0; i < count; i++) {
        const Unit *q = &query->units[pairs[i].q], *c = &candidate->units[pairs[i].c];
        if ((q->mask & used_q) || (c->mask & used_c)) continue;
        used_q |= q->mask;
        used_c |= c->mask;
        double weight_q = query->weights[q->head], weight_c = candidate->weights[c->head];
        double weight = weight_c < weight_q ? weight_c : weight_q;
        matched_weight += weight;
        double strength = (pairs[i].similarity - alignment_weights.token_min) /
                          (alignment_weights.token_sure - alignment_weights.token_min);
        strength = (strength < 1.0 ? strength : 1.0) * weight;
        if (q->role != c->role && q->role != ROLE_ALIAS && c->role != ROLE_ALIAS) { /* names._crosses */
            crossed += strength;
        } else {
            evidence += strength;
            in_place |= q->role == c->role;
        }
    }
    evidence += in_place ? crossed : crossed * (1.0 - alignment_weights.order_swap_cost);
    double left_q = unmatched_weight(query, used_q), left_c = unmatched_weight(candidate, used_c);
    double smaller = left_c < left_q ? left_c : left_q, larger = left_c > left_q ? left_c : left_q;
    double conflict = smaller > 0.0 ? smaller + alignment_weights.conflict_share * (larger - smaller) : 0.0;
    double missing = larger - conflict;
    double total = matched_weight + alignment_weights.conflict_penalty * conflict +
                   alignment_weights.missing_penalty * missing;
    return total != 0.0 ? evidence / total : 0.0;
}

/* names.reaching_python on two forms; -1 when a unit's keys are malformed. */
static double reach_forms(const Form *query, const Form *candidate, double floor) {
    Pairing pairing = {.query = query, .candidate = candidate, .failed = 0};
    for (int q = 0; q < query->n_units; q++)
        for (int c = 0; c < candidate->n_units; c++) pairing.cache[q][c] = UNKNOWN;
    double value;
    if (must_match_unmatched(&pairing, 1, floor) || must_match_unmatched(&pairing, 0, floor))
        value = 0.0;
    else
        value = align_value(&pairing);
    return pairing.failed ? -1.0 : value;
}

static PyObject *reach(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (!configured(WITH_ALIGNMENT)) return NULL;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "reach() takes two packed name forms and a floor");
        return NULL;
    }
    Form query, candidate;
    double floor = PyFloat_AsDouble(args[2]);
    if ((floor == -1.0 && PyErr_Occurred()) || unpack_form(args[0], &query) < 0 || unpack_form(args[1], &candidate) < 0)
        return NULL;
    double value = reach_forms(&query, &candidate, floor);
    if (PyErr_Occurred()) return NULL;
    if (value < 0.0) {
        PyErr_SetString(PyExc_ValueError, "malformed packed token in a name form");
        return NULL;
    }
    return PyFloat_FromDouble(value);
}

/* --- whether pairs of persons reach a threshold, as persons.reaches ---------------------------------------------- */

/* A person as pack_person() lays it out (int32 words): has_dob, year, month, day (0: unknown), sex (0: unknown),
 * the count of nationalities and their codes (sorted), the count of name forms, then per form its size in bytes
 * and its bytes (pack_form()'s), padded to whole words. */
typedef struct {
    int32_t has_dob, year, month, day, sex, n_nationalities, n_forms;
    const int32_t *nationalities;
    const char *forms; /* the first form's size word */
    const char *end;
} Person;

static int parse_person(PyObject *packed, Person *person) {
    if (!PyBytes_Check(packed)) return -1;
    const int32_t *cursor = (const int32_t *)PyBytes_AS_STRING(packed);
    const int32_t *end = cursor + PyBytes_GET_SIZE(packed) / 4;
    if (end - cursor < 6) return -1;
    person->has_dob = *cursor++;
    person->year = *cursor++;
    person->month = *cursor++;
    person->day = *cursor++;
    person->sex = *cursor++;
    person->n_nationalities = *cursor++;
    if (person->n_nationalities < 0 || end - cursor < person->n_nationalities + 1) return -1;
    person->nationalities = cursor;
    cursor += person->n_nationalities;
    person->n_forms = *cursor++;
    if (person->n_forms < 0) return -1;
    person->forms = (const char *)cursor;
    person->end = (const char *)end;
    return 0;
}

enum { UNKNOWN_DATE, EXACT, COMPATIBLE, SWAPPED, CLOSE, CONFLICT };

static int agree(int32_t a, int32_t b) { return a == 0 || b == 0 || a == b; }

/* dates.compare_dates */
static int compare_dates(const Person *a, const Person *b) {
    if (!a->has_dob || !b->has_dob) return UNKNOWN_DATE;
    if (a->year != b->year) {
        int apart = a->year > b->year ? a->year - b->year : b->year - a->year;
        return apart == 1 && agree(a->month, b->month) && agree(a->day, b->day) ? CLOSE : CONFLICT;
    }
    if (a->month == 0 || b->month == 0) return COMPATIBLE;
    if (a->month != b->month) {
        if (a->day != 0 && b->day != 0 && a->month == b->day && a->day == b->month) return SWAPPED;
        return CONFLICT;
    }
    if (a->day == 0 || b->day == 0) return COMPATIBLE;
    return a->day == b->day ? EXACT : CLOSE;
}

static int share_a_nationality(const Person *a, const Person *b) {
    for (int32_t i = 0; i < a->n_nationalities; i++)
        for (int32_t j = 0; j < b->n_nationalities; j++)
            if (a->nationalities[i] == b->nationalities[j]) return 1;
    return 0;
}

/* persons._with_other_evidence */
static double with_other_evidence(double value, const Person *q, const Person *c, int agreement, const Evidence *e) {
    if (agreement == UNKNOWN_DATE) {
    } else if (agreement == CONFLICT) {
        value *= e->conflict;
    } else if (agreement == CLOSE) {
        value *= e->close;
    } else if (agreement == EXACT) {
        value += (1.0 - value) * e->exact;
    } else if (agreement == COMPATIBLE) {
        value += (1.0 - value) * e->compatible;
    } else {
        value += (1.0 - value) * e->swapped;
    }
    if (q->sex && c->sex && q->sex != c->sex) value *= e->sex_conflict;
    if (q->n_nationalities && share_a_nationality(q, c)) value += (1.0 - value) * e->nationality;
    return value;
}

/* Walks a person's forms: the next one into `form`; 0 at the end, -1 when malformed. */
static int next_form(const char **cursor, const char *end, Form *form) {
    if (end - *cursor < 4) return -1;
    int32_t size;
    memcpy(&size, *cursor, 4);
    if (size < 0 || end - *cursor - 4 < size) return -1;
    if (parse_form(*cursor + 4, size, form) < 0) return -1;
    *cursor += 4 + ((size + 3) / 4) * 4;
    return 1;
}

enum { NO = 0, YES = 1, ASK = 2 }; /* ASK: too close to the threshold's rounding, Python decides */

static int decide_pair(const Person *q, const Person *c, double threshold, const Evidence *e) {
    if (q->n_forms == 0 || c->n_forms == 0) return threshold <= 0.0 ? YES : NO;
    int agreement = compare_dates(q, c);
    double low = with_other_evidence(0.0, q, c, agreement, e);
    double high = with_other_evidence(1.0, q, c, agreement, e);
    double floor = (threshold - e->rounding - low) / (high - low);
    if (floor > 1.0) return NO;
    double names = 0.0;
    Form query, candidate;
    const char *q_cursor = q->forms;
    for (int32_t i = 0; i < q->n_forms; i++) {
        if (next_form(&q_cursor, q->end, &query) < 0) return -1;
        const char *c_cursor = c->forms;
        for (int32_t j = 0; j < c->n_forms; j++) {
            if (next_form(&c_cursor, c->end, &candidate) < 0) return -1;
            double value = reach_forms(&query, &candidate, floor);
            if (value < 0.0) return -1;
            if ((i == 0 && j == 0) || value > names) names = value;
        }
    }
    double value = with_other_evidence(names, q, c, agreement, e);
    value = value < 0.0 ? 0.0 : value > 1.0 ? 1.0 : value;
    /* Python compares round(value, 4) with a threshold of four decimals: at or above it the rounded value is too;
     * two steps of the fourth decimal below, it is below; in between, Python rounds. */
    if (value >= threshold) return YES;
    if (value < threshold - 2e-4) return NO;
    return ASK;
}

/* decide(persons, pairs, threshold) -> bytes: per pair (two indexes into persons, flattened), NO, YES or ASK. */
static PyObject *decide(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (!configured(WITH_ALIGNMENT | WITH_EVIDENCE)) return NULL;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "decide() takes persons, pairs and a threshold");
        return NULL;
    }
    double threshold = PyFloat_AsDouble(args[2]);
    if (threshold == -1.0 && PyErr_Occurred()) return NULL;
    const Evidence e = evidence_weights.weights;
    PyObject *persons = PySequence_Fast(args[0], "the persons are a sequence of packed persons");
    if (persons == NULL) return NULL;
    PyObject *pairs = PySequence_Fast(args[1], "the pairs are a sequence of indexes");
    if (pairs == NULL) {
        Py_DECREF(persons);
        return NULL;
    }
    PyObject *result = NULL;
    Py_ssize_t n_persons = PySequence_Fast_GET_SIZE(persons), n_pairs = PySequence_Fast_GET_SIZE(pairs) / 2;
    if (PySequence_Fast_GET_SIZE(pairs) % 2) {
        PyErr_SetString(PyExc_ValueError, "the pairs' indexes come two by two");
        goto done;
    }
    result = PyBytes_FromStringAndSize(NULL, n_pairs);
    if (result == NULL) goto done;
    char *statuses = PyBytes_AS_STRING(result);
    for (Py_ssize_t i = 0; i < n_pairs; i++) {
        Py_ssize_t a = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(pairs, 2 * i));
        Py_ssize_t b = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(pairs, 2 * i + 1));
        if ((a == -1 || b == -1) && PyErr_Occurred()) goto failed;
        if (a < 0 || a >= n_persons || b < 0 || b >= n_persons) {
            PyErr_SetString(PyExc_IndexError, "a pair names a person that is not in the list");
            goto failed;
        }
        Person q, c;
        int status = -1;
        if (parse_person(PySequence_Fast_GET_ITEM(persons, a), &q) == 0 &&
            parse_person(PySequence_Fast_GET_ITEM(persons, b), &c) == 0)
            status = decide_pair(&q, &c, threshold, &e);
        if (PyErr_Occurred()) goto failed;
        if (status < 0) {
            PyErr_SetString(PyExc_ValueError, "malformed packed person");
            goto failed;
        }
        statuses[i] = (char)status;
    }
    goto done;
failed:
    Py_CLEAR(result);
done:
    Py_DECREF(persons);
    Py_DECREF(pairs);
    return result;
}

/* pack_person(has_dob, year, month, day, sex, nationalities, forms): see Person. */
static PyObject *pack_person(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 7) {
        PyErr_SetString(PyExc_TypeError, "pack_person() takes the date's three parts and whether it is known, the "
                                         "sex, the nationalities and the packed name forms");
        return NULL;
    }
    int32_t head[5];
    for (int i = 0; i < 5; i++) {
        long value = PyLong_AsLong(args[i]);
        if (value == -1 && PyErr_Occurred()) return NULL;
        head[i] = (int32_t)value;
    }
    PyObject *nationalities = PySequence_Fast(args[5], "the nationalities are a sequence of codes");
    if (nationalities == NULL) return NULL;
    PyObject *forms = PySequence_Fast(args[6], "the forms are a sequence of packed forms");
    if (forms == NULL) {
        Py_DECREF(nationalities);
        return NULL;
    }
    PyObject *packed = NULL;
    Py_ssize_t n_nationalities = PySequence_Fast_GET_SIZE(nationalities), n_forms = PySequence_Fast_GET_SIZE(forms);
    Py_ssize_t size = 4 * (5 + 1 + n_nationalities + 1);
    for (Py_ssize_t i = 0; i < n_forms; i++) {
        PyObject *form = PySequence_Fast_GET_ITEM(forms, i);
        if (!PyBytes_Check(form)) {
            PyErr_SetString(PyExc_TypeError, "a packed form is bytes from pack_form()");
            goto done;
        }
        size += 4 + ((PyBytes_GET_SIZE(form) + 3) / 4) * 4;
    }
    packed = PyBytes_FromStringAndSize(NULL, size);
    if (packed == NULL) goto done;
    memset(PyBytes_AS_STRING(packed), 0, (size_t)size);
    int32_t *cursor = (int32_t *)PyBytes_AS_STRING(packed);
    memcpy(cursor, head, sizeof(head));
    cursor += 5;
    *cursor++ = (int32_t)n_nationalities;
    for (Py_ssize_t i = 0; i < n_nationalities; i++) {
        long code = PyLong_AsLong(PySequence_Fast_GET_ITEM(nationalities, i));
        if (code == -1 && PyErr_Occurred()) goto failed;
        *cursor++ = (int32_t)code;
    }
    *cursor++ = (int32_t)n_forms;
    for (Py_ssize_t i = 0; i < n_forms; i++) {
        PyObject *form = PySequence_Fast_GET_ITEM(forms, i);
        int32_t length = (int32_t)PyBytes_GET_SIZE(form);
        *cursor++ = length;
        memcpy(cursor, PyBytes_AS_STRING(form), (size_t)length);
        cursor += (length + 3) / 4;
    }
    goto done;
failed:
    Py_CLEAR(packed);
done:
    Py_DECREF(nationalities);
    Py_DECREF(forms);
    return packed;
}

/* pack_form(weights, units): weights per token; units as (mask, initial, head, first_letter, role, text, packed). */
static PyObject *pack_form(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "pack_form() takes the token weights and the units");
        return NULL;
    }
    PyObject *weights = PySequence_Fast(args[0], "the weights are a sequence of floats");
    if (weights == NULL) return NULL;
    PyObject *units = PySequence_Fast(args[1], "the units are a sequence of tuples");
    if (units == NULL) {
        Py_DECREF(weights);
        return NULL;
    }
    PyObject *packed = NULL;
    Py_ssize_t n_tokens = PySequence_Fast_GET_SIZE(weights), n_units = PySequence_Fast_GET_SIZE(units);
    if (n_tokens < 1 || n_tokens > MAX_TOKENS || n_units < 1 || n_units > MAX_UNITS) {
        PyErr_Format(PyExc_ValueError, "a name form has 1 to %d tokens and 1 to %d units", MAX_TOKENS, MAX_UNITS);
        goto done;
    }
    Py_ssize_t size = 8 + 8 * n_tokens;
    for (Py_ssize_t u = 0; u < n_units; u++) {
        PyObject *unit = PySequence_Fast_GET_ITEM(units, u);
        if (!PyTuple_Check(unit) || PyTuple_GET_SIZE(unit) != 7 || !PyUnicode_Check(PyTuple_GET_ITEM(unit, 5)) ||
            !PyBytes_Check(PyTuple_GET_ITEM(unit, 6)) || PyBytes_GET_SIZE(PyTuple_GET_ITEM(unit, 6)) % 4) {
            PyErr_SetString(PyExc_TypeError, "a unit is (mask, initial, head, first_letter, role, text, packed)");
            goto done;
        }
        size += 4 * (7 + PyUnicode_GET_LENGTH(PyTuple_GET_ITEM(unit, 5))) + PyBytes_GET_SIZE(PyTuple_GET_ITEM(unit, 6));
    }
    packed = PyBytes_FromStringAndSize(NULL, size);
    if (packed == NULL) goto done;
    char *bytes = PyBytes_AS_STRING(packed);
    int32_t counts[2] = {(int32_t)n_tokens, (int32_t)n_units};
    memcpy(bytes, counts, 8);
    for (Py_ssize_t i = 0; i < n_tokens; i++) {
        double weight = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(weights, i));
        if (weight == -1.0 && PyErr_Occurred()) goto failed;
        memcpy(bytes + 8 + 8 * i, &weight, 8);
    }
    int32_t *cursor = (int32_t *)(bytes + 8 + 8 * n_tokens);
    for (Py_ssize_t u = 0; u < n_units; u++) {
        PyObject *unit = PySequence_Fast_GET_ITEM(units, u);
        for (int field = 0; field < 5; field++) {
            long value = PyLong_AsLong(PyTuple_GET_ITEM(unit, field));
            if (value == -1 && PyErr_Occurred()) goto failed;
            if (field == 2 && (value < 0 || value >= n_tokens)) {
                PyErr_SetString(PyExc_ValueError, "a unit's head is one of the form's tokens");
                goto failed;
            }
            if (field == 4 && (value < ROLE_ALIAS || value > ROLE_GIVEN)) {
                PyErr_SetString(PyExc_ValueError, "a unit's role is 0 (alias), 1 (family) or 2 (given)");
                goto failed;
            }
            *cursor++ = (int32_t)value;
        }
        PyObject *text = PyTuple_GET_ITEM(unit, 5), *keys = PyTuple_GET_ITEM(unit, 6);
        Py_ssize_t length = PyUnicode_GET_LENGTH(text);
        if (cursor[-4] && length != 1) {
            PyErr_SetString(PyExc_ValueError, "an initial is one letter");
            goto failed;
        }
        *cursor++ = (int32_t)length;
        for (Py_ssize_t i = 0; i < length; i++) *cursor++ = (int32_t)PyUnicode_READ_CHAR(text, i);
        *cursor++ = (int32_t)(PyBytes_GET_SIZE(keys) / 4);
        memcpy(cursor, PyBytes_AS_STRING(keys), (size_t)PyBytes_GET_SIZE(keys));
        cursor += PyBytes_GET_SIZE(keys) / 4;
    }
    goto done;
failed:
    Py_CLEAR(packed);
done:
    Py_DECREF(weights);
    Py_DECREF(units);
    return packed;
}

/* --- templates: packed persons without their weights ---------------------------------------------------------
 *
 * A person's template is what pack_person() makes of it with every token weight 0, followed by, per form and per
 * token, the token's kind (TOKEN_PARTICLE, TOKEN_INITIAL or TOKEN_NAME), then the length and code points of its
 * frequency key (frequencies.frequency_key). It does not depend on a frequency table, so it is made once per record
 * and stored (databases.models.PersonTemplate); weigh() turns templates into packed persons with the weights of a
 * table, as frequencies.NameFrequencies.weight gives them. Templates are stored compact (compact() below). */

enum { TOKEN_PARTICLE = 0, TOKEN_INITIAL = 1, TOKEN_NAME = 2 };

static struct {
    int set;
    double particle, initial, unknown; /* frequencies.PARTICLE_WEIGHT, INITIAL_WEIGHT, UNKNOWN_WEIGHT */
} token_weights;

/* The packed person at the start of a template and where its forms start; -1 when malformed. */
static int template_forms(const char *bytes, Py_ssize_t size, Py_ssize_t *forms, int32_t *n_forms, Py_ssize_t *end) {
    const int32_t *words = (const int32_t *)bytes;
    Py_ssize_t n_words = size / 4;
    if (size % 4 || n_words < 7) return -1;
    int32_t n_nationalities = words[5];
    if (n_nationalities < 0 || n_words < 7 + (Py_ssize_t)n_nationalities) return -1;
    *n_forms = words[6 + n_nationalities];
    if (*n_forms < 0) return -1;
    *forms = 4 * (7 + (Py_ssize_t)n_nationalities);
    Py_ssize_t cursor = *forms;
    for (int32_t f = 0; f < *n_forms; f++) {
        int32_t form_size;
        if (size - cursor < 4) return -1;
        memcpy(&form_size, bytes + cursor, 4);
        if (form_size < 8 || size - cursor - 4 < form_size) return -1;
        cursor += 4 + ((form_size + 3) / 4) * 4;
        if (cursor > size) return -1;
    }
    *end = cursor;
    return 0;
}

/* Templates are stored compact: each int32 word as an unsigned varint, seven bits a byte, low bits first. Nearly
 * every word is below 128 (ASCII letters of phonetic keys, lengths, zero weights), so a template takes about a third
 * of its words' size, and moving hundreds of them from the database is most of what reading them costs. A negative
 * word, which no template holds, would take five bytes. */

/* The number of words in a compact template; -1 when it is not one (a varint cut short or wider than 32 bits). */
static Py_ssize_t compact_words(const unsigned char *in, Py_ssize_t size) {
    Py_ssize_t words = 0;
    int width = 0;
    for (Py_ssize_t i = 0; i < size; i++) {
        if (++width > 5 || (width == 5 && in[i] > 0x0F)) return -1;
        if (!(in[i] & 0x80)) {
            words++;
            width = 0;
        }
    }
    return width ? -1 : words;
}

/* Decode `size` bytes (checked by compact_words) into `out`, one int32 a word. */
static void expand_into(const unsigned char *in, Py_ssize_t size, int32_t *out) {
    uint32_t value = 0;
    int shift = 0;
    for (Py_ssize_t i = 0; i < size; i++) {
        value |= (uint32_t)(in[i] & 0x7F) << shift;
        if (in[i] & 0x80) {
            shift += 7;
            continue;
        }
        *out++ = (int32_t)value;
        value = 0;
        shift = 0;
    }
}

/* compact(words) -> bytes: a template's words (bytes, a multiple of 4 long) in the stored form. */
static PyObject *compact(PyObject *module, PyObject *raw) {
    if (!PyBytes_Check(raw) || PyBytes_GET_SIZE(raw) % 4) {
        PyErr_SetString(PyExc_ValueError, "compact() takes bytes of int32 words");
        return NULL;
    }
    Py_ssize_t n_words = PyBytes_GET_SIZE(raw) / 4;
    PyObject *result = PyBytes_FromStringAndSize(NULL, 5 * n_words);
    if (result == NULL) return NULL;
    unsigned char *out = (unsigned char *)PyBytes_AS_STRING(result), *start = out;
    const char *in = PyBytes_AS_STRING(raw);
    for (Py_ssize_t i = 0; i < n_words; i++) {
        int32_t word;
        memcpy(&word, in + 4 * i, 4);
        uint32_t value = (uint32_t)word;
        while (value >= 0x80) {
            *out++ = (unsigned char)(value | 0x80);
            value >>= 7;
        }
        *out++ = (unsigned char)value;
    }
    if (_PyBytes_Resize(&result, out - start) < 0) return NULL;
    return result;
}

/* The number of words in a stored template; -1 with an exception set when it is not one. */
static Py_ssize_t stored_words(PyObject *stored) {
    if (!PyBytes_Check(stored)) {
        PyErr_SetString(PyExc_TypeError, "a template is bytes (persons.template)");
        return -1;
    }
    Py_ssize_t n_words = compact_words((const unsigned char *)PyBytes_AS_STRING(stored), PyBytes_GET_SIZE(stored));
    if (n_words < 0) PyErr_SetString(PyExc_ValueError, "malformed person template");
    return n_words;
}

/* expand(compact) -> bytes: the words of a stored template again (the inverse of compact()). */
static PyObject *expand(PyObject *module, PyObject *stored) {
    Py_ssize_t n_words = stored_words(stored);
    if (n_words < 0) return NULL;
    PyObject *result = PyBytes_FromStringAndSize(NULL, 4 * n_words);
    if (result != NULL) {
        const unsigned char *in = (const unsigned char *)PyBytes_AS_STRING(stored);
        expand_into(in, PyBytes_GET_SIZE(stored), (int32_t *)PyBytes_AS_STRING(result));
    }
    return result;
}

static PyObject *weigh_words(const char *bytes, Py_ssize_t size, PyObject *table);

/* One stored template weighed into a new packed person; NULL with an exception set on failure. */
static PyObject *weigh_one(PyObject *template, PyObject *table) {
    Py_ssize_t n_words = stored_words(template);
    if (n_words < 0) return NULL;
    const unsigned char *in = (const unsigned char *)PyBytes_AS_STRING(template);
    int32_t stack[1024]; /* a template of a few names is a few hundred words */
    int32_t *words = n_words <= 1024 ? stack : PyMem_Malloc(sizeof(int32_t) * (size_t)n_words);
    if (words == NULL) return PyErr_NoMemory();
    expand_into(in, PyBytes_GET_SIZE(template), words);
    PyObject *packed = weigh_words((const char *)words, 4 * n_words, table);
    if (words != stack) PyMem_Free(words);
    return packed;
}

/* A template's words weighed into a new packed person; NULL with an exception set on failure. */
static PyObject *weigh_words(const char *bytes, Py_ssize_t size, PyObject *table) {
    Py_ssize_t forms, end;
    int32_t n_forms;
    if (template_forms(bytes, size, &forms, &n_forms, &end) < 0) goto malformed;
    PyObject *packed = PyBytes_FromStringAndSize(bytes, end);
    if (packed == NULL) return NULL;
    char *out = PyBytes_AS_STRING(packed);
    const int32_t *trailer = (const int32_t *)(bytes + end), *trailer_end = (const int32_t *)(bytes + size);
    Py_ssize_t cursor = forms;
    for (int32_t f = 0; f < n_forms; f++) {
        int32_t form_size, n_tokens;
        memcpy(&form_size, bytes + cursor, 4);
        memcpy(&n_tokens, bytes + cursor + 4, 4);
        if (n_tokens < 1 || n_tokens > MAX_TOKENS || form_size < 8 + 8 * n_tokens) goto malformed_packed;
        for (int32_t t = 0; t < n_tokens; t++) {
            if (trailer_end - trailer < 2) goto malformed_packed;
            int32_t kind = *trailer++, length = *trailer++;
            if (length < 0 || trailer_end - trailer < length) goto malformed_packed;
            double weight;
            if (kind == TOKEN_PARTICLE) {
                weight = token_weights.particle;
            } else if (kind == TOKEN_INITIAL) {
                weight = token_weights.initial;
            } else if (kind == TOKEN_NAME) {
                PyObject *key = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, trailer, length);
                if (key == NULL) goto failed;
                PyObject *value = PyDict_GetItemWithError(table, key); /* borrowed */
                Py_DECREF(key);
                if (value == NULL && PyErr_Occurred()) goto failed;
                weight = value == NULL ? token_weights.unknown : PyFloat_AsDouble(value);
                if (weight == -1.0 && PyErr_Occurred()) goto failed;
            } else {
                goto malformed_packed;
            }
            trailer += length;
            memcpy(out + cursor + 4 + 8 + 8 * (Py_ssize_t)t, &weight, 8);
        }
        cursor += 4 + ((form_size + 3) / 4) * 4;
    }
    if (trailer != trailer_end) goto malformed_packed;
    return packed;
malformed_packed:
    Py_DECREF(packed);
malformed:
    PyErr_SetString(PyExc_ValueError, "malformed person template");
    return NULL;
failed:
    Py_DECREF(packed);
    return NULL;
}

/* weigh(templates, weights) -> list of packed persons: `weights` maps frequency keys to weights (a dict). */
static PyObject *weigh(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (!token_weights.set) {
        PyErr_SetString(PyExc_RuntimeError, "the token weights were not given (frequencies configures them on import)");
        return NULL;
    }
    if (nargs != 2 || !PyDict_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "weigh() takes templates and a dict of weights by frequency key");
        return NULL;
    }
    PyObject *templates = PySequence_Fast(args[0], "the templates are a sequence of bytes");
    if (templates == NULL) return NULL;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(templates);
    PyObject *result = PyList_New(count);
    if (result != NULL) {
        for (Py_ssize_t i = 0; i < count; i++) {
            PyObject *packed = weigh_one(PySequence_Fast_GET_ITEM(templates, i), args[1]);
            if (packed == NULL) {
                Py_CLEAR(result);
                break;
            }
            PyList_SET_ITEM(result, i, packed);
        }
    }
    Py_DECREF(templates);
    return result;
}

static PyObject *configure_weights(PyObject *module, PyObject *args) {
    if (!PyArg_ParseTuple(args, "ddd", &token_weights.particle, &token_weights.initial, &token_weights.unknown))
        return NULL;
    token_weights.set = 1;
    Py_RETURN_NONE;
}

static PyObject *configure_similarity(PyObject *module, PyObject *args) {
    if (!PyArg_ParseTuple(args, "(ddd)(ddd)dddd", &similarity_weights.same[0], &similarity_weights.same[1],
                          &similarity_weights.same[2], &similarity_weights.cross[0], &similarity_weights.cross[1],
                          &similarity_weights.cross[2], &similarity_weights.density_shift,
                          &similarity_weights.long_vowel_penalty, &similarity_weights.confusable_share,
                          &similarity_weights.confusable_floor))
        return NULL;
    similarity_weights.set = 1;
    Py_RETURN_NONE;
}

static PyObject *configure_alignment(PyObject *module, PyObject *args) {
    if (!PyArg_ParseTuple(args, "ddddddd", &alignment_weights.token_min, &alignment_weights.token_sure,
                          &alignment_weights.initial_similarity, &alignment_weights.conflict_penalty,
                          &alignment_weights.missing_penalty, &alignment_weights.conflict_share,
                          &alignment_weights.order_swap_cost))
        return NULL;
    alignment_weights.set = 1;
    Py_RETURN_NONE;
}

static PyObject *configure_evidence(PyObject *module, PyObject *args) {
    Evidence *e = &evidence_weights.weights;
    if (!PyArg_ParseTuple(args, "dddddddd", &e->conflict, &e->close, &e->exact, &e->compatible, &e->swapped,
                          &e->sex_conflict, &e->nationality, &e->rounding))
        return NULL;
    evidence_weights.set = 1;
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"configure_similarity", configure_similarity, METH_VARARGS,
     "configure_similarity(same, cross, density_shift, long_vowel_penalty, confusable_share, confusable_floor): "
     "phonetic's weights."},
    {"configure_alignment", configure_alignment, METH_VARARGS,
     "configure_alignment(token_min, token_sure, initial_similarity, conflict_penalty, missing_penalty, "
     "conflict_share, order_swap_cost): names' constants."},
    {"configure_evidence", configure_evidence, METH_VARARGS,
     "configure_evidence(conflict, close, exact, compatible, swapped, sex_conflict, nationality, rounding): "
     "persons' weights of the other evidence."},
    {"pack", pack, METH_O, "pack(keys) -> bytes: a token's keys, each (arabic, long_vowels, skeleton, vowelled, "
                           "vowels, vowelled_ae), in the layout similarity() reads."},
    {"similarity", (PyCFunction)(void (*)(void))similarity, METH_FASTCALL,
     "similarity(packed_a, packed_b) -> float: the best pair similarity over the two tokens' keys."},
    {"pack_form", (PyCFunction)(void (*)(void))pack_form, METH_FASTCALL,
     "pack_form(weights, units) -> bytes: a name form with its token weights, in the layout reach() reads."},
    {"reach", (PyCFunction)(void (*)(void))reach, METH_FASTCALL,
     "reach(query_form, candidate_form, floor) -> float: names.reaching_python on packed forms."},
    {"pack_person", (PyCFunction)(void (*)(void))pack_person, METH_FASTCALL,
     "pack_person(has_dob, year, month, day, sex, nationalities, forms) -> bytes: a person for decide()."},
    {"configure_weights", configure_weights, METH_VARARGS,
     "configure_weights(particle, initial, unknown): frequencies' weights of particles, initials and unknown names."},
    {"compact", compact, METH_O, "compact(words) -> bytes: a template's int32 words in the stored form (varints)."},
    {"expand", expand, METH_O, "expand(stored) -> bytes: a stored template's int32 words (the inverse of compact)."},
    {"weigh", (PyCFunction)(void (*)(void))weigh, METH_FASTCALL,
     "weigh(templates, weights) -> list: packed persons for decide() from templates and weights by frequency key."},
    {"decide", (PyCFunction)(void (*)(void))decide, METH_FASTCALL,
     "decide(persons, pairs, threshold) -> bytes: per pair 0 (no), 1 (reaches) or 2 (ask Python)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_scoring",
                                     "Token similarity, name alignment and pair decisions in C.", -1, methods};

PyMODINIT_FUNC PyInit__scoring(void) { return PyModule_Create(&module); }
