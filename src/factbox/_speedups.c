/* factbox._speedups: the compiled hot path of factbox.profile() (optional).
 *
 * Two functions, each an exact replacement for a pure-Python reference that stays in the
 * package (tests compare both on arbitrary input):
 *
 *   scan(text, spans)  -> (fold_of, freqs, type_ids, lengths, firsts, capitalised)
 *       reference: factbox.tokens.scan_python. One pass over text[a:b] for each (a, b) in
 *       spans that finds exactly TOKEN_RE.findall(text, a, b)'s tokens (factbox/tokens.py:
 *       initialisms, numbers with separators, words with internal apostrophes) and counts
 *       them: distinct forms are found with a hash table over the text's own characters, so
 *       a repeated form costs no allocation; each new form is case folded once.
 *
 *   sequence_measures(type_ids, n_types, window, segment, threshold)
 *       -> (msttr_types, mattr_types, mtld_forward, mtld_backward)
 *       reference: factbox.diversity._sequence_measures_python. Sums of types over MSTTR
 *       segments and MATTR windows (exact integers) and the MTLD factors of both passes.
 *
 * Built by setup.py as an optional extension: without a compiler factbox runs the Python
 * reference. FACTBOX_PURE_PYTHON=1 forces the reference. See docs/performance.md.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h> /* T_OBJECT_EX, READONLY */
#include <math.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h> /* 8 UTF-16 code units at a time in the sentence scans */
#define FACTBOX_SSE2 1
#endif

/* ---- the token definition (factbox/tokens.py) ------------------------------------------ */

static inline int
is_L(Py_UCS4 c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x24F) ||
           (c >= 0x1E00 && c <= 0x1EFF);
}

static inline int
is_D(Py_UCS4 c)
{
    return c >= '0' && c <= '9';
}

static inline int
is_LD(Py_UCS4 c)
{
    return is_D(c) || is_L(c);
}

static inline int
is_APOS(Py_UCS4 c)
{
    return c == '\'' || c == 0x2019;
}

#define RD(i) PyUnicode_READ(kind, data, (i))

/* next_token_K(d, p, b, &start): the first token of TOKEN_RE in d[p:b] (the regex sees b as
 * the end of the string); returns its end and sets *start, or returns -1 when there is none.
 * A letter or digit always starts a token. One copy per string kind (_speedups_token.h).
 *
 * TOKEN_RE = [L](?:(?:\.[L])+\.?(?![LD]) | [LD]*(?:[APOS][LD]+)*) | [0-9]+(?:[.,][0-9]+)*(?:[L]+)?
 */
#define T Py_UCS1
#define NAME next_token_1
#include "_speedups_token.h"
#define T Py_UCS2
#define NAME next_token_2
#include "_speedups_token.h"
#define T Py_UCS4
#define NAME next_token_4
#include "_speedups_token.h"

static inline Py_ssize_t
next_token(int kind, const void *data, Py_ssize_t p, Py_ssize_t b, Py_ssize_t *start)
{
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        return next_token_1((const Py_UCS1 *)data, p, b, start);
    case PyUnicode_2BYTE_KIND:
        return next_token_2((const Py_UCS2 *)data, p, b, start);
    default:
        return next_token_4((const Py_UCS4 *)data, p, b, start);
    }
}

/* ---- a hash table of the distinct forms, keyed by their characters in the text ---------- */

typedef struct {
    Py_ssize_t start; /* offset of the form's first occurrence in the text */
    Py_ssize_t len;   /* -1: empty slot */
    uint64_t hash;
    Py_ssize_t id; /* form id */
} Slot;

typedef struct {
    Slot *slots;
    Py_ssize_t mask; /* capacity − 1 (a power of 2) */
    Py_ssize_t used;
} Table;

static int
table_init(Table *t, Py_ssize_t capacity)
{
    Py_ssize_t cap = 64;
    while (cap < 2 * capacity)
        cap <<= 1;
    t->slots = PyMem_Malloc(cap * sizeof(Slot));
    if (t->slots == NULL)
        return -1;
    for (Py_ssize_t i = 0; i < cap; i++)
        t->slots[i].len = -1;
    t->mask = cap - 1;
    t->used = 0;
    return 0;
}

static int
table_grow(Table *t)
{
    Py_ssize_t cap = 2 * (t->mask + 1);
    Slot *slots = PyMem_Malloc(cap * sizeof(Slot));
    if (slots == NULL)
        return -1;
    for (Py_ssize_t i = 0; i < cap; i++)
        slots[i].len = -1;
    for (Py_ssize_t i = 0; i <= t->mask; i++) {
        Slot *s = &t->slots[i];
        if (s->len < 0)
            continue;
        Py_ssize_t j = (Py_ssize_t)(s->hash & (uint64_t)(cap - 1));
        while (slots[j].len >= 0)
            j = (j + 1) & (cap - 1);
        slots[j] = *s;
    }
    PyMem_Free(t->slots);
    t->slots = slots;
    t->mask = cap - 1;
    return 0;
}

/* FNV-1a over the code units of one string kind (equal strings have the same kind, so equal
 * strings hash alike), then a 64-bit finaliser (MurmurHash3's fmix64): all bits reach the low
 * ones. *maxchar gets the OR of the units (below 0x80: an ASCII string). */
#define HASH_UNITS(T)                                                                          \
    do {                                                                                       \
        const T *u = (const T *)data + start;                                                  \
        for (Py_ssize_t i = 0; i < n; i++) {                                                   \
            h ^= u[i];                                                                         \
            h *= 1099511628211ULL;                                                             \
            m |= u[i];                                                                         \
        }                                                                                      \
    } while (0)

static inline uint64_t
hash_units(int kind, const void *data, Py_ssize_t start, Py_ssize_t n, Py_UCS4 *maxchar)
{
    uint64_t h = 1469598103934665603ULL;
    Py_UCS4 m = 0;
    if (kind == PyUnicode_1BYTE_KIND)
        HASH_UNITS(Py_UCS1);
    else if (kind == PyUnicode_2BYTE_KIND)
        HASH_UNITS(Py_UCS2);
    else
        HASH_UNITS(Py_UCS4);
    *maxchar = m;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 33);
}
#undef HASH_UNITS

/* text[start:start + n] as a new string (the same as PyUnicode_Substring), given the OR of
 * its code units (from hash_units): below 0x80 every character is ASCII and the search for
 * the largest one is not needed. */
static PyObject *
substring(int kind, const void *data, Py_ssize_t start, Py_ssize_t n, Py_UCS4 unit_or)
{
    if (unit_or >= 0x80)
        return PyUnicode_FromKindAndData(kind, (const char *)data + start * kind, n);
    PyObject *out = PyUnicode_New(n, 0x7F);
    if (out == NULL)
        return NULL;
    Py_UCS1 *o = PyUnicode_1BYTE_DATA(out);
    if (kind == PyUnicode_1BYTE_KIND)
        memcpy(o, (const Py_UCS1 *)data + start, n);
    else if (kind == PyUnicode_2BYTE_KIND)
        for (Py_ssize_t i = 0; i < n; i++)
            o[i] = (Py_UCS1)((const Py_UCS2 *)data)[start + i];
    else
        for (Py_ssize_t i = 0; i < n; i++)
            o[i] = (Py_UCS1)((const Py_UCS4 *)data)[start + i];
    return out;
}

/* The id of the type string ``typ`` in ``types`` (a table keyed by the type's characters;
 * ``type_list`` holds the strings by id), adding it with the next id when it is new. Equal
 * strings have the same kind (CPython keeps strings in their smallest kind), so the kind and
 * the bytes decide. Returns -1 on error. */
static Py_ssize_t
type_id(Table *types, PyObject *type_list, PyObject *typ)
{
    int kind = PyUnicode_KIND(typ);
    Py_ssize_t len = PyUnicode_GET_LENGTH(typ);
    const unsigned char *d = (const unsigned char *)PyUnicode_DATA(typ);
    Py_UCS4 maxchar;
    uint64_t h = hash_units(kind, d, 0, len, &maxchar);
    Py_ssize_t j = (Py_ssize_t)(h & (uint64_t)types->mask);
    for (;;) {
        Slot *sl = &types->slots[j];
        if (sl->len < 0)
            break;
        if (sl->hash == h && sl->len == len) {
            PyObject *o = PyList_GET_ITEM(type_list, sl->id);
            if (PyUnicode_KIND(o) == kind && memcmp(PyUnicode_DATA(o), d, len * kind) == 0)
                return sl->id;
        }
        j = (j + 1) & types->mask;
    }
    Py_ssize_t id = PyList_GET_SIZE(type_list);
    if (PyList_Append(type_list, typ) < 0)
        return -1;
    Slot *sl = &types->slots[j];
    sl->start = 0;
    sl->len = len;
    sl->hash = h;
    sl->id = id;
    if (++types->used * 2 > types->mask + 1 && table_grow(types) < 0) {
        PyErr_NoMemory();
        return -1;
    }
    return id;
}

/* ---- scan -------------------------------------------------------------------------------- */

typedef struct {
    int32_t *v;
    Py_ssize_t n, cap;
} IntVec;

static inline int
vec_push(IntVec *a, int32_t x)
{
    if (a->n == a->cap) {
        Py_ssize_t cap = a->cap ? 2 * a->cap : 1024;
        int32_t *v = PyMem_Realloc(a->v, cap * sizeof(int32_t));
        if (v == NULL)
            return -1;
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n++] = x;
    return 0;
}

static PyObject *casefold_method; /* str.casefold */
static PyObject *typographic_apostrophe, *ascii_apostrophe;

/* fold(form) = form.casefold().replace("\u2019", "'") (factbox.tokens.fold); a form of
 * ASCII characters without capitals is its own fold (a new reference either way) */
static PyObject *
fold(PyObject *form)
{
    if (PyUnicode_IS_ASCII(form)) {
        const Py_UCS1 *c = PyUnicode_1BYTE_DATA(form);
        Py_ssize_t n = PyUnicode_GET_LENGTH(form), i = 0;
        while (i < n && !(c[i] >= 'A' && c[i] <= 'Z'))
            i++;
        if (i == n) {
            Py_INCREF(form);
            return form;
        }
        /* ASCII: casefold() is lower(), and there is no U+2019 */
        PyObject *f = PyUnicode_New(n, 0x7F);
        if (f == NULL)
            return NULL;
        Py_UCS1 *o = PyUnicode_1BYTE_DATA(f);
        for (i = 0; i < n; i++)
            o[i] = c[i] >= 'A' && c[i] <= 'Z' ? c[i] + 32 : c[i];
        return f;
    }
    PyObject *f = PyObject_CallOneArg(casefold_method, form);
    if (f == NULL)
        return NULL;
    if (PyUnicode_FindChar(f, 0x2019, 0, PyUnicode_GET_LENGTH(f), 1) >= 0) {
        PyObject *r = PyUnicode_Replace(f, typographic_apostrophe, ascii_apostrophe, -1);
        Py_DECREF(f);
        return r;
    }
    return f;
}

static PyObject *
new_dict(Py_ssize_t size)
{
#if PY_VERSION_HEX < 0x030D0000
    return _PyDict_NewPresized(size);
#else
    (void)size;
    return PyDict_New();
#endif
}

