-- An uncaught error with a table value also ends the script with a non-zero status.
print("start")
error({code = 1})
