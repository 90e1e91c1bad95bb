package ru.gospubliki.model;

import java.util.Locale;

/** Which of the three kinds of body 8-ФЗ obliges to keep an official page. */
public enum OrganizationKind {
  /** A state body (орган государственной власти). */
  STATE_BODY("орган власти"),
  /** A local self-government body (ОМСУ). */
  LOCAL_SELF_GOVERNMENT("ОМСУ"),
  /** An organisation subordinate to either (school, kindergarten, clinic, library...). */
  SUBORDINATE("подведомственное");

  private final String russianName;

  OrganizationKind(String russianName) {
    this.russianName = russianName;
  }

  /** The name used in registries: {@code орган власти}, {@code ОМСУ}, {@code подведомственное}. */
  public String russianName() {
    return russianName;
  }

  /**
   * Parses a registry value: the Russian names (any case) or the constant names.
   *
   * @throws IllegalArgumentException with a Russian message for anything else.
   */
  public static OrganizationKind parse(String value) {
    String key = value.trim().toLowerCase(Locale.ROOT);
    for (OrganizationKind kind : values()) {
      if (key.equals(kind.russianName.toLowerCase(Locale.ROOT)) || key.equals(kind.name().toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    switch (key) {
      case "орган государственной власти":
      case "госорган":
        return STATE_BODY;
      case "орган местного самоуправления":
        return LOCAL_SELF_GOVERNMENT;
      case "подведомственная организация":
      case "подведомственное учреждение":
        return SUBORDINATE;
      default:
        String shown = value.trim().length() > 120 ? value.trim().substring(0, 120) + "…" : value.trim();
        throw new IllegalArgumentException("неизвестный тип организации «" + shown
            + "»: ожидается «орган власти», «ОМСУ» или «подведомственное»");
    }
  }
}