static PyObject *
scan(PyObject *module, PyObject *args)
{
    PyObject *text, *spans;
    if (!PyArg_ParseTuple(args, "UO:scan", &text, &spans))
        return NULL;
    if (PyUnicode_READY(text) < 0)
        return NULL;
    /* a tuple copy: code run by a conversion below cannot change it under us */
    PyObject *seq = PySequence_Tuple(spans);
    if (seq == NULL)
        return NULL;

    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const unsigned char *bytes = (const unsigned char *)data;
    Py_ssize_t text_len = PyUnicode_GET_LENGTH(text);
    Py_ssize_t n_spans = PyTuple_GET_SIZE(seq);

    Table table = {NULL, 0, 0}, type_table = {NULL, 0, 0};
    IntVec form_cap = {NULL, 0, 0}; /* form id -> 1 when it starts with a capital */
    IntVec type_cap = {NULL, 0, 0};
    IntVec form_type = {NULL, 0, 0}; /* form id -> type id */
    IntVec form_count = {NULL, 0, 0};
    IntVec type_count = {NULL, 0, 0};
    IntVec form_ids = {NULL, 0, 0}; /* per token */
    PyObject *form_list = NULL, *type_list = NULL, *types = NULL, *lengths = NULL;
    PyObject *firsts = NULL, *fold_of = NULL, *type_ids = NULL;
    PyObject *capitalised = NULL;
    PyObject *result = NULL;

    if (table_init(&table, text_len / 12 + 16) < 0 ||
        table_init(&type_table, text_len / 16 + 16) < 0)
        goto nomem;
    form_list = PyList_New(0);
    type_list = PyList_New(0);
    lengths = PyList_New(n_spans);
    firsts = PyList_New(n_spans);
    if (form_list == NULL || type_list == NULL || lengths == NULL || firsts == NULL)
        goto error;

    for (Py_ssize_t s = 0; s < n_spans; s++) {
        Py_ssize_t a, b;
        PyObject *pair = PyTuple_GET_ITEM(seq, s);
        if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
            PyErr_SetString(PyExc_TypeError, "spans must be a sequence of (start, end) pairs");
            goto error;
        }
        a = PyLong_AsSsize_t(PyTuple_GET_ITEM(pair, 0));
        if (a == -1 && PyErr_Occurred())
            goto error;
        b = PyLong_AsSsize_t(PyTuple_GET_ITEM(pair, 1));
        if (b == -1 && PyErr_Occurred())
            goto error;
        if (a < 0) /* the slice semantics of findall(text, a, b) */
            a = 0;
        if (b > text_len)
            b = text_len;
        Py_ssize_t before = form_ids.n;
        Py_ssize_t p = a, start, e;
        while ((e = next_token(kind, data, p, b, &start)) >= 0) {
            Py_ssize_t len = e - start;
            const unsigned char *chars = bytes + start * kind;
            Py_UCS4 maxchar;
            uint64_t h = hash_units(kind, data, start, len, &maxchar);
            Py_ssize_t j = (Py_ssize_t)(h & (uint64_t)table.mask);
            Py_ssize_t id = -1;
            for (;;) {
                Slot *sl = &table.slots[j];
                if (sl->len < 0)
                    break;
                if (sl->hash == h && sl->len == len &&
                    memcmp(bytes + sl->start * kind, chars, len * kind) == 0) {
                    id = sl->id;
                    break;
                }
                j = (j + 1) & table.mask;
            }
            if (id < 0) { /* a new form */
                id = PyList_GET_SIZE(form_list);
                if (id >= INT32_MAX) {
                    PyErr_SetString(PyExc_OverflowError, "too many distinct tokens");
                    goto error;
                }
                PyObject *form = substring(kind, data, start, len, maxchar);
                if (form == NULL)
                    goto error;
                int rc = PyList_Append(form_list, form);
                Py_DECREF(form);
                if (rc < 0)
                    goto error;
                PyObject *typ = fold(form);
                if (typ == NULL)
                    goto error;
                Py_ssize_t n_types = PyList_GET_SIZE(type_list);
                Py_ssize_t t = type_id(&type_table, type_list, typ);
                Py_DECREF(typ);
                if (t < 0)
                    goto error;
                if (t == n_types && (vec_push(&type_count, 0) < 0 || vec_push(&type_cap, 0) < 0))
                    goto nomem;
                if (vec_push(&form_cap, Py_UNICODE_ISUPPER(PyUnicode_READ_CHAR(form, 0)) != 0) <
                    0)
                    goto nomem;
                if (vec_push(&form_type, (int32_t)t) < 0 || vec_push(&form_count, 0) < 0)
                    goto nomem;
                Slot *sl = &table.slots[j];
                sl->start = start;
                sl->len = len;
                sl->hash = h;
                sl->id = id;
                if (++table.used * 2 > table.mask + 1 && table_grow(&table) < 0)
                    goto nomem;
            }
            if (form_ids.n >= INT32_MAX) { /* counts are 32-bit: over 2**31 tokens (> 4 GB) */
                PyErr_SetString(PyExc_OverflowError, "too many tokens for one text");
                goto error;
            }
            form_count.v[id]++;
            if (vec_push(&form_ids, (int32_t)id) < 0)
                goto nomem;
            p = e;
        }
        PyObject *n = PyLong_FromSsize_t(form_ids.n - before);
        if (n == NULL)
            goto error;
        PyList_SET_ITEM(lengths, s, n);
        PyObject *first = Py_None;
        if (form_ids.n > before)
            first = PyList_GET_ITEM(form_list, form_ids.v[before]);
        Py_INCREF(first);
        PyList_SET_ITEM(firsts, s, first);
    }

    /* fold_of: form -> type; types (freqs): type -> count;
     * capitalised: type -> occurrences that start with a capital, in the order of the first
     * such form */
    Py_ssize_t n_forms = PyList_GET_SIZE(form_list);
    Py_ssize_t n_types = PyList_GET_SIZE(type_list);
    fold_of = new_dict(n_forms);
    types = new_dict(n_types);
    capitalised = PyDict_New();
    type_ids = PyBytes_FromStringAndSize(NULL, form_ids.n * (Py_ssize_t)sizeof(int32_t));
    if (fold_of == NULL || types == NULL || capitalised == NULL || type_ids == NULL)
        goto error;
    for (Py_ssize_t i = 0; i < n_forms; i++) {
        PyObject *form = PyList_GET_ITEM(form_list, i);
        int32_t t = form_type.v[i];
        type_count.v[t] += form_count.v[i];
        if (form_cap.v[i])
            type_cap.v[t] += form_count.v[i];
        if (PyDict_SetItem(fold_of, form, PyList_GET_ITEM(type_list, t)) < 0)
            goto error;
    }
    for (Py_ssize_t t = 0; t < n_types; t++) {
        PyObject *c = PyLong_FromLong(type_count.v[t]);
        if (c == NULL)
            goto error;
        int rc = PyDict_SetItem(types, PyList_GET_ITEM(type_list, t), c);
        Py_DECREF(c);
        if (rc < 0)
            goto error;
    }
    for (Py_ssize_t i = 0; i < n_forms; i++) {
        int32_t t = form_type.v[i];
        if (!form_cap.v[i] || type_cap.v[t] < 0)
            continue;
        PyObject *c = PyLong_FromLong(type_cap.v[t]);
        if (c == NULL)
            goto error;
        int rc = PyDict_SetItem(capitalised, PyList_GET_ITEM(type_list, t), c);
        Py_DECREF(c);
        if (rc < 0)
            goto error;
        type_cap.v[t] = -1; /* done */
    }
    {
        int32_t *out = (int32_t *)PyBytes_AS_STRING(type_ids);
        for (Py_ssize_t i = 0; i < form_ids.n; i++)
            out[i] = form_type.v[form_ids.v[i]];
    }
    result = PyTuple_Pack(6, fold_of, types, type_ids, lengths, firsts, capitalised);
    goto done;

nomem:
    PyErr_NoMemory();
error:
done:
    PyMem_Free(table.slots);
    PyMem_Free(type_table.slots);
    PyMem_Free(form_cap.v);
    PyMem_Free(type_cap.v);
    PyMem_Free(form_type.v);
    PyMem_Free(form_count.v);
    PyMem_Free(type_count.v);
    PyMem_Free(form_ids.v);
    Py_XDECREF(form_list);
    Py_XDECREF(type_list);
    Py_XDECREF(types);
    Py_XDECREF(lengths);
    Py_XDECREF(firsts);
    Py_XDECREF(fold_of);
    Py_XDECREF(type_ids);
    Py_XDECREF(capitalised);
    Py_DECREF(seq);
    return result;
}

/* ---- the sequence measures of lexical diversity ------------------------------------------ */

/* MTLD factors of one pass (factbox.diversity._mtld_factors): ``step`` is +1 (forward) or −1
 * (backward). ``stamp`` has n_types entries. */
static double
mtld_pass(const int32_t *ids, Py_ssize_t n, int64_t *stamp, Py_ssize_t n_types, int step,
          double threshold)
{
    for (Py_ssize_t t = 0; t < n_types; t++)
        stamp[t] = -1;
    int64_t factor = 0;
    Py_ssize_t start = 0, reps = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int32_t t = ids[step > 0 ? i : n - 1 - i];
        if (stamp[t] == factor) { /* its previous occurrence is in the current factor */
            reps++;
            Py_ssize_t count = i - start + 1;
            if ((double)(count - reps) / (double)count <= threshold) {
                factor++;
                start = i + 1;
                reps = 0;
            }
        } else {
            stamp[t] = factor;
        }
    }
    Py_ssize_t count = n - start;
    if (count)
        return (double)factor +
               (1.0 - (double)(count - reps) / (double)count) / (1.0 - threshold);
    return (double)factor;
}

static PyObject *
sequence_measures(PyObject *module, PyObject *args)
{
    Py_buffer buf;
    Py_ssize_t n_types, window, segment;
    double threshold;
    if (!PyArg_ParseTuple(args, "y*nnnd:sequence_measures", &buf, &n_types, &window, &segment,
                          &threshold))
        return NULL;
    PyObject *result = NULL;
    int64_t *count = NULL;
    if (buf.len % (Py_ssize_t)sizeof(int32_t) != 0 || n_types < 0 || window < 1 ||
        segment < 1) {
        PyErr_SetString(PyExc_ValueError, "bad arguments to sequence_measures");
        goto done;
    }
    const int32_t *ids = (const int32_t *)buf.buf;
    Py_ssize_t n = buf.len / (Py_ssize_t)sizeof(int32_t);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (ids[i] < 0 || ids[i] >= n_types) {
            PyErr_SetString(PyExc_ValueError, "type id out of range");
            goto done;
        }
    }
    count = PyMem_Calloc(n_types ? n_types : 1, sizeof(int64_t));
    if (count == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    PyObject *msttr = Py_None, *mattr = Py_None, *fwd = Py_None, *bwd = Py_None;
    Py_INCREF(msttr);
    Py_INCREF(mattr);
    Py_INCREF(fwd);
    Py_INCREF(bwd);

    /* MSTTR: Σ over complete segments of its distinct types */
    Py_ssize_t k = n / segment;
    if (k > 0) {
        int64_t total = 0;
        for (Py_ssize_t s = 0; s < k; s++) {
            const int32_t *seg = ids + s * segment;
            for (Py_ssize_t i = 0; i < segment; i++)
                total += (count[seg[i]]++ == 0);
            for (Py_ssize_t i = 0; i < segment; i++)
                count[seg[i]] = 0;
        }
        Py_SETREF(msttr, PyLong_FromLongLong(total));
    }
    /* MATTR: Σ over all windows of W tokens of its distinct types */
    if (n >= window && msttr != NULL) {
        int64_t distinct = 0, total = 0;
        for (Py_ssize_t i = 0; i < window; i++)
            distinct += (count[ids[i]]++ == 0);
        total = distinct;
        for (Py_ssize_t i = window; i < n; i++) {
            distinct -= (--count[ids[i - window]] == 0);
            distinct += (count[ids[i]]++ == 0);
            total += distinct;
        }
        Py_SETREF(mattr, PyLong_FromLongLong(total));
    }
    /* MTLD: the factors of the forward and the backward pass */
    if (n > 0 && msttr != NULL && mattr != NULL) {
        double f = mtld_pass(ids, n, count, n_types, 1, threshold);
        Py_SETREF(fwd, PyFloat_FromDouble(f));
        if (fwd != NULL) {
            double g = mtld_pass(ids, n, count, n_types, -1, threshold);
            Py_SETREF(bwd, PyFloat_FromDouble(g));
        }
    }
    if (msttr != NULL && mattr != NULL && fwd != NULL && bwd != NULL)
        result = PyTuple_Pack(4, msttr, mattr, fwd, bwd);
    Py_XDECREF(msttr);
    Py_XDECREF(mattr);
    Py_XDECREF(fwd);
    Py_XDECREF(bwd);
done:
    PyMem_Free(count);
    PyBuffer_Release(&buf);
    return result;
}

/* ---- sentence boundaries (factbox/sentences.py) ------------------------------------------ */

