package ru.gospubliki.internal.rules;

import java.util.List;
import ru.gospubliki.internal.Spaces;
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
    return platformName(platform.name());
  }

  static String platformName(String id) {
    switch (id.toLowerCase(java.util.Locale.ROOT)) {
      case "vk": return "ВКонтакте";
      case "ok": return "Одноклассники";
      case "max": return "MAX";
      case "telegram": return "Telegram";
      case "facebook": return "Facebook";
      case "instagram": return "Instagram";
      case "twitter": return "X (Twitter)";
      case "youtube": return "YouTube";
      case "rutube": return "Rutube";
      case "dzen": return "Дзен";
      case "tiktok": return "TikTok";
      default: return id;
    }
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

  /** Longest text quoted from a page or registry in a message. */
  static final int QUOTED = 200;

  /** {@code value} as quoted in a message: spaces collapsed, cut to {@link #QUOTED} characters. */
  static String quote(String value) {
    String collapsed = Spaces.collapse(value);
    return collapsed.length() > QUOTED ? collapsed.substring(0, QUOTED) + "…" : collapsed;
  }

  /** The first few items joined by {@code separator}, then {@code и ещё N}. */
  static String someItems(List<String> items, String separator) {
    StringBuilder result = new StringBuilder();
    int shown = Math.min(items.size(), LINKS_IN_MESSAGE);
    for (int i = 0; i < shown; i++) {
      if (i > 0) result.append(separator);
      result.append(items.get(i));
    }
    if (items.size() > shown) result.append(" и ещё ").append(items.size() - shown);
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
