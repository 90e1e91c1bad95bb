// Both runs printed their line: the program really ran on the class path and on the module path.
def log = new File(basedir, 'build.log').text
assert log.contains('DependencyConvergence passed')
assert log =~ /portal on the class path: 2 organisations read, https:\/\/vk\.com\/club123 \w+, JSON report \d+ chars/
assert log =~ /portal on the module path: 2 organisations read, https:\/\/vk\.com\/club123 \w+, JSON report \d+ chars/