static inline int
is_terminal(Py_UCS4 c) /* [.!?…‽] */
{
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x203D;
}

static inline int
is_terminal_or_closer(Py_UCS4 c) /* [.!?…‽"'”’»)\]}] */
{
    return is_terminal(c) || c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0xBB ||
           c == ')' || c == ']' || c == '}';
}

static inline int
is_close_only(Py_UCS4 c) /* sentences._CLOSE_ONLY = ”’»)]} */
{
    return c == 0x201D || c == 0x2019 || c == 0xBB || c == ')' || c == ']' || c == '}';
}

/* The end of the match of sentences._CAND_RE at i in text[:e], or -1:
 * [.!?…‽][.!?…‽"'”’»)\]}]*(?=\s|[A-Z][a-z]), with the regex's backtracking of the run. */
static inline Py_ssize_t
candidate_end(int kind, const void *data, Py_ssize_t i, Py_ssize_t e)
{
    Py_ssize_t j = i + 1;
    while (j < e && is_terminal_or_closer(RD(j)))
        j++;
    for (; j > i; j--) {
        if (j < e) {
            Py_UCS4 c = RD(j);
            if (Py_UNICODE_ISSPACE(c))
                return j;
            if (c >= 'A' && c <= 'Z' && j + 1 < e) {
                Py_UCS4 d = RD(j + 1);
                if (d >= 'a' && d <= 'z')
                    return j;
            }
        }
    }
    return -1;
}

static inline int
is_opener(Py_UCS4 c) /* sentences._OPENERS = "'“‘«([{¿¡ */
{
    return c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == 0xAB || c == '(' ||
           c == '[' || c == '{' || c == 0xBF || c == 0xA1;
}

static inline int
is_closer(Py_UCS4 c) /* sentences._CLOSERS = "'”’»)]} */
{
    return c == '"' || c == '\'' || is_close_only(c);
}

static inline int
is_quote_close(Py_UCS4 c) /* sentences._QUOTES_CLOSE = "'”’» */
{
    return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0xBB;
}

static inline int
is_bullet(Py_UCS4 c) /* sentences._BULLETS = •▪◦‣●■►⁃ */
{
    return c == 0x2022 || c == 0x25AA || c == 0x25E6 || c == 0x2023 || c == 0x25CF ||
           c == 0x25A0 || c == 0x25BA || c == 0x2043;
}

static inline int
is_ascii_digit(Py_UCS4 c)
{
    return c >= '0' && c <= '9';
}

/* The first i in [i, e) where text[i] is end punctuation, or e; one loop per string kind. */
static inline Py_ssize_t
find_terminal(int kind, const void *data, Py_ssize_t i, Py_ssize_t e)
{
    switch (kind) {
    case PyUnicode_1BYTE_KIND: {
        const Py_UCS1 *d = (const Py_UCS1 *)data; /* … and ‽ are above U+00FF */
        while (i < e && d[i] != '.' && d[i] != '!' && d[i] != '?')
            i++;
        return i;
    }
    case PyUnicode_2BYTE_KIND: {
        const Py_UCS2 *d = (const Py_UCS2 *)data;
#ifdef FACTBOX_SSE2
        const __m128i dot = _mm_set1_epi16('.'), bang = _mm_set1_epi16('!');
        const __m128i ques = _mm_set1_epi16('?'), ell = _mm_set1_epi16((short)0x2026);
        const __m128i interrobang = _mm_set1_epi16((short)0x203D);
        for (; i + 8 <= e; i += 8) {
            __m128i v = _mm_loadu_si128((const __m128i *)(d + i));
            __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi16(v, dot), _mm_cmpeq_epi16(v, bang)),
                                     _mm_or_si128(_mm_cmpeq_epi16(v, ques),
                                                  _mm_or_si128(_mm_cmpeq_epi16(v, ell),
                                                               _mm_cmpeq_epi16(v, interrobang))));
            int mask = _mm_movemask_epi8(m);
            if (mask)
                return i + (__builtin_ctz((unsigned)mask) >> 1);
        }
#endif
        while (i < e && !is_terminal(d[i]))
            i++;
        return i;
    }
    default: {
        const Py_UCS4 *d = (const Py_UCS4 *)data;
        while (i < e && !is_terminal(d[i]))
            i++;
        return i;
    }
    }
}

/* The first i in [i, e) where text[i] == '\n', or e. */
static inline Py_ssize_t
find_newline(int kind, const void *data, Py_ssize_t i, Py_ssize_t e)
{
    switch (kind) {
    case PyUnicode_1BYTE_KIND: {
        const Py_UCS1 *d = (const Py_UCS1 *)data;
        const Py_UCS1 *q = i < e ? memchr(d + i, '\n', e - i) : NULL;
        return q == NULL ? e : q - d;
    }
    case PyUnicode_2BYTE_KIND: {
        const Py_UCS2 *d = (const Py_UCS2 *)data;
#ifdef FACTBOX_SSE2
        const __m128i nl = _mm_set1_epi16('\n');
        for (; i + 8 <= e; i += 8) {
            __m128i v = _mm_loadu_si128((const __m128i *)(d + i));
            int mask = _mm_movemask_epi8(_mm_cmpeq_epi16(v, nl));
            if (mask)
                return i + (__builtin_ctz((unsigned)mask) >> 1);
        }
#endif
        while (i < e && d[i] != '\n')
            i++;
        return i;
    }
    default: {
        const Py_UCS4 *d = (const Py_UCS4 *)data;
        while (i < e && d[i] != '\n')
            i++;
        return i;
    }
    }
}

/* Every key of _EXACT and _ANYCASE has at most this many characters (sentence_cuts checks), and
 * lower() never shortens a string: longer chunks need no look-up. */
#define MAX_ABBREVIATION 8

/* What sentences._cuts needs while it works on one text. */
typedef struct {
    PyObject *text;
    int kind;
    const void *data;
    Py_ssize_t n;
    PyObject *exact, *anycase; /* sentences._EXACT, sentences._ANYCASE */
    PyObject *line_break;      /* sentences._line_break_ends_sentence */
    PyObject *candidate;       /* sentences._candidate */
    PyObject *cuts;            /* the list being built */
    /* a filter in front of the look-ups: bit x of first[n] is set when a key of n characters
     * of _EXACT or _ANYCASE starts with the letter 'a' + x (either case); any_key: a key
     * that does not start with an ASCII letter, and every chunk is looked up */
    uint32_t first[9];
    int any_key;
} Cuts;

static int
add_to_filter(Cuts *c, PyObject *dict)
{
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(dict, &pos, &key, &value)) {
        if (!PyUnicode_Check(key)) {
            c->any_key = 1;
            continue;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(key);
        if (n > MAX_ABBREVIATION) {
            PyErr_SetString(PyExc_ValueError, "abbreviations have at most 8 characters");
            return -1;
        }
        Py_UCS4 x = n ? PyUnicode_READ_CHAR(key, 0) : 0;
        if (x >= 'A' && x <= 'Z')
            x += 32;
        if (x >= 'a' && x <= 'z')
            c->first[n] |= 1u << (x - 'a');
        else
            c->any_key = 1;
    }
    return 0;
}

/* 0 when text[a:b] (or its lower case) cannot be a key of _EXACT or _ANYCASE, else 1 */
static inline int
maybe_abbreviation(Cuts *c, Py_ssize_t a, Py_ssize_t b)
{
    int kind = c->kind;
    const void *data = c->data;
    if (b - a > MAX_ABBREVIATION)
        return 0; /* lower() never shortens a string */
    if (c->any_key || a >= b)
        return 1;
    for (Py_ssize_t q = a; q < b; q++)
        if (RD(q) >= 0x80)
            return 1; /* lower() may change the length */
    Py_UCS4 x = RD(a);
    if (x >= 'A' && x <= 'Z')
        x += 32;
    if (!(x >= 'a' && x <= 'z'))
        return 1;
    return (c->first[b - a] >> (x - 'a')) & 1;
}

static int
append_cut(Cuts *c, Py_ssize_t x)
{
    PyObject *v = PyLong_FromSsize_t(x);
    if (v == NULL)
        return -1;
    int rc = PyList_Append(c->cuts, v);
    Py_DECREF(v);
    return rc;
}

/* s.lower() (a new reference); ASCII strings without a call of the method. */
static PyObject *
lower_of(PyObject *s)
{
    if (!PyUnicode_IS_ASCII(s))
        return PyObject_CallMethod(s, "lower", NULL);
    const Py_UCS1 *d = PyUnicode_1BYTE_DATA(s);
    Py_ssize_t n = PyUnicode_GET_LENGTH(s), i = 0;
    while (i < n && !(d[i] >= 'A' && d[i] <= 'Z'))
        i++;
    if (i == n)
        return Py_NewRef(s);
    PyObject *out = PyUnicode_New(n, 127);
    if (out == NULL)
        return NULL;
    Py_UCS1 *o = PyUnicode_1BYTE_DATA(out);
    for (i = 0; i < n; i++)
        o[i] = d[i] >= 'A' && d[i] <= 'Z' ? d[i] + 32 : d[i];
    return out;
}

/* 1 when the chunk text[a:b] (letters only) is a key of _EXACT or its lower case one of
 * _ANYCASE, 0 when not, -1 on error. */
static int
known_abbreviation(Cuts *c, Py_ssize_t a, Py_ssize_t b)
{
    if (!maybe_abbreviation(c, a, b))
        return 0;
    PyObject *pre = PyUnicode_Substring(c->text, a, b);
    if (pre == NULL)
        return -1;
    int known = PyDict_Contains(c->exact, pre);
    if (known == 0) {
        PyObject *lower = lower_of(pre);
        if (lower == NULL) {
            Py_DECREF(pre);
            return -1;
        }
        known = PyDict_Contains(c->anycase, lower);
        Py_DECREF(lower);
    }
    Py_DECREF(pre);
    return known;
}

/* What sentences._candidate(text, s, e, cuts, i, end) decides for the candidate text[i:end],
 * where the decision follows from the common rules: 1 a boundary at end, 0 none, 2 ask
 * _candidate (the rare rules), -1 on error. Mirrors _candidate and _is_boundary step by step.
 */
static int
candidate_decision(Cuts *c, Py_ssize_t s, Py_ssize_t e, Py_ssize_t i, Py_ssize_t end)
{
    int kind = c->kind;
    const void *data = c->data;
    Py_ssize_t k = end;
    if (!Py_UNICODE_ISSPACE(RD(k)))
        return 2; /* S7: a glued boundary */
    k++;
    while (k < e && Py_UNICODE_ISSPACE(RD(k)))
        k++;
    if (k >= e)
        return 0; /* the end of the run */
    Py_UCS4 c0 = RD(k);
    if (Py_UNICODE_ISLOWER(c0) && !(k + 1 < e && Py_UNICODE_ISUPPER(RD(k + 1))))
        return 0; /* S1 */
    if (is_close_only(c0) || i == s)
        return 2;
    /* _is_boundary: punct = text[i:end] = term + close */
    Py_ssize_t t = i;
    int question = 0;
    while (t < end && is_terminal(RD(t))) {
        Py_UCS4 x = RD(t);
        question |= x == '?' || x == '!' || x == 0x203D;
        t++;
    }
    int opener_lower = is_opener(c0) && k + 1 < c->n && Py_UNICODE_ISLOWER(RD(k + 1));
    if (opener_lower || RD(i - 1) == '[')
        return 0;
    if (question) {
        if (t < end && is_quote_close(RD(end - 1)) && Py_UNICODE_ISUPPER(c0))
            return 2; /* S2: a reporting clause may follow */
        return 1;
    }
    if (!(t == i + 1 && RD(i) == '.'))
        return 1; /* an ellipsis */
    if (c0 == '.' || c0 == 0x2026)
        return 0; /* a spaced ellipsis */
    if (Py_UNICODE_ISSPACE(RD(i - 1)))
        return 1; /* no chunk before the full stop */
    /* pre: the chunk before the full stop, from the last space or line break */
    Py_ssize_t lo = i - 40 > s ? i - 40 : s;
    Py_ssize_t j = i - 1;
    while (j >= lo && RD(j) != ' ' && RD(j) != '\n')
        j--;
    Py_ssize_t a = j + 1, len = i - a;
    Py_UCS4 first = RD(a);
    if (is_opener(first) || is_bullet(first))
        return 2;
    int alpha = 1;
    for (Py_ssize_t q = a; q < i; q++) {
        Py_UCS4 x = RD(q);
        if (Py_UNICODE_ISALPHA(x))
            continue;
        if (!(is_ascii_digit(x) || x == '-' || x == '\'' || x == 0x2019))
            return 2; /* a full stop, white space, a symbol: the full rules decide */
        alpha = 0;
    }
    if (alpha) {
        if (len < 2)
            return 2; /* an initial */
        int known = known_abbreviation(c, a, i);
        if (known < 0)
            return -1;
        return known ? 2 : 1;
    }
    /* digits, hyphens or apostrophes: no abbreviation has them; short numbers may be
     * enumerators (S6) */
    return len < 3 ? 2 : 1;
}

