package ru.gospubliki.examples.sandbox.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic synthetic region for benchmarks: N VK communities (every fifth institution also
 * has an OK group), about 70 % compliant and the rest with one typical fault each, and the
 * matching registry with valid ИНН/ОГРН. Same (n, seed) → same data.
 */
public final class SyntheticData {
  static final long FIRST_VK_ID = 300_000_001L;
  static final long FIRST_OK_ID = 54_000_000_000_001L;
  private static final String[] KINDS = {"МБОУ СОШ", "МБДОУ детский сад", "МБУ ДО ДДТ", "МБУК библиотека", "МКУ центр"};
  private static final Map<String, Object> TIMETABLE = timetable();

  private SyntheticData() {}

  public static DataSet generate(int n, long seed) {
    Random random = new Random(seed);
    List<Map<String, Object>> vk = new ArrayList<>(n);
    List<Map<String, Object>> ok = new ArrayList<>();
    StringBuilder csv = new StringBuilder("\uFEFFНаименование;Район;Тип;ИНН;ОГРН;Email;Сайт;Ответственный;"
        + "Контакт ответственного;ВКонтакте;Одноклассники;Подключено к Госпабликам\r\n");
    for (int i = 0; i < n; i++) {
      long id = FIRST_VK_ID + i;
      String screen = "synth_org" + (i + 1);
      String name = KINDS[i % KINDS.length] + " № " + (i + 1);
      String district = "Район " + (i / 50 + 1);
      int fault = random.nextInt(10); // 0..6 compliant, 7..9 one fault
      Map<String, Object> group = new LinkedHashMap<>();
      group.put("id", id);
      group.put("name", name);
      group.put("screen_name", screen);
      group.put("is_closed", fault == 9 && i % 2 == 0 ? 1 : 0);
      group.put("type", "group");
      String avatar = "https://sun9-1.userapi.com/synth/" + screen + ".jpg";
      group.put("photo_200", avatar);
      group.put("description", name + " — официальная страница учреждения: новости, объявления, ответы на вопросы.");
      group.put("site", "https://" + screen.replace('_', '-') + ".example.ru");
      Map<String, Object> contact = new LinkedHashMap<>();
      contact.put("desc", "Приёмная");
      contact.put("phone", "+7 (4212) " + (10 + random.nextInt(89)) + "-" + (10 + random.nextInt(90)) + "-" + (10 + random.nextInt(90)));
      if (fault != 7) contact.put("email", screen + "@example.ru");
      group.put("contacts", List.of(contact));
      Map<String, Object> address = new LinkedHashMap<>();
      address.put("id", i + 1);
      address.put("title", name);
      address.put("address", "682640, с. Синтетическое, ул. Центральная, д. " + (1 + random.nextInt(99)));
      address.put("timetable", TIMETABLE);
      group.put("addresses", Map.of("is_enabled", true, "main_address_id", i + 1, "main_address", address, "count", 1));
      group.put("cover", Map.of("enabled", 1));
      group.put("wall", 2);
      group.put("is_government_organization", fault != 8);
      List<Object> posts = new ArrayList<>();
      int count = fault == 9 ? 2 : 12 + random.nextInt(6);
      for (int p = 0; p < count; p++) {
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("daysAgo", fault == 9 ? 40.0 + p : 0.3 + 27.0 * p / count);
        post.put("text", "Новости учреждения #госпаблик");
        post.put("photo", p % 4 != 3);
        posts.add(post);
      }
      vk.add(Map.of("group", group, "posts", posts));
      String okRef = "";
      if (i % 5 == 0) {
        long okId = FIRST_OK_ID + i;
        Map<String, Object> okGroup = new LinkedHashMap<>();
        okGroup.put("uid", String.valueOf(okId));
        okGroup.put("name", name);
        okGroup.put("shortname", "synthok" + (i + 1));
        okGroup.put("description", name + " — официальная группа учреждения. Почта: " + screen + "@example.ru");
        okGroup.put("address", "682640, с. Синтетическое");
        okGroup.put("phone", "+7 (4212) 45-11-22");
        okGroup.put("homepage_url", "https://" + screen.replace('_', '-') + ".example.ru");
        okGroup.put("access_type", "OPEN");
        okGroup.put("gos_org", fault != 8);
        List<Object> topics = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
          topics.add(Map.of("daysAgo", 0.5 + 2.2 * t, "text", "Новости #госпаблик", "photo", true));
        }
        ok.add(Map.of("group", okGroup, "topics", topics));
        okRef = "https://ok.ru/group/" + okId;
      }
      csv.append(name).append(';').append(district).append(";подведомственное;")
          .append(inn10("27" + padded(i))).append(';')
          .append(ogrn13("10227" + padded(i))).append(';')
          .append(screen).append("@example.ru;https://").append(screen.replace('_', '-')).append(".example.ru;")
          .append("Ответственный ").append(i + 1).append(";+7 914 000-00-00;")
          .append("https://vk.com/club").append(id).append(';').append(okRef).append(";да\r\n");
    }
    return DataSet.of(vk, ok, csv.toString());
  }

  private static String padded(int i) {
    String s = Integer.toString(i % 10_000_000);
    return "0000000".substring(s.length()) + s;
  }

  static String inn10(String base9) {
    int[] w = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    int sum = 0;
    for (int i = 0; i < 9; i++) sum += w[i] * (base9.charAt(i) - '0');
    return base9 + (sum % 11 % 10);
  }

  static String ogrn13(String base12) {
    return base12 + (Long.parseLong(base12) % 11 % 10);
  }

  private static Map<String, Object> timetable() {
    Map<String, Object> t = new LinkedHashMap<>();
    for (String day : new String[] {"mon", "tue", "wed", "thu", "fri"}) {
      t.put(day, Map.of("open_time", 480, "close_time", 1020));
    }
    return t;
  }
}
