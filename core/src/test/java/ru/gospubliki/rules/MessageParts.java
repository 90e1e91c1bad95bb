package ru.gospubliki.rules;

/** Opens {@link Message}'s parts to tests of other packages. */
public final class MessageParts {
  private MessageParts() {}

  public static String[] of(Message message) {
    return message.parts();
  }
}
