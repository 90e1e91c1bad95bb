package ru.gospubliki.internal.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The registry columns, each with its English name and Russian alias. */
enum Column {
  NAME("name", "Наименование"),
  DISTRICT("district", "Район"),
  KIND("kind", "Тип"),
  INN("inn", "ИНН"),
  OGRN("ogrn", "ОГРН"),
  EMAIL("email", "Email"),
  SITE("site", "Сайт"),
  RESPONSIBLE("responsible", "Ответственный"),
  RESPONSIBLE_CONTACT("responsible_contact", "Контакт ответственного"),
  VK("vk", "ВКонтакте"),
  OK("ok", "Одноклассники"),
  MAX("max", "MAX"),
  CONNECTED("connected", "Подключено к Госпабликам"),
  RESPONSIBLE_ORDER("responsible_order", "Приказ об ответственных"),
  ACCOUNT_POLICY("account_policy", "Инструкция по учётным записям"),
  QR_CODES("qr_codes", "QR-коды");

  private static final Map<String, Column> BY_KEY = new HashMap<>();

  static {
    for (Column column : values()) {
      for (String name : List.of(column.english, column.russian)) BY_KEY.put(key(name), column);
    }
  }

  final String english;
  final String russian;

  Column(String english, String russian) {
    this.english = english;
    this.russian = russian;
  }

  /** The column a header cell names, or null: trimmed, BOM dropped, any case, ё = е, any spacing. */
  static @Nullable Column forHeader(String header) {
    return BY_KEY.get(key(header));
  }

  static String key(String header) {
    return header.replace("\uFEFF", "")
        .trim()
        .toLowerCase(Locale.ROOT)
        .replace('ё', 'е')
        .replaceAll("\\s+", " ");
  }
}
