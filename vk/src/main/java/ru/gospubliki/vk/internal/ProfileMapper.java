package ru.gospubliki.vk.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PageState;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.model.WallAccess;

/** Maps a {@code groups.getById} community object to a {@link ProfileSnapshot}. */
public final class ProfileMapper {
  /** Every field the rules need. */
  public static final String FIELDS = String.join(",", "description", "site", "phone", "contacts",
      "addresses", "cover", "members_count", "wall", "is_government_organization", "trust_mark",
      "activity", "verified", "status", "screen_name", "photo_200");

  private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  private static final String[] DAY_NAMES = {"пн", "вт", "ср", "чт", "пт", "сб", "вс"};

  private ProfileMapper() {}

  /** The communities of a 5.199 answer ({@code {"groups":[...]}}) or of the older bare array. */
  public static List<Map<String, Object>> groups(@Nullable Object response) {
    List<Object> items = response instanceof List ? Json.list(response) : Json.list(Json.object(response), "groups");
    List<Map<String, Object>> result = new ArrayList<>();
    for (Object item : items) {
      Map<String, Object> group = Json.object(item);
      if (group != null && Json.longValue(group, "id") != null) result.add(group);
    }
    return result;
  }

  public static ProfileSnapshot toSnapshot(Map<String, Object> group, Instant takenAt) {
    long id = Objects.requireNonNull(Json.longValue(group, "id"), "id");
    ProfileSnapshot.Builder snapshot = ProfileSnapshot.builder()
        .page(PageRef.of(PlatformId.VK, Long.toString(Math.abs(id))))
        .name(Json.string(group, "name"))
        .screenName(Json.string(group, "screen_name"))
        .description(Json.string(group, "description"))
        .website(Json.string(group, "site"))
        .members(Json.longValue(group, "members_count"))
        .isCommunity(isCommunity(Json.string(group, "type")))
        .hasAvatar(hasAvatar(group))
        .hasCover(hasCover(group))
        .state(state(group))
        .mark(mark(group))
        .wall(wall(group))
        .takenAt(takenAt);

    Map<String, Object> mainAddress = mainAddress(group);
    snapshot.postalAddress(postalAddress(mainAddress));
    snapshot.workHours(workHours(Json.object(mainAddress, "timetable")));

    List<Map<String, Object>> contacts = new ArrayList<>();
    for (Object contact : Json.list(group, "contacts")) {
      Map<String, Object> map = Json.object(contact);
      if (map != null) contacts.add(map);
    }
    String email = null;
    for (Map<String, Object> contact : contacts) {
      email = Json.string(contact, "email");
      if (email != null) break;
    }
    snapshot.email(email);

    Set<String> phones = new LinkedHashSet<>();
    addIfPresent(phones, Json.string(group, "phone"));
    for (Map<String, Object> contact : contacts) addIfPresent(phones, Json.string(contact, "phone"));
    addIfPresent(phones, Json.string(mainAddress, "phone"));
    snapshot.phones(phones);
    return snapshot.build();
  }

  private static void addIfPresent(Set<String> phones, @Nullable String phone) {
    if (phone != null) phones.add(phone);
  }

  private static @Nullable Boolean isCommunity(@Nullable String type) {
    if (type == null) return true; // groups.getById returns communities only
    switch (type) {
      case "group":
      case "page":
      case "event":
        return true;
      default:
        return null;
    }
  }

  private static @Nullable Boolean hasAvatar(Map<String, Object> group) {
    String photo = Json.string(group, "photo_200");
    if (photo == null) return false;
    return !(photo.contains("community_") || photo.contains("camera_"));
  }

  private static @Nullable Boolean hasCover(Map<String, Object> group) {
    Map<String, Object> cover = Json.object(group, "cover");
    if (cover == null) return group.containsKey("cover") ? false : null;
    Boolean enabled = Json.bool(cover, "enabled");
    return enabled == null ? false : enabled;
  }

  private static PageState state(Map<String, Object> group) {
    String deactivated = Json.string(group, "deactivated");
    if (deactivated != null) {
      return deactivated.equals("banned") ? PageState.BANNED : PageState.DELETED;
    }
    Long closed = Json.longValue(group, "is_closed");
    if (closed == null || closed == 0L) return PageState.OPEN;
    return closed == 2L ? PageState.PRIVATE : PageState.CLOSED;
  }

  static MarkStatus mark(Map<String, Object> group) {
    if (group.containsKey("is_government_organization")) {
      Boolean mark = Json.bool(group, "is_government_organization");
      if (mark != null) return mark ? MarkStatus.CONFIRMED : MarkStatus.ABSENT;
    }
    if (group.containsKey("trust_mark")) {
      Long trust = Json.longValue(group, "trust_mark");
      if (trust != null) return trust > 0 ? MarkStatus.CONFIRMED : MarkStatus.ABSENT;
    }
    return MarkStatus.UNKNOWN;
  }

  private static WallAccess wall(Map<String, Object> group) {
    Long wall = Json.longValue(group, "wall");
    if (wall == null) return WallAccess.UNKNOWN;
    switch (wall.intValue()) {
      case 0:
        return WallAccess.OFF;
      case 1:
        return WallAccess.OPEN;
      case 2:
        return WallAccess.LIMITED;
      case 3:
        return WallAccess.CLOSED;
      default:
        return WallAccess.UNKNOWN;
    }
  }

  private static @Nullable Map<String, Object> mainAddress(Map<String, Object> group) {
    Map<String, Object> addresses = Json.object(group, "addresses");
    if (addresses == null || Boolean.FALSE.equals(Json.bool(addresses, "is_enabled"))) return null;
    return Json.object(addresses, "main_address");
  }

  private static @Nullable String postalAddress(@Nullable Map<String, Object> mainAddress) {
    if (mainAddress == null) return null;
    String address = Json.string(mainAddress, "address");
    String city = Json.string(Json.object(mainAddress, "city"), "title");
    if (address == null) return city;
    if (city == null || address.toLowerCase(Locale.ROOT).contains(city.toLowerCase(Locale.ROOT))) return address;
    return city + ", " + address;
  }

  /** Renders a VK timetable ({@code {"mon":{"open_time":540,"close_time":1080}}}) as «пн–пт 09:00–18:00». */
  static @Nullable String workHours(@Nullable Map<String, Object> timetable) {
    if (timetable == null) return null;
    String[] perDay = new String[DAYS.length];
    for (int i = 0; i < DAYS.length; i++) {
      Map<String, Object> day = Json.object(timetable, DAYS[i]);
      Long open = Json.longValue(day, "open_time");
      Long close = Json.longValue(day, "close_time");
      if (open == null || close == null) continue;
      String text = time(open) + "–" + time(close);
      Long breakOpen = Json.longValue(day, "break_open_time");
      Long breakClose = Json.longValue(day, "break_close_time");
      if (breakOpen != null && breakClose != null) text += " (перерыв " + time(breakOpen) + "–" + time(breakClose) + ")";
      perDay[i] = text;
    }
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < DAYS.length) {
      if (perDay[i] == null) {
        i++;
        continue;
      }
      int end = i;
      while (end + 1 < DAYS.length && perDay[i].equals(perDay[end + 1])) end++;
      String days = end == i ? DAY_NAMES[i] : DAY_NAMES[i] + "–" + DAY_NAMES[end];
      parts.add(days + " " + perDay[i]);
      i = end + 1;
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  private static String time(long minutes) {
    return String.format(Locale.ROOT, "%02d:%02d", minutes / 60 % 24, minutes % 60);
  }
}
