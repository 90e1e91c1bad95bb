package ru.gospubliki.audit;

/** Hears how far a registry audit has got, e.g. to draw a progress bar. */
@FunctionalInterface
public interface AuditProgress {
  /** {@code done} of {@code total} pages have been read and evaluated. */
  void onPages(int done, int total);

  /** Hears nothing. */
  AuditProgress NONE = (done, total) -> {};
}