/* sentences._split_run for a text without list items: the candidates of text[s:e]. */
static int
split_run(Cuts *c, Py_ssize_t s, Py_ssize_t e)
{
    int kind = c->kind;
    const void *data = c->data;
    Py_ssize_t i = s;
    for (;;) {
        i = find_terminal(kind, data, i, e);
        if (i >= e)
            break;
        Py_ssize_t end = candidate_end(kind, data, i, e);
        if (end < 0) {
            i++;
            continue;
        }
        int d = candidate_decision(c, s, e, i, end);
        if (d < 0)
            return -1;
        if (d == 1) {
            if (append_cut(c, end) < 0)
                return -1;
        } else if (d == 2) {
            PyObject *r = PyObject_CallFunction(c->candidate, "OnnOnn", c->text, s, e, c->cuts,
                                                i, end);
            if (r == NULL)
                return -1;
            Py_DECREF(r);
        }
        i = end;
    }
    return 0;
}

/* sentences._LIST_ITEM_RE.match(text[a:b]) for a stripped line: 1 a match, 0 none, 2 not
 * sure (a digit that is not ASCII). */
static int
list_item(int kind, const void *data, Py_ssize_t a, Py_ssize_t b)
{
    Py_UCS4 x = RD(a);
    if (x == 0x2022 || x == 0x25AA || x == 0x25E6 || x == 0x2023 || x == 0x25CF || x == 0x25A0 ||
        x == 0x25A1 || x == 0x25BA || x == 0x2713 || x == 0x2714 || x == 0x2043)
        return 1;
    if (x == '-' || x == '*' || x == '+' || x == 0x2013 || x == 0x2014)
        return a + 1 < b && Py_UNICODE_ISSPACE(RD(a + 1));
    Py_ssize_t p = x == '(' ? a + 1 : a;
    if (p >= b)
        return 0;
    x = RD(p);
    Py_ssize_t q = p;
    if (is_ascii_digit(x)) { /* \d{1,3}[.)]\s */
        while (q < b && is_ascii_digit(RD(q)))
            q++;
        if (q < b && Py_UNICODE_ISDECIMAL(RD(q)))
            return 2;
        return q - p <= 3 && q + 1 < b && (RD(q) == '.' || RD(q) == ')') &&
               Py_UNICODE_ISSPACE(RD(q + 1));
    }
    if (Py_UNICODE_ISDECIMAL(x))
        return 2;
    if (!((x >= 'a' && x <= 'z') || (x >= 'A' && x <= 'Z')))
        return 0;
    /* [a-zA-Z]\)\s */
    if (p + 2 < b && RD(p + 1) == ')' && Py_UNICODE_ISSPACE(RD(p + 2)))
        return 1;
    /* (?:[abd-h]|i{1,3}|iv|vi{1,3}|ix|x{1,3})[.)]\s: the letters up to [.)] */
    while (q < b && RD(q) >= 'a' && RD(q) <= 'z' && q - p < 5)
        q++;
    if (!(q + 1 < b && (RD(q) == '.' || RD(q) == ')') && Py_UNICODE_ISSPACE(RD(q + 1))))
        return 0;
    char w[5] = {0};
    for (Py_ssize_t r = p; r < q; r++)
        w[r - p] = (char)RD(r);
    static const char *const tokens[] = {
        "a", "b", "d", "e", "f", "g", "h", "i", "ii", "iii", "iv", "vi", "vii", "viii", "ix",
        "x", "xx", "xxx", NULL,
    };
    for (const char *const *tk = tokens; *tk; tk++)
        if (q - p == (Py_ssize_t)strlen(*tk) && memcmp(w, *tk, q - p) == 0)
            return 1;
    return 0;
}

/* sentences._line_break_ends_sentence for the stripped lines text[pa:pb] (prev) and
 * text[la:lb] (line), where the common rules decide: 1 a boundary, 0 none, 2 ask the
 * Python rules, -1 on error. */
static int
line_break_decision(Cuts *c, Py_ssize_t pa, Py_ssize_t pb, Py_ssize_t la, Py_ssize_t lb,
                    Py_ssize_t maxlen)
{
    int kind = c->kind;
    const void *data = c->data;
    int item = list_item(kind, data, la, lb);
    if (item)
        return item; /* L2, or not sure */
    Py_ssize_t q = la;
    while (q < lb && is_opener(RD(q)))
        q++;
    if ((q < lb && Py_UNICODE_ISLOWER(RD(q))) || is_close_only(RD(la)))
        return 0; /* L3 */
    Py_ssize_t end = pb;
    while (end > pa && is_closer(RD(end - 1)))
        end--;
    Py_UCS4 last = end > pa ? RD(end - 1) : RD(pb - 1);
    if (!is_terminal(last)) {
        /* L4: a line without end punctuation */
        if (last == ',' || last == ';' || last == '(' || last == '-' || last == 0x2013 ||
            last == 0x2014 || last == '/' || last == '&' || last == '+' || last == '=')
            return 0;
        return 2;
    }
    /* L5: the last word, unless a title or an abbreviation that never ends a sentence */
    Py_ssize_t wb = end, wa = end;
    while (wa > pa && !Py_UNICODE_ISSPACE(RD(wa - 1)))
        wa--;
    while (wa < wb && is_opener(RD(wa)))
        wa++;
    while (wb > wa && RD(wb - 1) == '.')
        wb--;
    if (maybe_abbreviation(c, wa, wb)) {
        PyObject *word = PyUnicode_Substring(c->text, wa, wb);
        if (word == NULL)
            return -1;
        PyObject *lower = lower_of(word);
        Py_DECREF(word);
        if (lower == NULL)
            return -1;
        PyObject *v = PyDict_GetItemWithError(c->anycase, lower); /* borrowed */
        Py_DECREF(lower);
        if (v == NULL && PyErr_Occurred())
            return -1;
        if (v != NULL) {
            long cls = PyLong_AsLong(v);
            if (cls == -1 && PyErr_Occurred())
                return -1;
            if (cls == 1 || cls == 2)
                return 0; /* _TITLE, _NEVER */
        }
    }
    /* not sentences._full_line(prev, line, maxlen) */
    Py_ssize_t plen = pb - pa, fw = la;
    while (fw < lb && !Py_UNICODE_ISSPACE(RD(fw)))
        fw++;
    int full = maxlen >= 30 && (double)plen >= 0.7 * (double)maxlen &&
               plen + 1 + (fw - la) > maxlen;
    return !full;
}

/* sentences._split_block for a text without list items. */
static int
split_block(Cuts *c, Py_ssize_t s, Py_ssize_t e)
{
    int kind = c->kind;
    const void *data = c->data;
    /* the non-blank lines: stripped bounds [a, b) and the line's start offset */
    Py_ssize_t cap = 16, nlines = 0, *lines = NULL;
    int rc = -1;
    Py_ssize_t a = s;
    while (a <= e) {
        Py_ssize_t b = find_newline(kind, data, a, e);
        if (b == e && a == s)
            return split_run(c, s, e); /* one line */
        Py_ssize_t x = a, y = b;
        while (x < y && Py_UNICODE_ISSPACE(RD(x)))
            x++;
        while (y > x && Py_UNICODE_ISSPACE(RD(y - 1)))
            y--;
        if (x < y) {
            if (lines == NULL || nlines == cap) {
                cap *= 2;
                Py_ssize_t *grown = PyMem_Realloc(lines, 3 * cap * sizeof(Py_ssize_t));
                if (grown == NULL) {
                    PyErr_NoMemory();
                    goto done;
                }
                lines = grown;
            }
            lines[3 * nlines] = x;
            lines[3 * nlines + 1] = y;
            lines[3 * nlines + 2] = a;
            nlines++;
        }
        a = b + 1;
    }
    if (nlines <= 1) {
        rc = split_run(c, s, e);
        goto done;
    }
    Py_ssize_t maxlen = 0, n_full = 0;
    for (Py_ssize_t l = 0; l < nlines; l++)
        if (lines[3 * l + 1] - lines[3 * l] > maxlen)
            maxlen = lines[3 * l + 1] - lines[3 * l];
    for (Py_ssize_t l = 0; l + 1 < nlines; l++)
        if ((double)(lines[3 * l + 1] - lines[3 * l]) >= 0.7 * (double)maxlen)
            n_full++;
    int wrapped = maxlen >= 40 && n_full >= 2 && (double)n_full >= 0.6 * (double)(nlines - 1);
    Py_ssize_t run_start = s;
    for (Py_ssize_t l = 1; l < nlines; l++) {
        Py_ssize_t pa = lines[3 * l - 3], pb = lines[3 * l - 2];
        Py_ssize_t la = lines[3 * l], lb = lines[3 * l + 1], pos = lines[3 * l + 2];
        int d = line_break_decision(c, pa, pb, la, lb, maxlen);
        if (d < 0)
            goto done;
        if (d == 2) {
            PyObject *prev = PyUnicode_Substring(c->text, pa, pb);
            PyObject *line = PyUnicode_Substring(c->text, la, lb);
            PyObject *r = NULL;
            if (prev != NULL && line != NULL)
                r = PyObject_CallFunction(c->line_break, "OOnO", prev, line, maxlen,
                                          wrapped ? Py_True : Py_False);
            Py_XDECREF(prev);
            Py_XDECREF(line);
            if (r == NULL)
                goto done;
            d = PyObject_IsTrue(r);
            Py_DECREF(r);
            if (d < 0)
                goto done;
        }
        if (d) {
            if (split_run(c, run_start, pos) < 0 || append_cut(c, pos) < 0)
                goto done;
            run_start = pos;
        }
    }
    rc = split_run(c, run_start, e);
done:
    PyMem_Free(lines);
    return rc;
}

static PyObject *
sentence_cuts(PyObject *module, PyObject *args)
{
    Cuts c;
    if (!PyArg_ParseTuple(args, "UO!O!OO:sentence_cuts", &c.text, &PyDict_Type, &c.exact,
                          &PyDict_Type, &c.anycase, &c.line_break, &c.candidate))
        return NULL;
    if (PyUnicode_READY(c.text) < 0)
        return NULL;
    c.kind = PyUnicode_KIND(c.text);
    c.data = PyUnicode_DATA(c.text);
    c.n = PyUnicode_GET_LENGTH(c.text);
    memset(c.first, 0, sizeof(c.first));
    c.any_key = 0;
    if (add_to_filter(&c, c.exact) < 0 || add_to_filter(&c, c.anycase) < 0)
        return NULL;
    c.cuts = PyList_New(0);
    if (c.cuts == NULL)
        return NULL;
    int kind = c.kind;
    const void *data = c.data;
    /* blocks separated by blank lines: _BLANK_RE = \n(?:[^\S\n]*\n)+ */
    Py_ssize_t start = 0, p = 0;
    for (;;) {
        p = find_newline(kind, data, p, c.n);
        if (p >= c.n)
            break;
        Py_ssize_t q = p + 1, m = -1;
        for (;;) {
            Py_ssize_t r = q;
            while (r < c.n && RD(r) != '\n' && Py_UNICODE_ISSPACE(RD(r)))
                r++;
            if (r < c.n && RD(r) == '\n') {
                q = r + 1;
                m = q;
            } else {
                break;
            }
        }
        if (m < 0) {
            p++;
            continue;
        }
        if (split_block(&c, start, p) < 0 || append_cut(&c, p) < 0)
            goto error;
        start = p = m;
    }
    if (split_block(&c, start, c.n) < 0 || append_cut(&c, c.n) < 0)
        goto error;
    return c.cuts;
error:
    Py_DECREF(c.cuts);
    return NULL;
}

