package ru.gospubliki.vk.internal;

import java.util.List;

/** The configured tokens' secrets, to cut them out of anything VK echoes back. */
public final class Secrets {
  private static final String MASK = "██";
  private final List<String> values;

  public Secrets(List<Token> tokens) {
    this.values = tokens.stream().map(Token::secret).filter(s -> s.length() >= 4).toList();
  }

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
