"""limit_tests: one sh_test per script of tests/limits (see run_limit_test.sh)."""

def limit_tests(name, srcs):
    """Declares one sh_test per script in [srcs] and a test_suite [name] over them."""
    tests = []
    for src in srcs:
        target = src[:-len(".lua")]
        native.sh_test(
            name = target,
            srcs = ["run_limit_test.sh"],
            args = [
                "$(location //:piccoloc)",
                "$(location //:piccolo)",
                "$(location %s)" % src,
            ],
            data = [src, "//:piccoloc", "//:piccolo"],
            size = "small",
            timeout = "moderate",
        )
        tests.append(target)
    native.test_suite(name = name, tests = tests)
