package ru.gospubliki.internal.http;

import java.util.List;
import java.util.Objects;

/**
 * A JSON array read item by item: the items that could be read, and those that could not, each
 * with where it was and why. Declare a field of this type in an answer class where one bad item
 * must not spoil its neighbours (a group with id 0 among 500 good ones); {@link PlatformJson}'s
 * factory reads it.
 *
 * @param items the items read, in the array's order.
 * @param malformed the items that could not be read.
 */
public record Each<T>(List<T> items, List<Malformed> malformed) {
  public Each {
    items = List.copyOf(items);
    malformed = List.copyOf(malformed);
  }

  /** Nothing read (the array was absent or {@code null}). */
  public static <T> Each<T> empty() {
    return new Each<>(List.of(), List.of());
  }

  /**
   * One item that could not be read.
   *
   * @param index its position in the array.
   * @param path its JSON path, e.g. {@code $.response.groups[3]}.
   * @param problem what was wrong, with the path of the bad value, in Russian.
   */
  public record Malformed(int index, String path, String problem) {
    public Malformed {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(problem, "problem");
    }
  }
}
