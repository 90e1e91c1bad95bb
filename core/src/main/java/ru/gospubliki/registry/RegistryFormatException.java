package ru.gospubliki.registry;

/**
 * A registry file that cannot be read at all: no header, no name column, a broken quote, bytes
 * that are not in the file's encoding. Bad rows are not this: they become {@link RejectedRow}s.
 * The message is Russian, for the person who keeps the file.
 */
public final class RegistryFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final long line;

  public RegistryFormatException(long line, String message) {
    super(line > 0 ? "строка " + line + ": " + message : message);
    this.line = line;
  }

  /** The 1-based line the problem is on, or 0 when it concerns the whole file. */
  public long line() {
    return line;
  }
}