static PyObject *
strip_spans(PyObject *module, PyObject *args)
{
    PyObject *text, *cuts;
    if (!PyArg_ParseTuple(args, "UO:strip_spans", &text, &cuts))
        return NULL;
    if (PyUnicode_READY(text) < 0)
        return NULL;
    PyObject *seq = PySequence_Tuple(cuts); /* a copy that cannot change under us */
    if (seq == NULL)
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        goto error;
    Py_ssize_t prev = 0;
    for (Py_ssize_t x = 0; x < PyTuple_GET_SIZE(seq); x++) {
        Py_ssize_t c = PyLong_AsSsize_t(PyTuple_GET_ITEM(seq, x));
        if (c == -1 && PyErr_Occurred())
            goto error;
        /* text[prev:c] with slice semantics, stripped of white space */
        Py_ssize_t a = prev < 0 ? 0 : (prev > n ? n : prev);
        Py_ssize_t b = c < 0 ? 0 : (c > n ? n : c);
        while (a < b && Py_UNICODE_ISSPACE(RD(a)))
            a++;
        while (b > a && Py_UNICODE_ISSPACE(RD(b - 1)))
            b--;
        if (a < b) {
            PyObject *span = Py_BuildValue("(nn)", a, b);
            if (span == NULL)
                goto error;
            int rc = PyList_Append(out, span);
            Py_DECREF(span);
            if (rc < 0)
                goto error;
        }
        prev = c;
    }
    Py_DECREF(seq);
    return out;
error:
    Py_XDECREF(out);
    Py_DECREF(seq);
    return NULL;
}

/* ---- per-type lookups -------------------------------------------------------------------- */

static PyObject *
lookup(PyObject *module, PyObject *args)
{
    PyObject *index, *freqs;
    if (!PyArg_ParseTuple(args, "O!O!:lookup", &PyDict_Type, &index, &PyDict_Type, &freqs))
        return NULL;
    Py_ssize_t n = PyDict_GET_SIZE(freqs);
    PyObject *ids = PyBytes_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(int64_t));
    PyObject *counts = PyBytes_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(int64_t));
    if (ids == NULL || counts == NULL)
        goto error;
    int64_t *id = (int64_t *)PyBytes_AS_STRING(ids);
    int64_t *count = (int64_t *)PyBytes_AS_STRING(counts);
    PyObject *key, *value;
    Py_ssize_t pos = 0, i = 0;
    while (PyDict_Next(freqs, &pos, &key, &value)) {
        if (i >= n) {
            PyErr_SetString(PyExc_RuntimeError, "dict changed size during lookup");
            goto error;
        }
        PyObject *row = PyDict_GetItemWithError(index, key);
        if (row == NULL && PyErr_Occurred())
            goto error;
        id[i] = row == NULL ? -1 : PyLong_AsLongLong(row);
        count[i] = PyLong_AsLongLong(value);
        if ((id[i] == -1 || count[i] == -1) && PyErr_Occurred())
            goto error;
        i++;
    }
    if (i != n) {
        PyErr_SetString(PyExc_RuntimeError, "dict changed size during lookup");
        goto error;
    }
    PyObject *result = PyTuple_Pack(2, ids, counts);
    Py_DECREF(ids);
    Py_DECREF(counts);
    return result;
error:
    Py_XDECREF(ids);
    Py_XDECREF(counts);
    return NULL;
}

/* ---- letters of non-Latin scripts (factbox.tokens.foreign_characters) -------------------- */

static PyObject *
foreign_characters(PyObject *module, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "foreign_characters() needs a str");
        return NULL;
    }
    if (PyUnicode_READY(arg) < 0)
        return NULL;
    int kind = PyUnicode_KIND(arg);
    const void *data = PyUnicode_DATA(arg);
    Py_ssize_t n = PyUnicode_GET_LENGTH(arg), count = 0;
    if (kind == PyUnicode_1BYTE_KIND) /* every character is below U+0100: none */
        return PyLong_FromLong(0);
    /* _FOREIGN_RE = [^\x00-\u024f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf\s\d\W]: a word
     * character (\w: alphanumeric or _) outside those ranges, not white space, not a digit */
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = RD(i);
        if (c <= 0x24F || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2000 && c <= 0x206F) ||
            (c >= 0x20A0 && c <= 0x20CF))
            continue;
        if (!Py_UNICODE_ISSPACE(c) && !Py_UNICODE_ISDECIMAL(c) && Py_UNICODE_ISALNUM(c))
            count++;
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *
spectrum(PyObject *module, PyObject *args)
{
    PyObject *freqs;
    int first_seen = 0;
    if (!PyArg_ParseTuple(args, "O|p:spectrum", &freqs, &first_seen))
        return NULL;
    if (!PyDict_Check(freqs)) {
        PyErr_SetString(PyExc_TypeError, "spectrum() needs a dict");
        return NULL;
    }
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    long long top = 0;
    while (PyDict_Next(freqs, &pos, &key, &value)) {
        long long m = PyLong_Check(value) ? PyLong_AsLongLong(value) : -1;
        if (first_seen && (m < 1 || m > (1 << 24))) {
            PyErr_Clear(); /* first_seen: None, and the caller counts in Python */
            Py_RETURN_NONE;
        }
        if (m == -1 && PyErr_Occurred())
            return NULL;
        if (m < 1) {
            if (!PyLong_Check(value))
                return PyErr_Format(PyExc_TypeError, "frequencies must be ints");
            PyErr_SetString(PyExc_ValueError, "frequencies must be positive");
            return NULL;
        }
        if (m > top)
            top = m;
    }
    if (top > PY_SSIZE_T_MAX / 16)
        return PyErr_NoMemory();
    int64_t *vm = PyMem_Calloc((size_t)top + 1, sizeof(int64_t));
    if (vm == NULL)
        return PyErr_NoMemory();
    pos = 0;
    while (PyDict_Next(freqs, &pos, &key, &value))
        vm[PyLong_AsLongLong(value)]++;
    PyObject *out = PyDict_New();
    if (first_seen) { /* the order of Counter(freqs.values()): each m where it first occurs */
        pos = 0;
        while (out != NULL && PyDict_Next(freqs, &pos, &key, &value)) {
            long long m = PyLong_AsLongLong(value);
            if (vm[m] <= 0)
                continue; /* done */
            PyObject *v = PyLong_FromLongLong(vm[m]);
            if (v == NULL || PyDict_SetItem(out, value, v) < 0)
                Py_CLEAR(out);
            Py_XDECREF(v);
            vm[m] = 0;
        }
        top = 0; /* nothing left for the loop below */
    }
    for (long long m = 1; out != NULL && m <= top; m++) {
        if (!vm[m])
            continue;
        PyObject *k = PyLong_FromLongLong(m), *v = PyLong_FromLongLong(vm[m]);
        if (k == NULL || v == NULL || PyDict_SetItem(out, k, v) < 0)
            Py_CLEAR(out);
        Py_XDECREF(k);
        Py_XDECREF(v);
    }
    PyMem_Free(vm);
    return out;
}

/* Σ over the types of freqs of count × matrix[index[type]] (the type counts of a text), then
 * Σ of matrix[index[type]] (each column summed over the types), or None when a type has no
 * row in index (the caller adds it and asks again). ``matrix`` is a C-contiguous 2-D buffer
 * of int64 (profile._TypeTable). With ``col``: (those sums, bytes of matrix[row][col] as
 * int64 for each type in order). */
