def log = new File(basedir, 'build.log').text
// 1: each adapter refused to start, naming both jars and the version that was loaded.
['VkPlatform', 'OkPlatform'].each { adapter ->
  assert log =~ /${adapter} refused: Gospubliki SDK needs one OkHttp 5\.3\.2 or newer 5\.x, but the class path holds 2 copies of okhttp3\.OkHttp: .*okhttp-4\.12\.0\.jar/
}
// 2: the build reports OkHttp 4 against 5 (the adapters declare com.squareup.okhttp3:okhttp 5.3.2).
assert log.contains('Dependency convergence error for com.squareup.okhttp3:okhttp')
