package ru.gospubliki.ok.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PageState;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.ProfileField;
import ru.gospubliki.model.ProfileSnapshot;

/** Maps one group of a {@code group.getInfo} answer to a {@link ProfileSnapshot}. */
public final class ProfileMapper {
  /** The fields the profile rules need, as {@code group.getInfo} names them. */
  public static final String FIELDS = "uid,name,description,shortname,address,phone,homepage_url,"
      + "members_count,access_type,pic_avatar,main_photo,gos_org";

  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,}|[\\p{L}0-9._%+-]+@(?:[\\p{L}0-9-]+\\.)+\\p{L}{2,}");
  private static final Pattern PHONE_SEPARATOR = Pattern.compile("\\s*[,;]\\s*");
  private static final List<String> ADDRESS_PARTS =
      List.of("zip", "zipCode", "country", "region", "city", "street", "house", "building", "apartment");

  private ProfileMapper() {}

  /** The groups of an answer in either documented form: a bare array or {@code {"groups":[...]}}. */
  public static @Nullable List<@Nullable Object> groups(@Nullable Object answer) {
    List<@Nullable Object> list = OkJson.asList(answer);
    if (list != null) return list;
    Map<String, @Nullable Object> map = OkJson.asMap(answer);
    return map == null ? null : OkJson.asList(map.get("groups"));
  }

  public static ProfileSnapshot map(Map<String, @Nullable Object> group, Instant takenAt) {
    String uid = OkJson.string(group, "uid");
    if (uid == null) throw new IllegalArgumentException("group without uid");
    ProfileSnapshot.Builder snapshot = ProfileSnapshot.builder()
        .page(PageRef.of(PlatformId.OK, uid))
        .name(OkJson.text(group, "name"))
        .screenName(lower(OkJson.text(group, "shortname")))
        .postalAddress(address(group.get("address")))
        .website(OkJson.text(group, "homepage_url"))
        .isCommunity(true)
        .members(OkJson.longValue(group, "members_count"))
        .takenAt(takenAt)
        // OK has no work-hours field and no cover flag.
        .addUnavailableFields(ProfileField.WORK_HOURS, ProfileField.COVER);
    String description = OkJson.text(group, "description");
    snapshot.description(description);
    String email = description == null ? null : findEmail(description);
    if (email != null) {
      snapshot.email(email);
    } else {
      // No email field on OK: without one in the description, it is unknown, not missing.
      snapshot.addUnavailableFields(ProfileField.EMAIL);
    }
    String phone = OkJson.text(group, "phone");
    if (phone != null) {
      for (String part : PHONE_SEPARATOR.split(phone)) {
        if (!part.isBlank()) snapshot.addPhones(part.strip());
      }
    }
    snapshot.hasAvatar(hasAvatar(group));
    String access = OkJson.text(group, "access_type");
    if (access != null) {
      switch (access.toUpperCase(Locale.ROOT)) {
        case "OPEN":
          snapshot.state(PageState.OPEN);
          break;
        case "CLOSED":
          snapshot.state(PageState.CLOSED);
          break;
        case "SECRET":
          snapshot.state(PageState.PRIVATE);
          break;
        default:
          break;
      }
    }
    if (group.containsKey("gos_org")) {
      Boolean mark = OkJson.bool(group, "gos_org");
      snapshot.mark(mark == null ? MarkStatus.UNKNOWN : mark ? MarkStatus.CONFIRMED : MarkStatus.ABSENT);
    }
    return snapshot.build();
  }

  static @Nullable String findEmail(String text) {
    Matcher matcher = EMAIL.matcher(text);
    return matcher.find() ? matcher.group() : null;
  }

  private static @Nullable String lower(@Nullable String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  /** OK gives the address as a string or as an object of parts; either is accepted. */
  static @Nullable String address(@Nullable Object value) {
    String text = OkJson.asString(value);
    if (text != null) return text.isBlank() ? null : text.strip();
    Map<String, @Nullable Object> parts = OkJson.asMap(value);
    if (parts == null) return null;
    List<String> out = new ArrayList<>();
    for (String key : ADDRESS_PARTS) {
      String part = OkJson.text(parts, key);
      if (part != null) out.add(part);
    }
    if (out.isEmpty()) {
      for (Object part : parts.values()) {
        String s = OkJson.asString(part);
        if (s != null && !s.isBlank()) out.add(s.strip());
      }
    }
    return out.isEmpty() ? null : String.join(", ", out);
  }

  /**
   * True when the group has its own picture. OK serves a stub image ({@code .../res/stub_...}) for
   * groups without one; that counts as no avatar.
   */
  static @Nullable Boolean hasAvatar(Map<String, @Nullable Object> group) {
    if (!group.containsKey("pic_avatar") && !group.containsKey("main_photo")) return null;
    String avatar = OkJson.text(group, "pic_avatar");
    boolean photo = OkJson.asMap(group.get("main_photo")) != null || OkJson.text(group, "main_photo") != null;
    if (avatar != null && !avatar.toLowerCase(Locale.ROOT).contains("stub")) return true;
    return photo;
  }
}
