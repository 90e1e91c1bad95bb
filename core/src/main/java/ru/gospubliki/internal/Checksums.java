package ru.gospubliki.internal;

import org.jspecify.annotations.Nullable;

/** Checksums of Russian registration numbers (ИНН, ОГРН, ОГРНИП) as published by ФНС. */
public final class Checksums {
  private static final int[] INN10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
  private static final int[] INN12_11 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
  private static final int[] INN12_12 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

  private Checksums() {}

  /** Returns null when {@code inn} is a valid 10- or 12-digit ИНН, else the Russian reason. */
  public static @Nullable String innProblem(String inn) {
    if (!inn.chars().allMatch(c -> c >= '0' && c <= '9')) return "ИНН должен состоять из цифр";
    if (inn.length() == 10) {
      return weighted(inn, INN10) == digit(inn, 9) ? null : "неверная контрольная сумма ИНН";
    }
    if (inn.length() == 12) {
      boolean ok = weighted(inn, INN12_11) == digit(inn, 10) && weighted(inn, INN12_12) == digit(inn, 11);
      return ok ? null : "неверная контрольная сумма ИНН";
    }
    return "ИНН должен содержать 10 цифр (организация) или 12 (физическое лицо)";
  }

  /** Returns null when {@code ogrn} is a valid 13-digit ОГРН or 15-digit ОГРНИП, else the reason. */
  public static @Nullable String ogrnProblem(String ogrn) {
    if (!ogrn.chars().allMatch(c -> c >= '0' && c <= '9')) return "ОГРН должен состоять из цифр";
    if (ogrn.length() == 13) {
      long body = Long.parseLong(ogrn.substring(0, 12));
      return body % 11 % 10 == digit(ogrn, 12) ? null : "неверная контрольная сумма ОГРН";
    }
    if (ogrn.length() == 15) {
      long body = Long.parseLong(ogrn.substring(0, 14));
      return body % 13 % 10 == digit(ogrn, 14) ? null : "неверная контрольная сумма ОГРНИП";
    }
    return "ОГРН должен содержать 13 цифр (ОГРНИП — 15)";
  }

  private static int weighted(String digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) sum += weights[i] * digit(digits, i);
    return sum % 11 % 10;
  }

  private static int digit(String digits, int index) {
    return digits.charAt(index) - '0';
  }
}
