package ru.gospubliki.internal.rules;

import java.util.List;
import ru.gospubliki.model.PlatformId;

/** Russian wording shared by the rules' messages: plurals, platform names, numbers, link lists. */
final class Texts {
  /** Links named in a message; the details carry all of them. */
  static final int LINKS_IN_MESSAGE = 5;

  private Texts() {}

  /** {@code 1 пост}, {@code 3 поста}, {@code 11 постов}. */
  static String count(long n, String one, String few, String many) {
    long mod100 = Math.abs(n) % 100;
    long mod10 = mod100 % 10;
    String word;
    if (mod100 >= 11 && mod100 <= 14) word = many;
    else if (mod10 == 1) word = one;
    else if (mod10 >= 2 && mod10 <= 4) word = few;
    else word = many;
    return n + " " + word;
  }

  static String posts(long n) {
    return count(n, "публикация", "публикации", "публикаций");
  }

  static String days(long n) {
    return count(n, "день", "дня", "дней");
  }

  static String platformName(PlatformId platform) {
    if (platform.equals(PlatformId.VK)) return "ВКонтакте";
    if (platform.equals(PlatformId.OK)) return "Одноклассники";
    if (platform.equals(PlatformId.MAX)) return "MAX";
    return platform.name();
  }

  static String platformName(String id) {
    if (id.equalsIgnoreCase("vk")) return "ВКонтакте";
    if (id.equalsIgnoreCase("ok")) return "Одноклассники";
    if (id.equalsIgnoreCase("max")) return "MAX";
    return id;
  }

  /** A share as whole percent: {@code 0.456} is {@code 46 %}. */
  static String percent(double share) {
    return Math.round(share * 100) + " %";
  }

  /** A number with at most four decimals, no exponent, no trailing zeros: {@code 0.0123}, {@code 12.5}, {@code 3}. */
  static String decimal(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) return "0";
    long scaled = Math.round(Math.abs(value) * 10_000);
    long whole = scaled / 10_000;
    long fraction = scaled % 10_000;
    StringBuilder result = new StringBuilder(16);
    if (value < 0 && scaled != 0) result.append('-');
    result.append(whole);
    if (fraction != 0) {
      String digits = Long.toString(fraction + 10_000).substring(1);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') end--;
      result.append('.').append(digits, 0, end);
    }
    return result.toString();
  }

  /** The first few links, then {@code и ещё N}. */
  static String someLinks(List<String> links) {
    StringBuilder result = new StringBuilder();
    int shown = Math.min(links.size(), LINKS_IN_MESSAGE);
    for (int i = 0; i < shown; i++) {
      if (i > 0) result.append(", ");
      result.append(links.get(i));
    }
    if (links.size() > shown) result.append(" и ещё ").append(links.size() - shown);
    return result.toString();
  }

  /** Items joined by {@code , } and a final {@code  и }. */
  static String enumerate(List<String> items) {
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) result.append(i == items.size() - 1 ? " и " : ", ");
      result.append(items.get(i));
    }
    return result.toString();
  }
}
