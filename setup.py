"""Build the optional C extension factbox._speedups (the compiled hot path of profile()).

Everything else about the package is in pyproject.toml. The extension is optional: when it
cannot be compiled (no compiler, no Python headers) the install still succeeds and factbox
runs its pure-Python reference implementation; ``factbox.engine()`` says which one is active.
See docs/performance.md.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "factbox._speedups",
            sources=["src/factbox/_speedups.c"],
            depends=["src/factbox/_speedups_token.h"],
            optional=True,
            extra_compile_args=["-O2"],
            libraries=["m"],  # pow() in vocabulary_sums
        )
    ]
)
