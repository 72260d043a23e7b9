-- limit-args: --sandbox
-- limit-stdout: nil	nil	nil	nil	nil	nil	function
print(io.open, os.getenv, os.exit, os.execute, debug, io.popen, type(print))
