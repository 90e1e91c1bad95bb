package ru.gospubliki.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
  /** Long forms (as tokens) and the abbreviation they are replaced with; an empty one drops the phrase. */
  private static final String[][] PHRASES = {
    {"", "учреждение", "дополнительного", "образования"},
    {"", "дополнительного", "образования"},
    {"", "учреждение", "здравоохранения"},
    {"", "учреждение", "культуры"},
    {"сош", "средняя", "общеобразовательная", "школа"},
    {"оош", "основная", "общеобразовательная", "школа"},
    {"нош", "начальная", "общеобразовательная", "школа"},
    {"дюсш", "детско", "юношеская", "спортивная", "школа"},
    {"цдт", "центр", "детского", "творчества"},
    {"ддт", "дом", "детского", "творчества"},
    {"дши", "детская", "школа", "искусств"},
    {"дмш", "детская", "музыкальная", "школа"},
    {"црб", "центральная", "районная", "больница"},
    {"дс", "детский", "сад"},
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
      "образовательное", "дошкольное", "учреждение", "учреждения", "унитарное", "предприятие",
      "до",
      // Name connectors.
      "имени", "им", "no", "n");

  /**
   * Normalised names are compared on at most this many characters: no official name is longer, and
   * the edit distance takes time proportional to the product of the lengths.
   */
  static final int MAX_COMPARED = 300;

  /** The highest similarity of names with different numbers. */
  public static final double DIFFERENT_NUMBERS = 0.5;

  private OrgNames() {}

  /**
   * Returns {@code name} normalised for comparison: tokens as described in the class comment,
   * sorted and joined by single spaces. A name made only of dropped words keeps its words.
   */
  public static String normalize(String name) {
    List<String> all = tokens(name);
    List<String> kept = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); ) {
      String[] phrase = phraseAt(all, i);
      if (phrase != null) {
        if (!phrase[0].isEmpty()) kept.add(phrase[0]);
        i += phrase.length - 1;
        continue;
      }
      String token = all.get(i++);
      if (!DROPPED.contains(token)) kept.add(token);
    }
    List<String> result = kept.isEmpty() ? all : kept;
    if (result.size() > 1) result.sort(null);
    return String.join(" ", result);
  }

  private static String @Nullable [] phraseAt(List<String> tokens, int start) {
    String first = tokens.get(start);
    for (String[] phrase : PHRASES) {
      if (!phrase[1].equals(first) || start + phrase.length - 1 > tokens.size()) continue;
      boolean match = true;
      for (int j = 2; j < phrase.length && match; j++) match = phrase[j].equals(tokens.get(start + j - 1));
      if (match) return phrase;
    }
    return null;
  }

  /**
   * Lower-case tokens of letters or of digits ({@code №9а} is {@code 9}, {@code а}); {@code ё} as
   * {@code е}; everything else separates tokens.
   */
  private static List<String> tokens(String name) {
    List<String> result = new ArrayList<>(12);
    StringBuilder token = new StringBuilder(24);
    boolean digits = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean digit = c >= '0' && c <= '9' || Character.isDigit(c);
      if (!digit && !Character.isLetter(c)) {
        if (token.length() > 0) result.add(token.toString());
        token.setLength(0);
        continue;
      }
      if (token.length() > 0 && digit != digits) {
        result.add(token.toString());
        token.setLength(0);
      }
      digits = digit;
      c = Character.toLowerCase(c);
      token.append(c == 'ё' ? 'е' : c);
    }
    if (token.length() > 0) result.add(token.toString());
    return result;
  }

  /**
   * Returns how alike two names are, from 0 (nothing in common) to 1 (the same after
   * normalisation): the Levenshtein ratio of the normalised forms. Names that both carry numbers,
   * but different ones (школа № 9 and школа № 3), are different organisations: at most {@value
   * #DIFFERENT_NUMBERS}.
   */
  public static double similarity(String a, String b) {
    String left = cut(normalize(a));
    String right = cut(normalize(b));
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

  private static String cut(String normalised) {
    return normalised.length() > MAX_COMPARED ? normalised.substring(0, MAX_COMPARED) : normalised;
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
