package ru.gospubliki.registry;

import org.immutables.value.Value;

/** A registry row that could not be used, with its line number and a Russian reason. */
@Value.Immutable
public abstract class RejectedRow {
  RejectedRow() {}

  public static RejectedRow of(long line, String error) {
    return new Builder().line(line).error(error).build();
  }

  /** 1-based line number in the file (the header is line 1). */
  public abstract long line();

  /** What is wrong, naming the column and the value. */
  public abstract String error();

  static final class Builder extends ImmutableRejectedRow.Builder {}
}
