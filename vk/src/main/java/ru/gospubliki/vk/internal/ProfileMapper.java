package ru.gospubliki.vk.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PageState;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.model.WallAccess;

/**
 * Maps a {@code groups.getById} community, or a {@code users.get} person, to a {@link
 * ProfileSnapshot} whose page is the numeric id (a person's: {@code id<N>}), so a renamed screen
 * name does not split a page in two.
 */
public final class ProfileMapper {
  /** Every field the rules need. */
  public static final String FIELDS = String.join(",", "description", "site", "phone", "contacts",
      "addresses", "cover", "members_count", "wall", "is_government_organization", "trust_mark",
      "activity", "verified", "status", "screen_name", "photo_200");
  /** The largest community id VK could have (ids are positive and fit easily in 2^53). */
  static final long MAX_ID = 1L << 53;

  private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  private static final String[] DAY_NAMES = {"пн", "вт", "ср", "чт", "пт", "сб", "вс"};

  private ProfileMapper() {}

  /** The community's id when it is one VK could have given, else null. */
  static @Nullable Long validId(@Nullable Long id) {
    return id != null && id > 0 && id < MAX_ID ? id : null;
  }

  /** The snapshot of a community whose id was checked with {@link #validId}. */
  public static ProfileSnapshot community(long id, VkJson.Group group, Instant takenAt) {
    ProfileSnapshot.Builder snapshot = ProfileSnapshot.builder()
        .page(PageRef.of(PlatformId.VK, Long.toString(id)))
        .name(text(group.name()))
        .screenName(text(group.screenName()))
        .description(text(group.description()))
        .website(text(group.site()))
        .members(group.membersCount())
        .isCommunity(isCommunity(group.type()))
        .hasAvatar(hasAvatar(group.photo200()))
        .hasCover(hasCover(group.cover()))
        .state(state(group))
        .mark(mark(group))
        .wall(wall(group.wall()))
        .takenAt(takenAt);

    VkJson.Address mainAddress = mainAddress(group.addresses());
    snapshot.postalAddress(postalAddress(mainAddress));
    snapshot.workHours(mainAddress == null ? null : workHours(mainAddress.timetable()));

    String email = null;
    Set<String> phones = new LinkedHashSet<>();
    addIfPresent(phones, group.phone() instanceof String || group.phone() instanceof Number
        ? text(String.valueOf(group.phone())) : null);
    List<VkJson.Contact> contacts = group.contacts();
    if (contacts != null) {
      for (VkJson.Contact contact : contacts) {
        if (contact == null) continue;
        if (email == null) email = text(contact.email());
        addIfPresent(phones, text(contact.phone()));
      }
    }
    snapshot.email(email);
    if (mainAddress != null) addIfPresent(phones, text(mainAddress.phone()));
    snapshot.phones(phones);
    return snapshot.build();
  }

  /** The snapshot of a person's page ({@code users.get}): not a community. */
  public static ProfileSnapshot person(long id, VkJson.User user, Instant takenAt) {
    String first = text(user.firstName());
    String last = text(user.lastName());
    String name = first == null ? last : last == null ? first : first + " " + last;
    String deactivated = user.deactivated();
    return ProfileSnapshot.builder()
        .page(personPage(id))
        .name(name)
        .screenName(text(user.screenName()))
        .isCommunity(false)
        .hasAvatar(hasAvatar(user.photo200()))
        .state(deactivated == null ? PageState.OPEN
            : deactivated.equals("banned") ? PageState.BANNED : PageState.DELETED)
        .takenAt(takenAt)
        .build();
  }

  /** A person's page: VK resolves {@code id<N>} to person N whatever their screen name. */
  public static PageRef personPage(long id) {
    return PageRef.person(PlatformId.VK, id);
  }

  private static void addIfPresent(Set<String> phones, @Nullable String phone) {
    if (phone != null) phones.add(phone);
  }

