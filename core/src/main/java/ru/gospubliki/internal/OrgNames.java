package ru.gospubliki.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Compares an organisation's official name with a page's name. People write the same school as
 * «МБОУ "СОШ № 9" им. Ленина» and «Муниципальное бюджетное общеобразовательное учреждение средняя
 * общеобразовательная школа №9 имени Ленина»; both normalise to {@code 9 ленина сош}.
 *
 * <p>Normalisation: lower case, {@code ё} as {@code е}, quotes and punctuation dropped, common
 * long forms abbreviated (средняя общеобразовательная школа → сош), organisational-legal forms
 * (МБОУ, МАДОУ, ГБУЗ, «муниципальное бюджетное учреждение»…) and {@code имени}/{@code им.}
 * removed, tokens sorted.
 *
 * <pre>{@code
 * OrgNames.similarity("МБОУ \"СОШ № 9\"",
 *     "Муниципальное бюджетное общеобразовательное учреждение средняя общеобразовательная школа №9"); // 1.0
 * }</pre>
 */
public final class OrgNames {
  /** Long forms and the abbreviation they are replaced with. Longer phrases first. */
  private static final String[][] PHRASES = {
    {"средняя общеобразовательная школа", "сош"},
    {"основная общеобразовательная школа", "оош"},
    {"начальная общеобразовательная школа", "нош"},
    {"детско юношеская спортивная школа", "дюсш"},
    {"центр детского творчества", "цдт"},
    {"дом детского творчества", "ддт"},
    {"детская школа искусств", "дши"},
    {"детская музыкальная школа", "дмш"},
    {"центральная районная больница", "црб"},
    {"детский сад", "дс"},
  };

  /** Organisational-legal forms, their words, and other noise that does not tell organisations apart. */
  private static final Set<String> DROPPED = Set.of(
      // Abbreviated forms.
      "мбоу", "маоу", "мкоу", "моу", "мбдоу", "мадоу", "мкдоу", "мдоу", "мбудо", "маудо", "мкудо",
      "моудо", "мбу", "мау", "мку", "му", "мбук", "маук", "мкук", "муп", "гбоу", "гаоу", "гкоу", "гоу",
      "гбу", "гау", "гку", "гу", "гбуз", "гауз", "гкуз", "гуз", "кгбу", "кгбоу", "кгку", "кгкоу", "кгау",
      "кгбуз", "огбу", "огбоу", "огку", "огауз", "фгбу", "фгбоу", "фгау", "фгку", "фгуп", "гуп", "ано",
      "нко", "оу", "доу", "удо", "бу", "ку", "ау", "мбо", "чоу",
      // Long forms of the same.
      "муниципальное", "муниципальный", "муниципальная", "государственное", "государственный",
      "государственная", "краевое", "краевой", "областное", "областной", "федеральное", "бюджетное",
      "бюджетный", "казенное", "казенный", "автономное", "автономный", "общеобразовательное",
      "образовательное", "дошкольное", "дополнительного", "образования", "учреждение",
      "учреждения", "организация", "здравоохранения", "культуры", "унитарное", "предприятие",
      // Name connectors.
      "имени", "им", "no", "n");

  /** The highest similarity of names with different numbers. */
  public static final double DIFFERENT_NUMBERS = 0.5;

  private OrgNames() {}

  /**
   * Returns {@code name} normalised for comparison: tokens as described in the class comment,
   * sorted and joined by single spaces. A name made only of dropped words keeps its words.
   */
  public static String normalize(String name) {
    String text = cleanText(name);
    for (String[] phrase : PHRASES) {
      if (text.contains(phrase[0])) text = text.replace(phrase[0], phrase[1]);
    }
    List<String> tokens = new ArrayList<>();
    List<String> all = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean space = i == text.length() || text.charAt(i) == ' ';
      if (!space && start < 0) start = i;
      if (space && start >= 0) {
        String token = text.substring(start, i);
        all.add(token);
        if (!DROPPED.contains(token)) tokens.add(token);
        start = -1;
      }
    }
    if (tokens.isEmpty()) tokens = all;
    String[] sorted = tokens.toArray(new String[0]);
    Arrays.sort(sorted);
    return String.join(" ", sorted);
  }

  /**
   * Returns how alike two names are, from 0 (nothing in common) to 1 (the same after
   * normalisation): the Levenshtein ratio of the normalised forms. Names that both carry numbers,
   * but different ones (школа № 9 and школа № 3), are different organisations: at most {@value
   * #DIFFERENT_NUMBERS}.
   */
  public static double similarity(String a, String b) {
    String left = normalize(a);
    String right = normalize(b);
    if (left.equals(right)) return 1.0;
    int longest = Math.max(left.length(), right.length());
    if (longest == 0) return 1.0;
    double ratio = 1.0 - (double) levenshtein(left, right) / longest;
    String leftNumbers = numbers(left);
    String rightNumbers = numbers(right);
    if (!leftNumbers.isEmpty() && !rightNumbers.isEmpty() && !leftNumbers.equals(rightNumbers)) {
      return Math.min(ratio, DIFFERENT_NUMBERS);
    }
    return ratio;
  }

  /** The number tokens of a normalised name, in its (sorted) order. */
  private static String numbers(String normalised) {
    StringBuilder result = new StringBuilder();
    int start = 0;
    for (int i = 0; i <= normalised.length(); i++) {
      if (i == normalised.length() || normalised.charAt(i) == ' ') {
        if (i > start && Character.isDigit(normalised.charAt(start))) result.append(normalised, start, i).append(' ');
        start = i + 1;
      }
    }
    return result.toString();
  }

  /** Lower case, ё→е, every character that is not a letter or digit becomes a space, runs collapsed. */
  private static String cleanText(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    StringBuilder result = new StringBuilder(lower.length() + 8);
    boolean space = true;
    char previous = ' ';
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c == 'ё') c = 'е';
      if (Character.isLetterOrDigit(c)) {
        // Split "№9" and "сош9" alike: a digit after a letter starts a new token.
        if (!space && Character.isDigit(c) != Character.isDigit(previous)) result.append(' ');
        result.append(c);
        space = false;
        previous = c;
      } else if (!space) {
        result.append(' ');
        space = true;
        previous = ' ';
      }
    }
    int length = result.length();
    if (length > 0 && result.charAt(length - 1) == ' ') result.setLength(length - 1);
    return result.toString();
  }

  private static int levenshtein(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= b.length(); j++) {
        int cost = ca == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
