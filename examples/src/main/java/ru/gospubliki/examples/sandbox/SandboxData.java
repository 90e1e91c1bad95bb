package ru.gospubliki.examples.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import ru.gospubliki.examples.sandbox.internal.DataSet;
import ru.gospubliki.examples.sandbox.internal.SyntheticData;

/**
 * What the sandbox serves: VK communities, OK groups and MAX channels with their posts, and the matching registry of
 * institutions. Post dates are relative to the moment the sandbox starts, so the data never goes
 * stale.
 *
 * <pre>{@code
 * SandboxData sample = SandboxData.sample();               // the fictional district, ~40 institutions
 * SandboxData big = SandboxData.synthetic(20_000, 42L);    // for benchmarks
 * }</pre>
 */
public final class SandboxData {
  private static final String SAMPLE_JSON = "sample-data.json";
  private static final String SAMPLE_REGISTRY = "sample-registry.csv";

  final DataSet dataSet;

  private SandboxData(DataSet dataSet) {
    this.dataSet = dataSet;
  }

  /** The bundled sample district (see {@code sample-README.md} next to it for expected findings). */
  public static SandboxData sample() {
    return new SandboxData(DataSet.parse(resource(SAMPLE_JSON), resource(SAMPLE_REGISTRY)));
  }

  /**
   * Parses data in the sandbox format ({@code {"vk":[{"group":{...},"posts":[...]}],"ok":[...],"max":[...]}});
   * {@code registryCsv} is the registry that goes with it (may be empty).
   */
  public static SandboxData fromJson(String json, String registryCsv) {
    return new SandboxData(DataSet.parse(json, registryCsv));
  }

  /**
   * {@code communities} deterministic VK communities (every fifth institution also has an OK group)
   * with a realistic mix of compliant and faulty pages, and their registry; same seed, same data.
   */
  public static SandboxData synthetic(int communities, long seed) {
    if (communities < 1 || communities > 1_000_000) {
      throw new IllegalArgumentException("communities must be 1..1000000: " + communities);
    }
    return new SandboxData(SyntheticData.generate(communities, seed));
  }

  /** The registry CSV (UTF-8 with BOM, {@code ;}-separated, Russian headers) matching the data. */
  public String registryCsv() {
    return dataSet.registryCsv();
  }

  public int vkCommunities() {
    return dataSet.vkCommunities();
  }

  public int okGroups() {
    return dataSet.okGroups();
  }

  public int maxChannels() {
    return dataSet.maxChannels();
  }

  @Override
  public String toString() {
    return "SandboxData{vk=" + vkCommunities() + ", ok=" + okGroups() + ", max=" + maxChannels() + "}";
  }

  private static String resource(String name) {
    try (InputStream in = SandboxData.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing bundled resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