static PyObject *
type_totals(PyObject *module, PyObject *args)
{
    PyObject *index, *freqs, *matrix, *picked = NULL;
    Py_ssize_t col = -1;
    if (!PyArg_ParseTuple(args, "O!O!O|n:type_totals", &PyDict_Type, &index, &PyDict_Type,
                          &freqs, &matrix, &col))
        return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(matrix, &view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0)
        return NULL;
    PyObject *result = NULL;
    int64_t *sums = NULL;
    long long(*rc)[2] = NULL; /* each type's row and count */
    if (view.ndim != 2 || view.itemsize != 8 || view.format == NULL ||
        !(strcmp(view.format, "l") == 0 || strcmp(view.format, "q") == 0 ||
          strcmp(view.format, "<l") == 0 || strcmp(view.format, "<q") == 0 ||
          strcmp(view.format, "=l") == 0 || strcmp(view.format, "=q") == 0)) {
        PyErr_SetString(PyExc_TypeError, "matrix must be a 2-D int64 array");
        goto done;
    }
    Py_ssize_t rows = view.shape[0], cols = view.shape[1], n_types;
    const int64_t *m = (const int64_t *)view.buf;
    int64_t *pick = NULL;
    if (col >= cols || col < -1) {
        PyErr_SetString(PyExc_IndexError, "column out of range");
        goto done;
    }
    if (col >= 0) {
        picked = PyBytes_FromStringAndSize(
            NULL, PyDict_GET_SIZE(freqs) * (Py_ssize_t)sizeof(int64_t));
        if (picked == NULL)
            goto done;
        pick = (int64_t *)PyBytes_AS_STRING(picked);
    }
    sums = PyMem_Calloc(cols ? 2 * cols : 1, sizeof(int64_t));
    if (sums == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    /* two passes: the look-ups (rows and counts into rc), then the sums, with the matrix rows
     * a few types ahead prefetched (each row is a likely cache miss in a large table) */
    n_types = PyDict_GET_SIZE(freqs);
    rc = PyMem_Malloc((n_types ? n_types : 1) * sizeof(*rc));
    if (rc == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    PyObject *key, *value;
    Py_ssize_t pos = 0, i = 0;
    while (PyDict_Next(freqs, &pos, &key, &value)) {
        if (i >= n_types) {
            PyErr_SetString(PyExc_RuntimeError, "dict changed size during type_totals");
            goto done;
        }
        PyObject *row = PyDict_GetItemWithError(index, key);
        if (row == NULL) {
            if (!PyErr_Occurred())
                result = Py_NewRef(Py_None);
            goto done;
        }
        Py_ssize_t r = PyLong_AsSsize_t(row);
        long long f = PyLong_AsLongLong(value);
        if ((r == -1 || f == -1) && PyErr_Occurred())
            goto done;
        if (r < 0 || r >= rows) {
            PyErr_SetString(PyExc_IndexError, "row out of range");
            goto done;
        }
        rc[i][0] = r;
        rc[i][1] = f;
        i++;
    }
    if (i != n_types) {
        PyErr_SetString(PyExc_RuntimeError, "dict changed size during type_totals");
        goto done;
    }
    for (Py_ssize_t t = 0; t < i; t++) {
#if defined(__GNUC__)
        if (t + 4 < i) {
            const char *ahead = (const char *)(m + rc[t + 4][0] * cols);
            __builtin_prefetch(ahead);
            __builtin_prefetch(ahead + 64);
        }
#endif
        const int64_t *line = m + rc[t][0] * cols;
        long long f = rc[t][1];
        int64_t *plain = sums + cols;
        for (Py_ssize_t c = 0; c < cols; c++) {
            sums[c] += f * line[c];
            plain[c] += line[c];
        }
        if (pick != NULL)
            pick[t] = line[col];
    }
    result = PyList_New(2 * cols);
    for (Py_ssize_t c = 0; result != NULL && c < 2 * cols; c++) {
        PyObject *x = PyLong_FromLongLong(sums[c]);
        if (x == NULL)
            Py_CLEAR(result);
        else
            PyList_SET_ITEM(result, c, x);
    }
    if (result != NULL && picked != NULL) {
        if (i * (Py_ssize_t)sizeof(int64_t) != PyBytes_GET_SIZE(picked)) {
            PyErr_SetString(PyExc_RuntimeError, "dict changed size during type_totals");
            Py_CLEAR(result);
        }
        else
            Py_SETREF(result, PyTuple_Pack(2, result, picked));
    }
done:
    PyMem_Free(rc);
    Py_XDECREF(picked);
    PyMem_Free(sums);
    PyBuffer_Release(&view);
    return result;
}

/* (bullets, starts): whether text holds a bullet of sentences._BULLETS, and the offsets i
 * (ascending) with text[i] in "1a" and text[i + 1] in ".)", where a match of
 * sentences._ENUM_ONE_RE can start (the caller checks each with the regex). */
static PyObject *
list_marks(PyObject *module, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "list_marks() needs a str");
        return NULL;
    }
    if (PyUnicode_READY(arg) < 0)
        return NULL;
    int kind = PyUnicode_KIND(arg);
    const void *data = PyUnicode_DATA(arg);
    Py_ssize_t n = PyUnicode_GET_LENGTH(arg);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    int bullets = 0;
    /* one loop per string kind; every bullet is above U+00FF */
#define LIST_MARKS_LOOP(T, BULLETS)                                                            \
    do {                                                                                       \
        const T *d = (const T *)data;                                                          \
        for (Py_ssize_t i = 0; i + 1 < n; i++) {                                               \
            T c = d[i];                                                                        \
            if (BULLETS && !bullets && (Py_UCS4)c >= 0x2000)                                   \
                bullets = is_bullet(c);                                                        \
            if ((c != '1' && c != 'a') || (d[i + 1] != '.' && d[i + 1] != ')'))                \
                continue;                                                                      \
            PyObject *x = PyLong_FromSsize_t(i);                                               \
            if (x == NULL || PyList_Append(out, x) < 0) {                                      \
                Py_XDECREF(x);                                                                 \
                Py_DECREF(out);                                                                \
                return NULL;                                                                   \
            }                                                                                  \
            Py_DECREF(x);                                                                      \
        }                                                                                      \
        if (BULLETS && n && !bullets)                                                          \
            bullets = is_bullet(d[n - 1]);                                                     \
    } while (0)
    if (kind == PyUnicode_1BYTE_KIND)
        LIST_MARKS_LOOP(Py_UCS1, 0);
    else if (kind == PyUnicode_2BYTE_KIND) {
#ifdef FACTBOX_SSE2
        /* blocks of 8: lanes with text[i] in "1a" and text[i + 1] in ".)", and whether a
         * unit is at U+2000 or above (a possible bullet); the rest by the loop below */
        const Py_UCS2 *d = (const Py_UCS2 *)data;
        const __m128i one = _mm_set1_epi16('1'), a = _mm_set1_epi16('a');
        const __m128i dot = _mm_set1_epi16('.'), paren = _mm_set1_epi16(')');
        const __m128i zero = _mm_setzero_si128();
        Py_ssize_t i = 0;
        for (; i + 9 <= n; i += 8) {
            __m128i v0 = _mm_loadu_si128((const __m128i *)(d + i));
            __m128i v1 = _mm_loadu_si128((const __m128i *)(d + i + 1));
            __m128i m = _mm_and_si128(
                _mm_or_si128(_mm_cmpeq_epi16(v0, one), _mm_cmpeq_epi16(v0, a)),
                _mm_or_si128(_mm_cmpeq_epi16(v1, dot), _mm_cmpeq_epi16(v1, paren)));
            unsigned mask = (unsigned)_mm_movemask_epi8(m);
            while (mask) {
                Py_ssize_t at = i + (__builtin_ctz(mask) >> 1);
                mask &= mask - 1; /* the two bytes of a lane */
                mask &= mask - 1;
                PyObject *x = PyLong_FromSsize_t(at);
                if (x == NULL || PyList_Append(out, x) < 0) {
                    Py_XDECREF(x);
                    Py_DECREF(out);
                    return NULL;
                }
                Py_DECREF(x);
            }
            if (!bullets &&
                _mm_movemask_epi8(_mm_cmpeq_epi16(_mm_srli_epi16(v0, 13), zero)) != 0xFFFF)
                for (Py_ssize_t k = i; k < i + 8; k++)
                    bullets |= is_bullet(d[k]);
        }
        /* the last units: as LIST_MARKS_LOOP from i */
        for (; i + 1 < n; i++) {
            Py_UCS2 c = d[i];
            if (!bullets && c >= 0x2000)
                bullets = is_bullet(c);
            if ((c != '1' && c != 'a') || (d[i + 1] != '.' && d[i + 1] != ')'))
                continue;
            PyObject *x = PyLong_FromSsize_t(i);
            if (x == NULL || PyList_Append(out, x) < 0) {
                Py_XDECREF(x);
                Py_DECREF(out);
                return NULL;
            }
            Py_DECREF(x);
        }
        if (n && !bullets)
            bullets = is_bullet(d[n - 1]);
#else
        LIST_MARKS_LOOP(Py_UCS2, 1);
#endif
    }
    else
        LIST_MARKS_LOOP(Py_UCS4, 1);
#undef LIST_MARKS_LOOP
    PyObject *result = Py_BuildValue("(ON)", bullets ? Py_True : Py_False, out);
    return result;
}

/* ---- the vocabulary profile (factbox.vocabulary.compute) --------------------------------- */

/* numpy's pairwise summation of doubles (numpy/_core/src/umath/loops_utils.h.src), so that
 * sums over the types are bit-identical to numpy's ``.sum()`` in the reference path. */
static double
pairwise_sum(const double *a, Py_ssize_t n)
{
    if (n < 8) {
        double res = 0.;
        for (Py_ssize_t i = 0; i < n; i++)
            res += a[i];
        return res;
    }
    if (n <= 128) {
        double r[8];
        Py_ssize_t i;
        for (int j = 0; j < 8; j++)
            r[j] = a[j];
        for (i = 8; i < n - (n % 8); i += 8)
            for (int j = 0; j < 8; j++)
                r[j] += a[i + j];
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++)
            res += a[i];
        return res;
    }
    Py_ssize_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise_sum(a, n2) + pairwise_sum(a + n2, n - n2);
}

