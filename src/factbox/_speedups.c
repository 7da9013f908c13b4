/* factbox._speedups: the compiled hot path of factbox.profile() (optional).
 *
 * Two functions, each an exact replacement for a pure-Python reference that stays in the
 * package (tests compare both on arbitrary input):
 *
 *   scan(text, spans)  -> (forms, fold_of, freqs, type_ids, lengths, firsts)
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
#include <stdint.h>
#include <string.h>

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

/* The end of the token of TOKEN_RE that starts at p (p < b), or -1 when none starts there.
 * ``b`` is the end of the searched range (the regex sees it as the end of the string).
 *
 * TOKEN_RE = [L](?:(?:\.[L])+\.?(?![LD]) | [LD]*(?:[APOS][LD]+)*) | [0-9]+(?:[.,][0-9]+)*(?:[L]+)?
 */
static inline Py_ssize_t
token_end(int kind, const void *data, Py_ssize_t p, Py_ssize_t b)
{
    Py_UCS4 c = RD(p);
    Py_ssize_t q;
    if (is_L(c)) {
        /* initialism: (?:\.[L])+ greedy, then \.?, then (?![LD]), with the regex's
         * backtracking: k repetitions end at q. */
        Py_ssize_t k = 0;
        q = p + 1;
        while (q + 1 < b && RD(q) == '.' && is_L(RD(q + 1))) {
            q += 2;
            k++;
        }
        if (k > 0) {
            if (q < b && RD(q) == '.') {
                /* with the dot, the lookahead sees q + 1; else it sees the dot (not LD) */
                return (q + 1 < b && is_LD(RD(q + 1))) ? q : q + 1;
            }
            if (q >= b || !is_LD(RD(q)))
                return q;
            if (k >= 2)
                return q - 2; /* one repetition less: the lookahead sees a full stop */
            /* k == 1 fails: the word alternative */
        }
        q = p + 1;
        for (;;) {
            while (q < b && is_LD(RD(q)))
                q++;
            if (q + 1 < b && is_APOS(RD(q)) && is_LD(RD(q + 1)))
                q += 2;
            else
                break;
        }
        return q;
    }
    if (is_D(c)) {
        q = p + 1;
        while (q < b && is_D(RD(q)))
            q++;
        while (q + 1 < b && (RD(q) == '.' || RD(q) == ',') && is_D(RD(q + 1))) {
            q += 2;
            while (q < b && is_D(RD(q)))
                q++;
        }
        while (q < b && is_L(RD(q)))
            q++;
        return q;
    }
    return -1;
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

static inline uint64_t
hash_bytes(const unsigned char *s, Py_ssize_t n)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (Py_ssize_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ULL;
    }
    return h ^ (h >> 29);
}

/* ---- scan -------------------------------------------------------------------------------- */

typedef struct {
    int32_t *v;
    Py_ssize_t n, cap;
} IntVec;

static int
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

