package ru.gospubliki.store;

/**
 * The store's database failed: it could not be reached, or refused a statement. The message says
 * what was being done and the database's own error (never a password or a URL's credentials).
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