  private static @Nullable String text(@Nullable String value) {
    if (value == null) return null;
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  private static @Nullable Boolean isCommunity(@Nullable String type) {
    if (type == null) return true; // groups.getById returns communities only
    return switch (type) {
      case "group", "page", "event" -> true;
      default -> null;
    };
  }

  /** Null (unknown) when VK sent no photo; false for VK's default pictures. */
  private static @Nullable Boolean hasAvatar(@Nullable String photo) {
    if (photo == null || photo.isBlank()) return null;
    return !(photo.contains("community_") || photo.contains("camera_") || photo.contains("deactivated_"));
  }

  private static @Nullable Boolean hasCover(VkJson.@Nullable Cover cover) {
    if (cover == null) return null;
    return Boolean.TRUE.equals(cover.enabled());
  }

  private static PageState state(VkJson.Group group) {
    String deactivated = group.deactivated();
    if (deactivated != null) return deactivated.equals("banned") ? PageState.BANNED : PageState.DELETED;
    Long closed = group.isClosed();
    if (closed == null || closed == 0L) return PageState.OPEN;
    return closed == 2L ? PageState.PRIVATE : PageState.CLOSED;
  }

  /** The government mark: {@code is_government_organization}, else {@code trust_mark}; UNKNOWN when VK sent neither. */
  static MarkStatus mark(VkJson.Group group) {
    Boolean government = flag(group.government());
    if (government != null) return government ? MarkStatus.CONFIRMED : MarkStatus.ABSENT;
    Object trust = group.trustMark();
    if (trust instanceof Number number) return number.doubleValue() > 0 ? MarkStatus.CONFIRMED : MarkStatus.ABSENT;
    if (trust instanceof Boolean flag) return flag ? MarkStatus.CONFIRMED : MarkStatus.ABSENT;
    return MarkStatus.UNKNOWN;
  }

  private static @Nullable Boolean flag(@Nullable Object value) {
    if (value instanceof Boolean flag) return flag;
    if (value instanceof Number number) {
      if (number.doubleValue() == 1) return true;
      if (number.doubleValue() == 0) return false;
    }
    if (value instanceof String text) {
      if (text.equals("1") || text.equalsIgnoreCase("true")) return true;
      if (text.equals("0") || text.equalsIgnoreCase("false")) return false;
    }
    return null;
  }

  private static WallAccess wall(@Nullable Long wall) {
    if (wall == null) return WallAccess.UNKNOWN;
    return switch (wall.intValue()) {
      case 0 -> WallAccess.OFF;
      case 1 -> WallAccess.OPEN;
      case 2 -> WallAccess.LIMITED;
      case 3 -> WallAccess.CLOSED;
      default -> WallAccess.UNKNOWN;
    };
  }

  private static VkJson.@Nullable Address mainAddress(VkJson.@Nullable Addresses addresses) {
    if (addresses == null || Boolean.FALSE.equals(addresses.enabled())) return null;
    return addresses.mainAddress();
  }

  private static @Nullable String postalAddress(VkJson.@Nullable Address mainAddress) {
    if (mainAddress == null) return null;
    String address = text(mainAddress.address());
    VkJson.City cityObject = mainAddress.city();
    String city = cityObject == null ? null : text(cityObject.title());
    if (address == null) return city;
    if (city == null || address.toLowerCase(Locale.ROOT).contains(city.toLowerCase(Locale.ROOT))) return address;
    return city + ", " + address;
  }

  /** Renders a VK timetable ({@code {"mon":{"open_time":540,"close_time":1080}}}) as «пн–пт 09:00–18:00». */
  static @Nullable String workHours(@Nullable Map<String, VkJson.Day> timetable) {
    if (timetable == null) return null;
    String[] perDay = new String[DAYS.length];
    for (int i = 0; i < DAYS.length; i++) {
      VkJson.Day day = timetable.get(DAYS[i]);
      if (day == null) continue;
      Long open = day.open();
      Long close = day.close();
      if (open == null || close == null) continue;
      String text = time(open) + "–" + time(close);
      Long breakOpen = day.breakOpen();
      Long breakClose = day.breakClose();
      if (breakOpen != null && breakClose != null) text += " (перерыв " + time(breakOpen) + "–" + time(breakClose) + ")";
      perDay[i] = text;
    }
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < DAYS.length) {
      String current = perDay[i];
      if (current == null) {
        i++;
        continue;
      }
      int end = i;
      while (end + 1 < DAYS.length && current.equals(perDay[end + 1])) end++;
      String days = end == i ? DAY_NAMES[i] : DAY_NAMES[i] + "–" + DAY_NAMES[end];
      parts.add(days + " " + current);
      i = end + 1;
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  private static String time(long minutes) {
    return String.format(Locale.ROOT, "%02d:%02d", minutes / 60 % 24, minutes % 60);
  }
}