/* fold(form) = form.casefold().replace("\u2019", "'") (factbox.tokens.fold) */
static PyObject *
fold(PyObject *form)
{
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
scan(PyObject *module, PyObject *args)
{
    PyObject *text, *spans;
    if (!PyArg_ParseTuple(args, "UO:scan", &text, &spans))
        return NULL;
    if (PyUnicode_READY(text) < 0)
        return NULL;
    PyObject *seq = PySequence_Fast(spans, "spans must be a sequence of (start, end) pairs");
    if (seq == NULL)
        return NULL;

    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const unsigned char *bytes = (const unsigned char *)data;
    Py_ssize_t text_len = PyUnicode_GET_LENGTH(text);
    Py_ssize_t n_spans = PySequence_Fast_GET_SIZE(seq);

    Table table = {NULL, 0, 0};
    IntVec form_type = {NULL, 0, 0}; /* form id -> type id */
    IntVec form_count = {NULL, 0, 0};
    IntVec type_count = {NULL, 0, 0};
    IntVec form_ids = {NULL, 0, 0}; /* per token */
    PyObject *form_list = NULL, *types = NULL, *lengths = NULL, *firsts = NULL;
    PyObject *forms = NULL, *fold_of = NULL, *freqs = NULL, *type_ids = NULL;
    PyObject *result = NULL;

    if (table_init(&table, text_len / 16 + 16) < 0)
        goto nomem;
    form_list = PyList_New(0);
    types = PyDict_New(); /* type -> type id */
    fold_of = PyDict_New();
    lengths = PyList_New(n_spans);
    firsts = PyList_New(n_spans);
    if (form_list == NULL || types == NULL || fold_of == NULL || lengths == NULL ||
        firsts == NULL)
        goto error;

    for (Py_ssize_t s = 0; s < n_spans; s++) {
        Py_ssize_t a, b;
        PyObject *pair = PySequence_Fast_GET_ITEM(seq, s);
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
        /* the slice semantics of findall(text, a, b) */
        if (a < 0)
            a = 0;
        if (b > text_len)
            b = text_len;
        Py_ssize_t before = form_ids.n;
        Py_ssize_t p = a;
        while (p < b) {
            Py_ssize_t e = token_end(kind, data, p, b);
            if (e < 0) {
                p++;
                continue;
            }
            Py_ssize_t len = e - p;
            const unsigned char *chars = bytes + p * kind;
            uint64_t h = hash_bytes(chars, len * kind);
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
                PyObject *form = PyUnicode_Substring(text, p, e);
                if (form == NULL)
                    goto error;
                int rc = PyList_Append(form_list, form);
                Py_DECREF(form);
                if (rc < 0)
                    goto error;
                PyObject *typ = fold(form);
                if (typ == NULL)
                    goto error;
                if (PyDict_SetItem(fold_of, form, typ) < 0) {
                    Py_DECREF(typ);
                    goto error;
                }
                PyObject *tid = PyDict_GetItemWithError(types, typ);
                Py_ssize_t t;
                if (tid != NULL) {
                    t = PyLong_AsSsize_t(tid);
                } else if (PyErr_Occurred()) {
                    Py_DECREF(typ);
                    goto error;
                } else {
                    t = PyDict_GET_SIZE(types);
                    PyObject *num = PyLong_FromSsize_t(t);
                    if (num == NULL || PyDict_SetItem(types, typ, num) < 0) {
                        Py_XDECREF(num);
                        Py_DECREF(typ);
                        goto error;
                    }
                    Py_DECREF(num);
                    if (vec_push(&type_count, 0) < 0) {
                        Py_DECREF(typ);
                        goto nomem;
                    }
                }
                Py_DECREF(typ);
                if (vec_push(&form_type, (int32_t)t) < 0 || vec_push(&form_count, 0) < 0)
                    goto nomem;
                Slot *sl = &table.slots[j];
                sl->start = p;
                sl->len = len;
                sl->hash = h;
                sl->id = id;
                if (++table.used * 2 > table.mask + 1 && table_grow(&table) < 0)
                    goto nomem;
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

    /* forms: form -> count; freqs: type -> count; type_ids: int32 per token */
    Py_ssize_t n_forms = PyList_GET_SIZE(form_list);
    forms = PyDict_New();
    freqs = PyDict_New();
    type_ids = PyBytes_FromStringAndSize(NULL, form_ids.n * (Py_ssize_t)sizeof(int32_t));
    if (forms == NULL || freqs == NULL || type_ids == NULL)
        goto error;
    for (Py_ssize_t i = 0; i < n_forms; i++) {
        type_count.v[form_type.v[i]] += form_count.v[i];
        PyObject *c = PyLong_FromLong(form_count.v[i]);
        if (c == NULL)
            goto error;
        int rc = PyDict_SetItem(forms, PyList_GET_ITEM(form_list, i), c);
        Py_DECREF(c);
        if (rc < 0)
            goto error;
    }
    {
        PyObject *key, *value;
        Py_ssize_t pos = 0, t = 0;
        while (PyDict_Next(types, &pos, &key, &value)) { /* insertion order = type id */
            PyObject *c = PyLong_FromLong(type_count.v[t++]);
            if (c == NULL)
                goto error;
            int rc = PyDict_SetItem(freqs, key, c);
            Py_DECREF(c);
            if (rc < 0)
                goto error;
        }
    }
    {
        int32_t *out = (int32_t *)PyBytes_AS_STRING(type_ids);
        for (Py_ssize_t i = 0; i < form_ids.n; i++)
            out[i] = form_type.v[form_ids.v[i]];
    }
    result = PyTuple_Pack(6, forms, fold_of, freqs, type_ids, lengths, firsts);
    goto done;

nomem:
    PyErr_NoMemory();
error:
done:
    PyMem_Free(table.slots);
    PyMem_Free(form_type.v);
    PyMem_Free(form_count.v);
    PyMem_Free(type_count.v);
    PyMem_Free(form_ids.v);
    Py_XDECREF(form_list);
    Py_XDECREF(types);
    Py_XDECREF(lengths);
    Py_XDECREF(firsts);
    Py_XDECREF(forms);
    Py_XDECREF(fold_of);
    Py_XDECREF(freqs);
    Py_XDECREF(type_ids);
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

/* ---- module ------------------------------------------------------------------------------ */

static PyMethodDef methods[] = {
    {"scan", scan, METH_VARARGS,
     "scan(text, spans) -> (forms, fold_of, freqs, type_ids, lengths, firsts)\n\n"
     "The tokens of text[a:b] for each span, counted (see factbox.tokens.scan_python)."},
    {"sequence_measures", sequence_measures, METH_VARARGS,
     "sequence_measures(type_ids, n_types, window, segment, threshold)\n"
     "-> (msttr_types, mattr_types, mtld_forward, mtld_backward)\n\n"
     "See factbox.diversity._sequence_measures_python."},
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
