package ru.gospubliki.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable map of strings that keeps its entries' order in one array: a finding's details
 * (two to six measured values) cost a few dozen bytes instead of a hash table, which matters when a
 * report holds hundreds of thousands of them.
 */
public final class CompactMap extends AbstractMap<String, String> {
  private static final CompactMap EMPTY = new CompactMap(new String[0]);

  /** Keys at even indexes, each followed by its value. */
  private final String[] keysAndValues;

  private CompactMap(String[] keysAndValues) {
    this.keysAndValues = keysAndValues;
  }

  /** {@code map}'s entries in its iteration order; {@code map} itself when it already is one. */
  public static Map<String, String> copyOf(Map<String, String> map) {
    if (map instanceof CompactMap) return map;
    if (map.isEmpty()) return EMPTY;
    String[] array = new String[map.size() * 2];
    int i = 0;
    for (Map.Entry<String, String> entry : map.entrySet()) {
      array[i++] = Objects.requireNonNull(entry.getKey(), "detail name");
      array[i++] = Objects.requireNonNull(entry.getValue(), () -> "detail " + entry.getKey());
    }
    return new CompactMap(array);
  }

  @Override
  public int size() {
    return keysAndValues.length / 2;
  }

  @Override
  public @Nullable String get(@Nullable Object key) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i].equals(key)) return keysAndValues[i + 1];
    }
    return null;
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return get(key) != null;
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return keysAndValues.length / 2;
      }

      @Override
      public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keysAndValues.length;
          }

          @Override
          public Map.Entry<String, String> next() {
            if (!hasNext()) throw new NoSuchElementException();
            Map.Entry<String, String> entry = new SimpleImmutableEntry<>(keysAndValues[next], keysAndValues[next + 1]);
            next += 2;
            return entry;
          }
        };
      }
    };
  }
}
