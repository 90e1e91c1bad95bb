package ru.gospubliki.internal.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.Spaces;
import ru.gospubliki.model.OrganizationField;
import ru.gospubliki.model.PlatformId;

/**
 * The registry columns: each with its English name, its Russian name, and the other headers people
 * really write for it («Ссылка на ВК», «Эл. почта», «ИНН организации»...). Headers match whatever
 * their case, their spaces (non-breaking ones too), «ё» or «е», and a trailing colon or asterisk.
 */
enum Column {
  NAME("name", "Наименование", null, "Название", "Наименование организации", "Наименование учреждения",
      "Полное наименование", "Организация", "Учреждение"),
  DISTRICT("district", "Район", OrganizationField.DISTRICT, "Муниципальный район", "Муниципальное образование",
      "Муниципальный округ", "Городской округ", "Округ"),
  KIND("kind", "Тип", OrganizationField.KIND, "Тип организации", "Вид организации"),
  INN("inn", "ИНН", OrganizationField.INN, "ИНН организации", "ИНН учреждения"),
  OGRN("ogrn", "ОГРН", OrganizationField.OGRN, "ОГРН организации", "ОГРН учреждения"),
  EMAIL("email", "Email", OrganizationField.EMAIL, "E-mail", "Эл. почта", "Эл.почта", "Электронная почта",
      "Адрес электронной почты", "Почта"),
  SITE("site", "Сайт", OrganizationField.SITE, "Официальный сайт", "Сайт организации", "Website"),
  RESPONSIBLE("responsible", "Ответственный", OrganizationField.RESPONSIBLE, "Ответственный сотрудник",
      "Ответственное лицо", "ФИО ответственного"),
  RESPONSIBLE_CONTACT("responsible_contact", "Контакт ответственного", OrganizationField.RESPONSIBLE_CONTACT,
      "Контакты ответственного", "Телефон ответственного"),
  VK("vk", "ВКонтакте", null, "ВК", "Ссылка на ВК", "Ссылка ВК", "Ссылка на ВКонтакте", "Страница ВКонтакте",
      "Страница ВК", "Группа ВКонтакте", "Группа ВК", "Сообщество ВКонтакте", "Сообщество ВК", "VKontakte"),
  OK("ok", "Одноклассники", null, "ОК", "Ссылка на ОК", "Ссылка ОК", "Ссылка на Одноклассники",
      "Страница в Одноклассниках", "Группа в Одноклассниках", "Группа ОК", "Odnoklassniki"),
  MAX("max", "MAX", null, "МАКС", "Канал MAX", "Ссылка на MAX", "Ссылка на канал MAX", "Канал в MAX"),
  OTHER_PAGE("other_page", "Другая страница", null, "Telegram", "Телеграм", "Ссылка на Telegram", "Канал Telegram",
      "Другие соцсети", "Другие страницы"),
  CONNECTED("connected", "Подключено к Госпабликам", OrganizationField.CONNECTED, "Подключено",
      "Подключение к Госпабликам", "Подключено к системе Госпаблики"),
  RESPONSIBLE_ORDER("responsible_order", "Приказ об ответственных", OrganizationField.RESPONSIBLE_ORDER,
      "Приказ о назначении ответственных"),
  ACCOUNT_POLICY("account_policy", "Инструкция по учётным записям", OrganizationField.ACCOUNT_POLICY,
      "Инструкция по учетным записям и паролям"),
  QR_CODES("qr_codes", "QR-коды", OrganizationField.QR_CODES, "QR коды", "QR-код размещён");

  private static final Map<String, Column> BY_KEY = new HashMap<>();

  static {
    for (Column column : values()) {
      BY_KEY.put(key(column.english), column);
      BY_KEY.put(key(column.russian), column);
      for (String alias : column.aliases) BY_KEY.put(key(alias), column);
    }
    // Cyrillic look-alikes typed for the Latin names.
    BY_KEY.put(key("МАХ"), MAX);
  }

  final String english;
  final String russian;
  /** The organisation's field this column fills; null for the name and the page columns. */
  final @Nullable OrganizationField field;
  private final List<String> aliases;

  Column(String english, String russian, @Nullable OrganizationField field, String... aliases) {
    this.english = english;
    this.russian = russian;
    this.field = field;
    this.aliases = List.of(aliases);
  }

  /** The platform whose page references the column holds; null when it holds none. */
  @Nullable PlatformId platform() {
    switch (this) {
      case VK: return PlatformId.VK;
      case OK: return PlatformId.OK;
      case MAX: return PlatformId.MAX;
      default: return null;
    }
  }

  /** True for the columns that hold page references. */
  boolean holdsPages() {
    return this == VK || this == OK || this == MAX || this == OTHER_PAGE;
  }

  /** The column a header cell names, or null. */
  static @Nullable Column forHeader(String header) {
    return BY_KEY.get(key(header));
  }

  /**
   * A header as compared: BOM and surrounding spaces of any kind dropped, inner spaces one,
   * lowercase, «ё» as «е», a trailing {@code :} or {@code *} (required-field mark) dropped.
   */
  static String key(String header) {
    String key = Spaces.collapse(header.replace("\uFEFF", "")).toLowerCase(Locale.ROOT).replace('ё', 'е');
    while (!key.isEmpty() && (key.endsWith(":") || key.endsWith("*"))) key = Spaces.strip(key.substring(0, key.length() - 1));
    return key;
  }
}
