package ru.gospubliki.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Normalises Russian phone numbers as pages show them ({@code 8 (42142) 2-34-56}, {@code +7 914
 * 123-45-67 доб. 12}) to E.164 {@code +7XXXXXXXXXX}. Only Russian numbering is accepted: {@code +7
 * 3xx/4xx/8xx/9xx}; {@code +7 6xx/7xx} is Kazakhstan.
 *
 * <pre>{@code
 * Phones.toE164("8 (42142) 2-34-56"); // "+74214223456"
 * Phones.problem("+7 701 123 45 67"); // "номер принадлежит Казахстану (+7 6xx/7xx), ..."
 * Phones.candidates("+7 495 123-45-67 (приёмная), 8 914 123 45 67"); // both numbers
 * }</pre>
 *
 * <p>Parsed by hand, not by a regular expression: the text comes from platforms and registries, and
 * every method runs in time linear in its length whatever the text is.
 */
public final class Phones {
  private static final String[] LABELS = {"телефон", "тел", "т."};
  private static final String[] EXTENSIONS = {"добавочный", "доб", "вн", "ext"};

  private Phones() {}

  /** Returns {@code raw} as {@code +7XXXXXXXXXX} without extension, or null if it is not a valid Russian number. */
  public static @Nullable String toE164(String raw) {
    String digits = nationalDigits(raw);
    return digits != null && isRussian(digits) ? "+" + digits : null;
  }

  /** True when {@code raw} is a valid Russian number. */
  public static boolean isValid(String raw) {
    return toE164(raw) != null;
  }

  /**
   * Returns why {@code raw} is not a valid Russian number, in Russian, or null when it is valid.
   */
  public static @Nullable String problem(String raw) {
    if (Spaces.isBlank(raw)) return "номер не указан";
    String digits = nationalDigits(raw);
    if (digits == null) {
      String main = numberPart(Spaces.strip(raw));
      if (main == null) return "это не похоже на номер телефона";
      int count = countDigits(main);
      String plus = Spaces.strip(main);
      if (plus.startsWith("+")) {
        boolean russianCode = plus.length() > 1 && plus.charAt(1) == '7';
        return russianCode ? "в номере " + digits(count) + ": ожидается +7 и 10 цифр"
            : "номер не российский: ожидается +7 и 10 цифр";
      }
      if (count < 10) return "в номере " + digits(count) + ": укажите номер с кодом города, например 8 (42142) 2-34-56";
      return "в номере " + digits(count) + ": ожидается 8 или +7 и 10 цифр";
    }
    if (isRussian(digits)) return null;
    char code = digits.charAt(1);
    if (code == '6' || code == '7') {
      return "номер принадлежит Казахстану (+7 6xx/7xx), а не России";
    }
    return "код «" + digits.substring(1, 4) + "» не используется в российской нумерации";
  }

  /**
   * The phone numbers written in free text, as written (a description, or a contacts field holding
   * several numbers like {@code +7 (4212) 12-34-56, 8 914 123 45 67} or {@code +7 495 123-45-67
   * (приёмная)}): each run of digits, spaces, brackets, dots and dashes with 5 to 15 digits that
   * starts a word. Check each with {@link #toE164} or {@link #problem}.
   */
  public static List<String> candidates(String text) {
    List<String> result = new ArrayList<>(2);
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      boolean start = (c == '+' || c == '(' || isDigit(c)) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
      if (!start) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < n && isNumberChar(text.charAt(j))) j++;
      int end = j;
      while (end > i && !isDigit(text.charAt(end - 1))) end--;
      int count = countDigits(text, i, end);
      if (count >= 5 && count <= 15) result.add(text.substring(i, end));
      i = j;
    }
    return result;
  }

  private static boolean isRussian(String digits) {
    return digits.length() == 11 && digits.charAt(0) == '7' && "3489".indexOf(digits.charAt(1)) >= 0;
  }

  /** The 11 digits starting with 7 (trunk prefix 8 replaced), or null when the shape is wrong. */
  private static @Nullable String nationalDigits(String raw) {
    String main = numberPart(Spaces.strip(raw));
    if (main == null || !balancedBrackets(main)) return null;
    StringBuilder digits = new StringBuilder(12);
    for (int i = 0; i < main.length(); i++) {
      char c = main.charAt(i);
      if (isDigit(c)) digits.append(c);
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

  /**
   * The number of {@code value} written as {@code [label] number [extension]}: an optional label
   * ({@code тел.}, {@code телефон:}, {@code т.}), the number ({@code +} or a digit or a bracket,
   * then digits, spaces, brackets, dots and dashes) and an optional extension ({@code доб. 12},
   * {@code вн. 305}, {@code ext 7}); null when {@code value} has another shape.
   */
  private static @Nullable String numberPart(String value) {
    int n = value.length();
    int i = 0;
    for (String label : LABELS) {
      if (value.regionMatches(true, 0, label, 0, label.length())) {
        i = label.length();
        if (!label.endsWith(".") && i < n && value.charAt(i) == '.') i++;
        break;
      }
    }
    i = skipSpaces(value, i);
    if (i < n && value.charAt(i) == ':') i = skipSpaces(value, i + 1);
    int start = i;
    if (i < n && value.charAt(i) == '+') i++;
    if (i >= n || !(isDigit(value.charAt(i)) || value.charAt(i) == '(')) return null;
    while (i < n && isNumberChar(value.charAt(i))) i++;
    int end = i;
    if (i < n && extensionEnd(value, i) != n) return null;
    return value.substring(start, end);
  }

  /** Where {@code [,;] доб. 12} starting at {@code from} ends, or -1 when there is none. */
  private static int extensionEnd(String value, int from) {
    int n = value.length();
    int i = skipSpaces(value, from);
    if (i < n && (value.charAt(i) == ',' || value.charAt(i) == ';')) i = skipSpaces(value, i + 1);
    int keyword = -1;
    for (String extension : EXTENSIONS) {
      if (value.regionMatches(true, i, extension, 0, extension.length())) {
        keyword = i + extension.length();
        break;
      }
    }
    if (keyword < 0) return -1;
    i = keyword;
    if (i < n && value.charAt(i) == '.') i++;
    i = skipSpaces(value, i);
    int digits = i;
    while (i < n && isDigit(value.charAt(i)) && i - digits < 6) i++;
    if (i == digits) return -1;
    return skipSpaces(value, i);
  }

  private static int skipSpaces(String value, int from) {
    int i = from;
    while (i < value.length() && Spaces.isSpace(value.charAt(i))) i++;
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** What the number part may hold after its first character. */
  private static boolean isNumberChar(char c) {
    return isDigit(c) || c == '(' || c == ')' || c == '.' || c == '-' || c >= '\u2010' && c <= '\u2015'
        || Spaces.isSpace(c) && c != '\n' && c != '\r';
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
    return countDigits(value, 0, value.length());
  }

  private static int countDigits(String value, int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      if (isDigit(value.charAt(i))) count++;
    }
    return count;
  }
}
