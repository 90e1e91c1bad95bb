package ru.gospubliki.model;

import java.util.Locale;

/** A fact an organisation declares in the registry: yes, no, or not stated. */
public enum Declared {
  YES,
  NO,
  UNKNOWN;

  /**
   * Parses {@code да/нет/yes/no/true/false/1/0/+/-}; blank is {@link #UNKNOWN}.
   *
   * @throws IllegalArgumentException with a Russian message for anything else.
   */
  public static Declared parse(String value) {
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "":
        return UNKNOWN;
      case "да":
      case "yes":
      case "true":
      case "1":
      case "+":
        return YES;
      case "нет":
      case "no":
      case "false":
      case "0":
      case "-":
        return NO;
      default:
        String shown = value.trim().length() > 120 ? value.trim().substring(0, 120) + "…" : value.trim();
        throw new IllegalArgumentException("ожидается «да», «нет» или пусто, а не «" + shown + "»");
    }
  }
}
