"""golden_tests: one sh_test per golden listing (tests/golden).

Each NAME.lua beside NAME.expected becomes //tests/golden:NAME, which checks that
`piccoloc -p -l NAME.lua` prints exactly NAME.expected.
"""

def golden_tests(name, srcs):
    """Declares one sh_test per script in [srcs] and a test_suite [name] over them."""
    tests = []
    for src in srcs:
        base = src[:-len(".lua")]
        native.sh_test(
            name = base,
            srcs = ["run_golden_test.sh"],
            args = [
                "$(location //:piccoloc)",
                "$(location %s)" % src,
                "$(location %s.expected)" % base,
            ],
            data = [src, base + ".expected", "//:piccoloc"],
            size = "small",
        )
        tests.append(base)
    native.test_suite(name = name, tests = tests)
