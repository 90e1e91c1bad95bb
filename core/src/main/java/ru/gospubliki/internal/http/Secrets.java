package ru.gospubliki.internal.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The secrets an adapter holds (tokens, keys), to cut them out of anything a platform echoes back
 * before it reaches an exception, a log or a report.
 */
public final class Secrets {
  /** What a secret is replaced with. */
  public static final String MASK = "██";
  private final List<String> values;

  private Secrets(List<String> values) {
    this.values = values;
  }

  /** The secrets among {@code values} (values shorter than 4 characters are not secrets). */
  public static Secrets of(Collection<String> values) {
    List<String> kept = new ArrayList<>();
    for (String value : values) if (value.length() >= 4 && !kept.contains(value)) kept.add(value);
    // Longer first, so a secret that contains another is masked whole.
    kept.sort((a, b) -> Integer.compare(b.length(), a.length()));
    return new Secrets(List.copyOf(kept));
  }

  /** These secrets and {@code value} (a key learnt later, e.g. from an embedder's secret store). */
  public Secrets plus(String value) {
    if (value.length() < 4 || values.contains(value)) return this;
    List<String> more = new ArrayList<>(values);
    more.add(value);
    return of(more);
  }

  /** {@code text} with every secret replaced by {@link #MASK}. */
  public String scrub(String text) {
    String result = text;
    for (String secret : values) {
      if (result.contains(secret)) result = result.replace(secret, MASK);
    }
    return result;
  }

  @Override
  public String toString() {
    return "Secrets{" + values.size() + "}";
  }
}