static int
get_vector(PyObject *obj, Py_buffer *view, Py_ssize_t itemsize, const char *kinds,
           const char *name)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0)
        return -1;
    const char *f = view->format == NULL ? "B" : view->format;
    if (*f == '<' || *f == '=' || *f == '@')
        f++;
    if (view->ndim != 1 || view->itemsize != itemsize || f[0] == 0 || f[1] != 0 ||
        strchr(kinds, f[0]) == NULL) {
        PyErr_Format(PyExc_TypeError, "%s must be a 1-D array of %zd-byte items (%s)", name,
                     itemsize, kinds);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

/* vocabulary_sums(index, freqs, level, cell, lr, rare, forms, hard_index, n_cells, unlisted,
 *                 b2) -> tuple or None
 * For the types of freqs in order, with row = index[type] (or, when index is bytes, its i-th
 * int64 for the i-th type; see type_totals): level[row] (int8; -1 = number,
 * ``unlisted`` = not in the list), cell[row] (intp, < n_cells), lr[row] (float64), rare[row]
 * (bool). Numbers are left out; so are unlisted types written only capitalised (proper
 * nouns: neither the type nor it with ' → ’ is in ``forms``). Of the rest ("kept"):
 * (numbers, proper, tokens and types per level, tokens and types per band, n_tok, n_typ, Σ f·lr, Σ f·lr², Σ seen
 * over types of level ≥ b2, Σ seen, hard) where seen = 1 − (1 − f/n_tok)^200 and hard lists
 * (position, row, f, level, cell) of the kept types that are rare or above hard_index (and
 * listed). The
 * float sums are numpy's pairwise sums in the same order as the reference, so equal to the
 * bit. None when a type has no row (the caller adds it and asks again). */
static PyObject *
vocabulary_sums(PyObject *module, PyObject *args)
{
    PyObject *index, *freqs, *level_o, *cell_o, *lr_o, *rare_o, *forms;
    int hard_index, n_cells, unlisted, b2;
    if (!PyArg_ParseTuple(args, "OO!OOOOOiiii:vocabulary_sums", &index, &PyDict_Type, &freqs,
                          &level_o, &cell_o, &lr_o, &rare_o, &forms, &hard_index, &n_cells,
                          &unlisted, &b2))
        return NULL;
    const int64_t *given = NULL; /* each type's row, when index is bytes */
    if (PyBytes_Check(index)) {
        if (PyBytes_GET_SIZE(index) != PyDict_GET_SIZE(freqs) * (Py_ssize_t)sizeof(int64_t)) {
            PyErr_SetString(PyExc_ValueError, "rows must hold one int64 per type");
            return NULL;
        }
        given = (const int64_t *)PyBytes_AS_STRING(index);
    }
    else if (!PyDict_Check(index)) {
        PyErr_SetString(PyExc_TypeError, "index must be a dict or bytes of rows");
        return NULL;
    }
    if (n_cells < 1 || n_cells > 1 << 20 || unlisted < 0 || n_cells % (unlisted + 1) != 0) {
        PyErr_SetString(PyExc_ValueError, "n_cells must be a multiple of unlisted + 1");
        return NULL;
    }
    const Py_ssize_t n_levels = unlisted + 1, n_bands = n_cells / n_levels;
    Py_buffer vl, vc, vr, vq;
    if (get_vector(level_o, &vl, 1, "bB", "level") < 0)
        return NULL;
    if (get_vector(cell_o, &vc, (Py_ssize_t)sizeof(Py_ssize_t), "lqnLQN", "cell") < 0) {
        PyBuffer_Release(&vl);
        return NULL;
    }
    if (get_vector(lr_o, &vr, 8, "d", "lr") < 0) {
        PyBuffer_Release(&vl);
        PyBuffer_Release(&vc);
        return NULL;
    }
    if (get_vector(rare_o, &vq, 1, "?bB", "rare") < 0) {
        PyBuffer_Release(&vl);
        PyBuffer_Release(&vc);
        PyBuffer_Release(&vr);
        return NULL;
    }
    Py_ssize_t rows = vl.shape[0];
    if (vc.shape[0] < rows)
        rows = vc.shape[0];
    if (vr.shape[0] < rows)
        rows = vr.shape[0];
    if (vq.shape[0] < rows)
        rows = vq.shape[0];
    const int8_t *level = (const int8_t *)vl.buf;
    const Py_ssize_t *cell = (const Py_ssize_t *)vc.buf;
    const double *lr = (const double *)vr.buf;
    const unsigned char *rare = (const unsigned char *)vq.buf;

    Py_ssize_t n = PyDict_GET_SIZE(freqs);
    PyObject *result = NULL, *hard = NULL, *lists[4] = {NULL, NULL, NULL, NULL};
    int64_t *cells = PyMem_Calloc(2 * (size_t)n_cells, sizeof(int64_t));
    Py_ssize_t *krow = PyMem_Malloc((n ? n : 1) * sizeof(Py_ssize_t));
    int64_t *kf = PyMem_Malloc((n ? n : 1) * sizeof(int64_t));
    Py_ssize_t *kpos = PyMem_Malloc((n ? n : 1) * sizeof(Py_ssize_t));
    double *buf = PyMem_Malloc((n ? n : 1) * 2 * sizeof(double));
    if (cells == NULL || krow == NULL || kf == NULL || kpos == NULL || buf == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    int64_t numbers = 0, proper = 0, n_tok = 0;
    Py_ssize_t kept = 0, pos = 0, i = 0;
    PyObject *key, *value;
    while (PyDict_Next(freqs, &pos, &key, &value)) {
        if (i >= n) {
            PyErr_SetString(PyExc_RuntimeError, "dict changed size during vocabulary_sums");
            goto done;
        }
        Py_ssize_t r;
        if (given != NULL) {
            r = (Py_ssize_t)given[i];
#if defined(__GNUC__)
            if (i + 6 < n) { /* the rows ahead: likely cache misses in large tables */
                Py_ssize_t ahead = (Py_ssize_t)given[i + 6];
                if (ahead >= 0 && ahead < rows) {
                    __builtin_prefetch(level + ahead);
                    __builtin_prefetch(cell + ahead);
                    __builtin_prefetch(lr + ahead);
                    __builtin_prefetch(rare + ahead);
                }
            }
#endif
        } else {
            PyObject *row_o = PyDict_GetItemWithError(index, key);
            if (row_o == NULL) {
                if (!PyErr_Occurred())
                    result = Py_NewRef(Py_None);
                goto done;
            }
            r = PyLong_AsSsize_t(row_o);
        }
        long long f = PyLong_AsLongLong(value);
        if ((r == -1 || f == -1) && PyErr_Occurred())
            goto done;
        if (r < 0 || r >= rows) { /* a table started afresh since index was read */
            result = Py_NewRef(Py_None);
            goto done;
        }
        int lv = level[r];
        if (lv < 0) {
            numbers += f;
            i++;
            continue;
        }
        if (lv == unlisted) {
            int found = PySequence_Contains(forms, key);
            if (found == 0 && PyUnicode_Check(key)) {
                PyObject *alt = PyUnicode_Replace(key, ascii_apostrophe, typographic_apostrophe,
                                                  -1);
                if (alt == NULL)
                    goto done;
                found = PySequence_Contains(forms, alt);
                Py_DECREF(alt);
            }
            if (found < 0)
                goto done;
            if (!found) {
                proper += f;
                i++;
                continue;
            }
        }
        Py_ssize_t c = cell[r];
        if (c < 0 || c >= n_cells) {
            PyErr_SetString(PyExc_IndexError, "cell out of range");
            goto done;
        }
        cells[c] += f;
        cells[n_cells + c] += 1;
        krow[kept] = r;
        kf[kept] = f;
        kpos[kept] = i;
        kept++;
        n_tok += f;
        i++;
    }
    if (i != n) {
        PyErr_SetString(PyExc_RuntimeError, "dict changed size during vocabulary_sums");
        goto done;
    }
    double lr_sum = 0., lr2_sum = 0., seen_hard = 0., seen_all = 0.;
    if (n_tok) {
        double *a = buf, *b = buf + kept;
        for (Py_ssize_t k = 0; k < kept; k++) {
            double x = lr[krow[k]], f = (double)kf[k];
            a[k] = x * f;
            b[k] = x * x * f;
        }
        lr_sum = pairwise_sum(a, kept);
        lr2_sum = pairwise_sum(b, kept);
        Py_ssize_t m = 0;
        double memo[64]; /* seen of f < 64, computed once per text: most types are rare */
        for (int j = 0; j < 64; j++)
            memo[j] = -1.0;
        for (Py_ssize_t k = 0; k < kept; k++) {
            int64_t f = kf[k];
            double s;
            if (f < 64 && memo[f] >= 0.0)
                s = memo[f];
            else {
                s = 1.0 - pow(1.0 - (double)f / (double)n_tok, 200.0);
                if (f < 64)
                    memo[f] = s;
            }
            a[k] = s;
            if (level[krow[k]] >= b2)
                b[m++] = s;
        }
        seen_hard = pairwise_sum(b, m);
        seen_all = pairwise_sum(a, kept);
    }
    /* tokens and types per level (cells summed over the bands) and per band */
    int64_t *sums4 = (int64_t *)PyMem_Calloc(2 * (size_t)(n_levels + n_bands), sizeof(int64_t));
    if (sums4 == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t c = 0; c < n_cells; c++) {
        Py_ssize_t lvi = c / n_bands, bi = c % n_bands;
        sums4[lvi] += cells[c];
        sums4[n_levels + lvi] += cells[n_cells + c];
        sums4[2 * n_levels + bi] += cells[c];
        sums4[2 * n_levels + n_bands + bi] += cells[n_cells + c];
    }
    hard = PyList_New(0);
    for (int q = 0; q < 4; q++) {
        Py_ssize_t len = q < 2 ? n_levels : n_bands;
        const int64_t *src = sums4 + (q < 2 ? q * n_levels : 2 * n_levels + (q - 2) * n_bands);
        lists[q] = PyList_New(len);
        for (Py_ssize_t j = 0; lists[q] != NULL && j < len; j++) {
            PyObject *x = PyLong_FromLongLong(src[j]);
            if (x == NULL)
                Py_CLEAR(lists[q]);
            else
                PyList_SET_ITEM(lists[q], j, x);
        }
    }
    PyMem_Free(sums4);
    if (hard == NULL || lists[0] == NULL || lists[1] == NULL || lists[2] == NULL ||
        lists[3] == NULL)
        goto done;
    for (Py_ssize_t k = 0; k < kept; k++) {
        int lv = level[krow[k]];
        if (!(rare[krow[k]] || (lv > hard_index && lv < unlisted)))
            continue;
        PyObject *t = Py_BuildValue("(nnLin)", kpos[k], krow[k], (long long)kf[k], lv,
                                    cell[krow[k]]);
        if (t == NULL || PyList_Append(hard, t) < 0) {
            Py_XDECREF(t);
            goto done;
        }
        Py_DECREF(t);
    }
    result = Py_BuildValue("(LLOOOOLnddddO)", (long long)numbers, (long long)proper, lists[0],
                           lists[1], lists[2], lists[3], (long long)n_tok, kept, lr_sum, lr2_sum,
                           seen_hard, seen_all, hard);
done:
    Py_XDECREF(hard);
    for (int q = 0; q < 4; q++)
        Py_XDECREF(lists[q]);
    PyMem_Free(cells);
    PyMem_Free(krow);
    PyMem_Free(kf);
    PyMem_Free(kpos);
    PyMem_Free(buf);
    PyBuffer_Release(&vl);
    PyBuffer_Release(&vc);
    PyBuffer_Release(&vr);
    PyBuffer_Release(&vq);
    return result;
}

/* HD-D from a frequency spectrum (factbox.diversity._hdd, the reference): the same float
 * operations in the same order, so the same result to the bit. None when N < draws or N = 0.
 */
static PyObject *
hdd(PyObject *module, PyObject *args)
{
    PyObject *spectrum;
    long long draws;
    if (!PyArg_ParseTuple(args, "O!L:hdd", &PyDict_Type, &spectrum, &draws))
        return NULL;
    if (draws < 1) {
        PyErr_SetString(PyExc_ValueError, "draws must be positive");
        return NULL;
    }
    Py_ssize_t k = PyDict_GET_SIZE(spectrum);
    long long(*pairs)[2] = PyMem_Malloc((k ? k : 1) * sizeof(*pairs));
    if (pairs == NULL)
        return PyErr_NoMemory();
    PyObject *key, *value, *result = NULL;
    Py_ssize_t pos = 0, i = 0;
    long long n = 0;
    int sorted = 1;
    while (PyDict_Next(spectrum, &pos, &key, &value)) {
        if (i >= k) {
            PyErr_SetString(PyExc_RuntimeError, "dict changed size during hdd");
            goto done;
        }
        long long m = PyLong_AsLongLong(key), vm = PyLong_AsLongLong(value);
        if ((m == -1 || vm == -1) && PyErr_Occurred())
            goto done;
        /* positive counts, small enough that N, N·draws and the doubles below stay exact */
        if (m < 1 || vm < 1 || m > (1LL << 40) || vm > (1LL << 40) ||
            m > ((1LL << 52) - n) / vm) {
            PyErr_SetString(PyExc_ValueError, "the spectrum needs positive counts below 2**40");
            goto done;
        }
        n += m * vm;
        if (i && pairs[i - 1][0] > m)
            sorted = 0;
        pairs[i][0] = m;
        pairs[i][1] = vm;
        i++;
    }
    if (!sorted) { /* insertion sort by m (the compiled spectrum is already sorted) */
        for (Py_ssize_t a = 1; a < i; a++) {
            long long m = pairs[a][0], vm = pairs[a][1];
            Py_ssize_t b = a;
            for (; b > 0 && pairs[b - 1][0] > m; b--) {
                pairs[b][0] = pairs[b - 1][0];
                pairs[b][1] = pairs[b - 1][1];
            }
            pairs[b][0] = m;
            pairs[b][1] = vm;
        }
    }
    if (n < draws || n == 0) {
        result = Py_NewRef(Py_None);
        goto done;
    }
    double total = 0.0, p0 = 1.0;
    long long f_done = 0;
    for (Py_ssize_t a = 0; a < i; a++) {
        long long f = pairs[a][0];
        while (f_done < f && p0 > 0.0) {
            long long rest = n - f_done;
            p0 = rest > draws ? p0 * (double)(rest - draws) / (double)rest : 0.0;
            f_done++;
        }
        total += (double)pairs[a][1] * (1.0 - p0);
    }
    double h = total / (double)draws;
    result = PyFloat_FromDouble(h < 1.0 ? h : 1.0);
done:
    PyMem_Free(pairs);
    return result;
}

/* ---- proper names (factbox.counts.proper_name_occurrences) --------------------------------- */

/* The count of key in the dict d (0 when missing) into *out; 0, -1 on error, 1 when the value
 * is not an int of 62 bits (the caller then counts in Python). */
static int
small_int(PyObject *v, long long *out)
{
    if (!PyLong_CheckExact(v))
        return 1;
    int overflow;
    *out = PyLong_AsLongLongAndOverflow(v, &overflow);
    if (*out == -1 && PyErr_Occurred())
        return -1;
    return overflow || *out > (1LL << 61) || *out < -(1LL << 61);
}

static int
count_of(PyObject *d, PyObject *key, long long *out)
{
    PyObject *v = PyDict_GetItemWithError(d, key);
    if (v == NULL) {
        *out = 0;
        return PyErr_Occurred() ? -1 : 0;
    }
    return small_int(v, out);
}

static PyObject *
proper_names(PyObject *module, PyObject *args)
{
    PyObject *freqs, *inside, *initial, *headline;
    if (!PyArg_ParseTuple(args, "O!O!O!O!:proper_names", &PyDict_Type, &freqs, &PyDict_Type,
                          &inside, &PyDict_Type, &initial, &PyDict_Type, &headline))
        return NULL;
    PyObject *out = PyDict_New();
    if (out == NULL)
        return NULL;
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(inside, &pos, &key, &value)) {
        long long in = 0, ini = 0, head = 0, f = 0;
        int rc = small_int(value, &in);
        if (rc == 0 && in == 0)
            continue; /* the reference leaves out types without capitals inside */
        if (rc == 0)
            rc = count_of(initial, key, &ini);
        if (rc == 0)
            rc = count_of(headline, key, &head);
        if (rc == 0) {
            PyObject *fv = PyDict_GetItemWithError(freqs, key);
            rc = fv == NULL ? (PyErr_Occurred() ? -1 : 1) /* 1: a KeyError in the reference */
                            : small_int(fv, &f);
        }
        if (rc != 0) {
            Py_DECREF(out);
            if (rc < 0)
                return NULL;
            Py_RETURN_NONE;
        }
        long long lower = f - in - ini - head;
        PyObject *n = PyLong_FromLongLong(lower == 0 ? in + ini + head : in);
        if (n == NULL || PyDict_SetItem(out, key, n) < 0) {
            Py_XDECREF(n);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(n);
    }
    return out;
}

/* ---- sentence starts (the loop over the sentences in factbox.profile) ---------------------- */

/* sentence_starts(text, spans, lengths, firsts, fold_of, headline_ends)
 *   -> (sentence_lengths, initial_counts, odd)
 * For the spans with tokens: their token counts; the capitalised first tokens' types counted,
 * for the spans whose last character is in headline_ends; the indices of the others (which
 * may be title-case headlines: the caller decides). */
static PyObject *
sentence_starts(PyObject *module, PyObject *args)
{
    PyObject *text, *spans, *lengths, *firsts, *fold_of, *ends;
    if (!PyArg_ParseTuple(args, "UO!O!O!O!U:sentence_starts", &text, &PyList_Type, &spans,
                          &PyList_Type, &lengths, &PyList_Type, &firsts, &PyDict_Type,
                          &fold_of, &ends))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(spans), len = PyUnicode_GET_LENGTH(text);
    if (PyList_GET_SIZE(lengths) != n || PyList_GET_SIZE(firsts) != n) {
        PyErr_SetString(PyExc_ValueError, "spans, lengths and firsts differ in length");
        return NULL;
    }
    PyObject *out = PyList_New(0), *counts = PyDict_New(), *odd = PyList_New(0);
    if (out == NULL || counts == NULL || odd == NULL)
        goto error;
    for (Py_ssize_t s = 0; s < n; s++) {
        PyObject *k = PyList_GET_ITEM(lengths, s);
        Py_ssize_t tokens = PyLong_AsSsize_t(k);
        if (tokens == -1 && PyErr_Occurred())
            goto error;
        if (tokens == 0)
            continue;
        if (PyList_Append(out, k) < 0)
            goto error;
        PyObject *span = PyList_GET_ITEM(spans, s);
        if (!PyTuple_Check(span) || PyTuple_GET_SIZE(span) != 2) {
            PyErr_SetString(PyExc_TypeError, "spans must be (start, end) tuples");
            goto error;
        }
        Py_ssize_t end = PyLong_AsSsize_t(PyTuple_GET_ITEM(span, 1));
        if (end == -1 && PyErr_Occurred())
            goto error;
        if (end < 1 || end > len) {
            PyErr_SetString(PyExc_IndexError, "span end out of range");
            goto error;
        }
        Py_UCS4 last = PyUnicode_READ_CHAR(text, end - 1);
        if (PyUnicode_FindChar(ends, last, 0, PyUnicode_GET_LENGTH(ends), 1) < 0) {
            PyObject *i = PyLong_FromSsize_t(s);
            if (i == NULL || PyList_Append(odd, i) < 0) {
                Py_XDECREF(i);
                goto error;
            }
            Py_DECREF(i);
            continue;
        }
        PyObject *first = PyList_GET_ITEM(firsts, s);
        if (!PyUnicode_Check(first) || PyUnicode_GET_LENGTH(first) < 1) {
            PyErr_SetString(PyExc_TypeError, "the first token of a span with tokens is a str");
            goto error;
        }
        if (!Py_UNICODE_ISUPPER(PyUnicode_READ_CHAR(first, 0)))
            continue;
        PyObject *typ = PyDict_GetItemWithError(fold_of, first); /* borrowed */
        if (typ == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetObject(PyExc_KeyError, first);
            goto error;
        }
        PyObject *c = PyDict_GetItemWithError(counts, typ);
        if (c == NULL && PyErr_Occurred())
            goto error;
        long long before = c == NULL ? 0 : PyLong_AsLongLong(c);
        PyObject *after = PyLong_FromLongLong(before + 1);
        if (after == NULL || PyDict_SetItem(counts, typ, after) < 0) {
            Py_XDECREF(after);
            goto error;
        }
        Py_DECREF(after);
    }
    PyObject *result = PyTuple_Pack(3, out, counts, odd);
    Py_DECREF(out);
    Py_DECREF(counts);
    Py_DECREF(odd);
    return result;
error:
    Py_XDECREF(out);
    Py_XDECREF(counts);
    Py_XDECREF(odd);
    return NULL;
}

/* ---- records: instances of frozen, slotted dataclasses without __init__ ------------------ */

/* What record_maker(cls, names) found: the class and the offset of each field's slot. */
typedef struct {
    PyTypeObject *cls;
    PyObject *names; /* a tuple of the n field names, in order */
    Py_ssize_t n;
    Py_ssize_t offset[1]; /* n entries */
} Record;

static const char record_capsule_name[] = "factbox._speedups.record";

static void
record_free(PyObject *capsule)
{
    Record *r = PyCapsule_GetPointer(capsule, record_capsule_name);
    if (r != NULL) {
        Py_DECREF(r->cls);
        Py_DECREF(r->names);
        PyMem_Free(r);
    }
}

static PyObject *
record_maker(PyObject *module, PyObject *args)
{
    PyObject *cls, *names;
    if (!PyArg_ParseTuple(args, "O!O!:record_maker", &PyType_Type, &cls, &PyTuple_Type, &names))
        return NULL;
    PyTypeObject *tp = (PyTypeObject *)cls;
    Py_ssize_t n = PyTuple_GET_SIZE(names);
    if (n < 1 || tp->tp_alloc == NULL || tp->tp_dictoffset != 0) {
        PyErr_SetString(PyExc_TypeError, "record_maker() needs a class with __slots__ only");
        return NULL;
    }
    Record *r = PyMem_Malloc(sizeof(Record) + n * sizeof(Py_ssize_t));
    if (r == NULL)
        return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *descr = PyObject_GetAttr(cls, PyTuple_GET_ITEM(names, i));
        if (descr == NULL) {
            PyMem_Free(r);
            return NULL;
        }
        int ok = Py_IS_TYPE(descr, &PyMemberDescr_Type) &&
                 ((PyMemberDescrObject *)descr)->d_common.d_type == tp &&
                 ((PyMemberDescrObject *)descr)->d_member->type == T_OBJECT_EX &&
                 !(((PyMemberDescrObject *)descr)->d_member->flags & READONLY);
        if (ok)
            r->offset[i] = ((PyMemberDescrObject *)descr)->d_member->offset;
        Py_DECREF(descr);
        if (!ok) {
            PyMem_Free(r);
            PyErr_SetString(PyExc_TypeError, "record_maker(): every name must be a slot of cls");
            return NULL;
        }
    }
    r->cls = (PyTypeObject *)Py_NewRef(cls);
    r->names = Py_NewRef(names);
    r->n = n;
    PyObject *capsule = PyCapsule_New(r, record_capsule_name, record_free);
    if (capsule == NULL) {
        Py_DECREF(cls);
        Py_DECREF(names);
        PyMem_Free(r);
    }
    return capsule;
}

/* new_record(maker, *values, **values): an instance of the maker's class with every slot
 * set, from the positional values in field order, then the keywords, as the dataclass's
 * __init__ sets them (object.__setattr__ per field). Each field exactly once. */
static PyObject *
new_record(PyObject *module, PyObject *const *args, Py_ssize_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs < 1 || !PyCapsule_IsValid(args[0], record_capsule_name)) {
        PyErr_SetString(PyExc_TypeError, "new_record() needs a record_maker() first");
        return NULL;
    }
    Record *r = PyCapsule_GetPointer(args[0], record_capsule_name);
    Py_ssize_t npos = nargs - 1, nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    if (npos + nkw != r->n) {
        PyErr_Format(PyExc_TypeError, "%s() takes %zd values (%zd given)", r->cls->tp_name,
                     r->n, npos + nkw);
        return NULL;
    }
    PyObject *obj = r->cls->tp_alloc(r->cls, 0);
    if (obj == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < npos; i++) {
        PyObject **slot = (PyObject **)((char *)obj + r->offset[i]);
        Py_XSETREF(*slot, Py_NewRef(args[i + 1]));
    }
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, k);
        Py_ssize_t f = -1;
        for (Py_ssize_t i = npos; i < r->n && f < 0; i++) /* interned: pointers first */
            if (PyTuple_GET_ITEM(r->names, i) == name)
                f = i;
        for (Py_ssize_t i = npos; i < r->n && f < 0; i++) {
            int eq = PyObject_RichCompareBool(PyTuple_GET_ITEM(r->names, i), name, Py_EQ);
            if (eq < 0) {
                Py_DECREF(obj);
                return NULL;
            }
            if (eq)
                f = i;
        }
        PyObject **slot = f < 0 ? NULL : (PyObject **)((char *)obj + r->offset[f]);
        if (slot == NULL || *slot != NULL) {
            PyErr_Format(PyExc_TypeError, "%s(): unexpected or repeated field %R",
                         r->cls->tp_name, name);
            Py_DECREF(obj);
            return NULL;
        }
        *slot = Py_NewRef(args[nargs + k]);
    }
    return obj;
}

