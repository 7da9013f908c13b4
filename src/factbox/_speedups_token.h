/* next_token for one string kind: included by _speedups.c with T (the code unit type) and
 * NAME defined. See next_token there. */

static Py_ssize_t
NAME(const T *d, Py_ssize_t p, Py_ssize_t b, Py_ssize_t *start)
{
    Py_ssize_t q;
    while (p < b && !is_LD(d[p]))
        p++;
    if (p >= b)
        return -1;
    *start = p;
    if (is_D(d[p])) { /* numbers: 2024, 13.6, 1,000, 20th */
        q = p + 1;
        while (q < b && is_D(d[q]))
            q++;
        while (q + 1 < b && (d[q] == '.' || d[q] == ',') && is_D(d[q + 1])) {
            q += 2;
            while (q < b && is_D(d[q]))
                q++;
        }
        while (q < b && is_L(d[q]))
            q++;
        return q;
    }
    /* initialism: (?:\.[L])+ greedy, then \.?, then (?![LD]), with the regex's
     * backtracking: k repetitions end at q */
    Py_ssize_t k = 0;
    q = p + 1;
    while (q + 1 < b && d[q] == '.' && is_L(d[q + 1])) {
        q += 2;
        k++;
    }
    if (k > 0) {
        if (q < b && d[q] == '.') /* with the dot the lookahead sees q + 1, else the dot */
            return (q + 1 < b && is_LD(d[q + 1])) ? q : q + 1;
        if (q >= b || !is_LD(d[q]))
            return q;
        if (k >= 2)
            return q - 2; /* one repetition less: the lookahead sees a full stop */
        /* k == 1 fails: the word alternative */
    }
    q = p + 1; /* words with internal apostrophes */
    for (;;) {
        while (q < b && is_LD(d[q]))
            q++;
        if (q + 1 < b && is_APOS(d[q]) && is_LD(d[q + 1]))
            q += 2;
        else
            break;
    }
    return q;
}

#undef T
#undef NAME
