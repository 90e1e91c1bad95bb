package ru.gospubliki.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Normalises Russian phone numbers as pages show them ({@code 8 (42142) 2-34-56}, {@code +7 914
 * 123-45-67 доб. 12}) to E.164 {@code +7XXXXXXXXXX}. Only Russian numbering is accepted: {@code +7
 * 3xx/4xx/8xx/9xx}; {@code +7 6xx/7xx} is Kazakhstan.
 *
 * <pre>{@code
 * Phones.toE164("8 (42142) 2-34-56"); // "+74214223456"
 * Phones.problem("+7 701 123 45 67"); // "номер принадлежит Казахстану (+7 6xx/7xx), ..."
 * }</pre>
 */
public final class Phones {
  /** Optional label, the number itself, optional extension. */
  private static final Pattern PHONE = Pattern.compile(
      "(?iu:тел(?:ефон)?\\.?|т\\.)?\\s*:?\\s*"
          + "(\\+?[\\d(][\\d\\s().\\u2010-\\u2015-]*)"
          + "(?:\\s*[,;]?\\s*(?iu:доб(?:авочный)?|вн|ext)\\.?\\s*(\\d{1,6}))?\\s*");
  private static final Pattern RUSSIAN = Pattern.compile("7[3489]\\d{9}");

  private Phones() {}

  /** Returns {@code raw} as {@code +7XXXXXXXXXX} without extension, or null if it is not a valid Russian number. */
  public static @Nullable String toE164(String raw) {
    String digits = nationalDigits(raw);
    return digits != null && RUSSIAN.matcher(digits).matches() ? "+" + digits : null;
  }

  /** True when {@code raw} is a valid Russian number. */
  public static boolean isValid(String raw) {
    return toE164(raw) != null;
  }

  /**
   * Returns why {@code raw} is not a valid Russian number, in Russian, or null when it is valid.
   */
  public static @Nullable String problem(String raw) {
    if (raw.isBlank()) return "номер не указан";
    String digits = nationalDigits(raw);
    if (digits == null) {
      Matcher matcher = PHONE.matcher(raw.trim());
      if (!matcher.matches()) return "это не похоже на номер телефона";
      String main = matcher.group(1);
      int count = countDigits(main);
      String plus = main.trim();
      if (plus.startsWith("+")) {
        boolean russianCode = plus.length() > 1 && plus.charAt(1) == '7';
        return russianCode ? "в номере " + digits(count) + ": ожидается +7 и 10 цифр"
            : "номер не российский: ожидается +7 и 10 цифр";
      }
      if (count < 10) return "в номере " + digits(count) + ": укажите номер с кодом города, например 8 (42142) 2-34-56";
      return "в номере " + digits(count) + ": ожидается 8 или +7 и 10 цифр";
    }
    if (RUSSIAN.matcher(digits).matches()) return null;
    char code = digits.charAt(1);
    if (code == '6' || code == '7') {
      return "номер принадлежит Казахстану (+7 6xx/7xx), а не России";
    }
    return "код «" + digits.substring(1, 4) + "» не используется в российской нумерации";
  }

  /** The 11 digits starting with 7 (trunk prefix 8 replaced), or null when the shape is wrong. */
  private static @Nullable String nationalDigits(String raw) {
    String main = raw.trim();
    if (main.isEmpty()) return null;
    if (!isPlain(main)) {
      Matcher matcher = PHONE.matcher(main);
      if (!matcher.matches()) return null;
      main = matcher.group(1);
    }
    if (!balancedBrackets(main)) return null;
    StringBuilder digits = new StringBuilder(12);
    for (int i = 0; i < main.length(); i++) {
      char c = main.charAt(i);
      if (c >= '0' && c <= '9') digits.append(c);
    }
    boolean plus = main.charAt(0) == '+';
    int length = digits.length();
    if (plus) {
      return length == 11 && digits.charAt(0) == '7' ? digits.toString() : null;
    }
    if (length == 11 && (digits.charAt(0) == '8' || digits.charAt(0) == '7')) {
      digits.setCharAt(0, '7');
      return digits.toString();
    }
    if (length == 10 && "3489".indexOf(digits.charAt(0)) >= 0) {
      return "7" + digits;
    }
    return null;
  }

  /** Only what the number part may hold, {@code +} first if at all: no label, no extension, no regex needed. */
  private static boolean isPlain(String value) {
    char first = value.charAt(0);
    if (first != '+' && first != '(' && (first < '0' || first > '9')) return false;
    if (first == '+' && (value.length() < 2 || !(value.charAt(1) == '(' || value.charAt(1) >= '0' && value.charAt(1) <= '9'))) {
      return false;
    }
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c >= '0' && c <= '9' || c == ' ' || c == '(' || c == ')' || c == '-' || c == '.'
          || c >= '\u2010' && c <= '\u2015')) {
        return false;
      }
    }
    return true;
  }

  private static boolean balancedBrackets(String value) {
    int depth = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '(') {
        if (++depth > 1) return false;
      } else if (c == ')') {
        if (--depth < 0) return false;
      }
    }
    return depth == 0;
  }

  /** {@code 1 цифра}, {@code 3 цифры}, {@code 12 цифр}. */
  private static String digits(int n) {
    int mod100 = n % 100;
    int mod10 = n % 10;
    if (mod100 >= 11 && mod100 <= 14) return n + " цифр";
    if (mod10 == 1) return n + " цифра";
    if (mod10 >= 2 && mod10 <= 4) return n + " цифры";
    return n + " цифр";
  }

  private static int countDigits(String value) {
    int count = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') count++;
    }
    return count;
  }
}
