package ru.gospubliki.internal.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.OkHttp;
import org.jspecify.annotations.Nullable;

/**
 * Refuses to start an adapter on an OkHttp older than the one the SDK is built with, or with more
 * than one OkHttp on the class path, with a message that names what was found, where, and what to
 * do.
 *
 * <p>Why: OkHttp 5 keeps its classes in {@code com.squareup.okhttp3:okhttp-jvm}, OkHttp 4 in
 * {@code com.squareup.okhttp3:okhttp}. An embedder who already has OkHttp 4 gets both jars from
 * Maven, both holding {@code okhttp3.*}; whichever comes first wins class by class, and the
 * failure would otherwise be a {@code NoSuchMethodError} in the middle of a call.
 */
public final class OkHttpVersion {
  /** The OkHttp the SDK is built and tested with; kept equal to the build's by a test. */
  static final String BUILT_WITH = "5.3.2";

  private static volatile boolean compatible;

  private OkHttpVersion() {}

  /** Throws {@link IllegalStateException} unless exactly one OkHttp 5, at least {@link #BUILT_WITH}, is loaded. */
  public static void requireCompatible() {
    if (compatible) return;
    String problem = problem(OkHttp.VERSION, locations());
    if (problem != null) throw new IllegalStateException(problem);
    compatible = true;
  }

  /** What is wrong with running on OkHttp {@code found} loaded from {@code locations}, or null. */
  static @Nullable String problem(String found, List<String> locations) {
    List<String> where = locations.isEmpty() ? List.of("an unknown location") : locations;
    String fix = " Remove the other OkHttp, or set com.squareup.okhttp3:okhttp to " + BUILT_WITH
        + " in your dependencyManagement (its classes come with com.squareup.okhttp3:okhttp-jvm, which"
        + " the SDK depends on).";
    if (where.size() > 1) {
      return "Gospubliki SDK needs one OkHttp " + BUILT_WITH + " or newer 5.x, but the class path holds "
          + where.size() + " copies of okhttp3.OkHttp: " + String.join(", ", where) + "; OkHttp " + found
          + " was loaded." + fix;
    }
    int[] version = parse(found);
    int[] needed = parse(BUILT_WITH);
    if (version[0] != needed[0] || compare(version, needed) < 0) {
      return "Gospubliki SDK needs OkHttp " + BUILT_WITH + " or newer 5.x, but OkHttp " + found
          + " was loaded from " + where.get(0) + "." + fix;
    }
    return null;
  }

  private static List<String> locations() {
    ClassLoader loader = OkHttp.class.getClassLoader();
    String resource = "okhttp3/OkHttp.class";
    try {
      Set<String> found = new LinkedHashSet<>();
      if (loader == null) {
        URL url = ClassLoader.getSystemResource(resource);
        if (url != null) found.add(jarOf(url));
      } else {
        for (URL url : Collections.list(loader.getResources(resource))) found.add(jarOf(url));
      }
      return new ArrayList<>(found);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list OkHttp on the class path", e);
    }
  }

  /** {@code jar:file:/m2/okhttp-4.12.0.jar!/okhttp3/OkHttp.class} → {@code file:/m2/okhttp-4.12.0.jar}. */
  private static String jarOf(URL url) {
    String s = url.toString();
    if (s.startsWith("jar:") && s.contains("!/")) return s.substring(4, s.indexOf("!/"));
    return s;
  }

  /** "5.3.2", "5.4.0-alpha.1" → {5, 3, 2}, {5, 4, 0}; missing or unreadable parts are 0. */
  private static int[] parse(String version) {
    int[] parts = new int[3];
    String[] pieces = version.split("[.-]", 4);
    for (int i = 0; i < parts.length && i < pieces.length; i++) {
      String digits = pieces[i].replaceAll("\\D.*", "");
      parts[i] = digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
    return parts;
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) return Integer.compare(a[i], b[i]);
    }
    return 0;
  }
}
