package ru.gospubliki.rules;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A finding's message kept as its parts: the fixed text of the rule (one shared instance however
 * many pages the rule fails on) and the values of one page (its name, a link, a count). A national
 * audit holds hundreds of thousands of findings; built this way, each keeps only its values, not a
 * fresh copy of the whole sentence.
 *
 * <pre>{@code
 * return RuleResult.fail(Message.of("Название страницы «", name, "» не совпадает с наименованием в реестре «",
 *     registryName, "». Назовите страницу так, как организация названа в реестре."));
 * }</pre>
 *
 * <p>Its {@link #toString()} is the text; equal texts are equal messages whatever their parts.
 */
public final class Message implements CharSequence {
  private final String[] parts;

  private Message(String[] parts) {
    this.parts = parts;
  }

  /** The message made of {@code parts} in order; each is turned into text with {@link String#valueOf}. */
  public static Message of(Object... parts) {
    String[] strings = new String[parts.length];
    for (int i = 0; i < parts.length; i++) strings[i] = String.valueOf(parts[i]);
    return new Message(strings);
  }

  @Override
  public int length() {
    return toString().length();
  }

  @Override
  public char charAt(int index) {
    return toString().charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return toString().subSequence(start, end);
  }

  /** The text; made on each call and not kept, so a stored message stays small. */
  @Override
  public String toString() {
    StringBuilder result = new StringBuilder();
    for (String part : parts) result.append(part);
    return result.toString();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Message && toString().equals(other.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /** For tests of the sharing itself: the parts as given. */
  String[] parts() {
    return Arrays.copyOf(parts, parts.length);
  }
}
