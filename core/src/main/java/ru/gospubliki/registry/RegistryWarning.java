package ru.gospubliki.registry;

import org.immutables.value.Value;

/**
 * Something in a registry that was kept but looks wrong: an ИНН that fails its checksum, a kind or
 * a «Подключено» value the SDK does not know, a duplicate organisation, one page under two
 * organisations, a column it does not recognise. The row stays in the audit; the message (Russian)
 * says what to check.
 */
@Value.Immutable
public abstract class RegistryWarning {
  RegistryWarning() {}

  /** A warning about line {@code line} (1-based; 0 when it concerns no one line). */
  public static RegistryWarning of(long line, String message) {
    return new Builder().line(line).message(message).build();
  }

  /** 1-based line number in the file (the header is line 1); 0 when the warning concerns no one line. */
  public abstract long line();

  /** What looks wrong and what to check, naming the column and the value. */
  public abstract String message();

  @Value.Check
  void check() {
    if (line() < 0) throw new IllegalArgumentException("line < 0: " + line());
  }

  static final class Builder extends ImmutableRegistryWarning.Builder {}
}
