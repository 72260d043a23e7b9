-- The first program: prints a greeting.
print("Hello from piccolo!")