/* ---- module ------------------------------------------------------------------------------ */

static PyMethodDef methods[] = {
    {"scan", scan, METH_VARARGS,
     "scan(text, spans) -> (fold_of, freqs, type_ids, lengths, firsts, capitalised)\n\n"
     "The tokens of text[a:b] for each span, counted (see factbox.tokens.scan_python)."},
    {"sequence_measures", sequence_measures, METH_VARARGS,
     "sequence_measures(type_ids, n_types, window, segment, threshold)\n"
     "-> (msttr_types, mattr_types, mtld_forward, mtld_backward)\n\n"
     "See factbox.diversity._sequence_measures_python."},
    {"sentence_cuts", sentence_cuts, METH_VARARGS,
     "sentence_cuts(text, exact, anycase, line_break, candidate) -> list of int\n\n"
     "sentences._cuts(text) for a text without list items: the rules the common cases need\n"
     "are compiled; line_break (_line_break_ends_sentence) and candidate (_candidate) are\n"
     "called for the others."},
    {"strip_spans", strip_spans, METH_VARARGS,
     "strip_spans(text, cuts) -> list of (start, end)\n\n"
     "The non-empty pieces text[prev:cut], stripped of white space (sentences.sentence_spans)."},
    {"lookup", lookup, METH_VARARGS,
     "lookup(index, freqs) -> (ids, counts)\n\n"
     "For each key of freqs in order, index[key] (-1 when missing) and freqs[key], as native\n"
     "64-bit ints in two bytes objects (see factbox._engine.lookup)."},
    {"foreign_characters", foreign_characters, METH_O,
     "foreign_characters(text) -> int\n\n"
     "len(factbox.tokens._FOREIGN_RE.findall(text)), in one pass."},
    {"spectrum", spectrum, METH_VARARGS,
     "spectrum(freqs, first_seen=False) -> dict\n\n"
     "The frequency spectrum m -> V_m of a dict of positive counts, by increasing m\n"
     "(the content of collections.Counter(freqs.values())); with first_seen, in the order\n"
     "where each m first occurs (Counter's order), or None unless every count is an int\n"
     "from 1 to 2**24."},
    {"type_totals", type_totals, METH_VARARGS,
     "type_totals(index, freqs, matrix[, col]) -> list of ints (with col: (list, bytes)) or None\n\n"
     "Σ over the types of freqs of count × matrix[index[type]], then Σ of matrix[index[type]];\n"
     "None when a type has no row."},
    {"list_marks", list_marks, METH_O,
     "list_marks(text) -> (bool, list of int)\n\n"
     "Whether text has a bullet (sentences._BULLETS), and the offsets i with text[i] in '1a'\n"
     "and text[i + 1] in '.)' (see sentences._list_marks)."},
    {"vocabulary_sums", vocabulary_sums, METH_VARARGS,
     "vocabulary_sums(index, freqs, level, cell, lr, rare, forms, hard_index, n_cells,\n"
     "                unlisted, b2) -> tuple or None\n\n"
     "The per-type sums of factbox.vocabulary.compute (see its reference path)."},
    {"proper_names", proper_names, METH_VARARGS,
     "proper_names(freqs, inside, initial, headline) -> dict or None\n\n"
     "counts.proper_name_occurrences(freqs, {t: c for t, c in inside.items() if c}, initial,\n"
     "headline); None when a count is not an int below 2**61 or a type is not in freqs."},
    {"sentence_starts", sentence_starts, METH_VARARGS,
     "sentence_starts(text, spans, lengths, firsts, fold_of, headline_ends)\n"
     "-> (sentence_lengths, initial_counts, odd)\n\n"
     "The loop over the sentences of factbox.profile, but for the sentences that may be\n"
     "headlines (odd: their indices)."},
    {"hdd", hdd, METH_VARARGS,
     "hdd(spectrum, draws) -> float or None\n\n"
     "HD-D from the frequency spectrum m -> V_m (see factbox.diversity._hdd)."},
    {"record_maker", record_maker, METH_VARARGS,
     "record_maker(cls, names) -> capsule\n\n"
     "For new_record: the slots named (in order) of cls, a class with __slots__ only."},
    {"new_record", (PyCFunction)(void (*)(void))new_record, METH_FASTCALL | METH_KEYWORDS,
     "new_record(maker, *values, **values) -> instance\n\n"
     "An instance of the maker's class with every slot set (each field exactly once),\n"
     "without __init__ (see factbox._engine.record)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "factbox._speedups",
    "Compiled hot path of factbox.profile(); see docs/performance.md.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    casefold_method = PyObject_GetAttrString((PyObject *)&PyUnicode_Type, "casefold");
    typographic_apostrophe = PyUnicode_FromOrdinal(0x2019);
    ascii_apostrophe = PyUnicode_FromOrdinal('\'');
    if (casefold_method == NULL || typographic_apostrophe == NULL || ascii_apostrophe == NULL)
        return NULL;
    return PyModule_Create(&moduledef);
}
