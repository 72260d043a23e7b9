"""lua_tests: one sh_test per Lua script of the corpus (tests/lua).

Each SCRIPT.lua beside SCRIPT.expected (and optional SCRIPT.status) becomes the test
target named after its path with "/" -> "_" and no extension, e.g. lang/closures.lua
-> //tests/lua:lang_closures.
"""

def lua_tests(name, srcs):
    """Declares one sh_test per script in [srcs] and a test_suite [name] over them."""
    tests = []
    for src in srcs:
        base = src[:-len(".lua")]
        target = base.replace("/", "_")
        data = [src, base + ".expected"] + native.glob([base + ".status"])
        native.sh_test(
            name = target,
            srcs = ["//tests/harness:run_lua_test.sh"],
            args = [
                "$(location //:piccoloc)",
                "$(location //:piccolo)",
                "$(location %s)" % src,
            ],
            data = data + ["//:piccoloc", "//:piccolo"],
            size = "small",
            timeout = "moderate",  # deep recursion under --config=gcstress/asan
        )
        tests.append(target)
    native.test_suite(name = name, tests = tests)
