package ru.gospubliki.ok.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.Emails;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PageState;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.ProfileField;
import ru.gospubliki.model.ProfileSnapshot;

/**
 * Maps one group of a {@code group.getInfo} answer to a {@link ProfileSnapshot}. Every scan of
 * OK's text here runs in time linear in its length, whatever the text.
 */
public final class ProfileMapper {
  /** The fields the profile rules need, as {@code group.getInfo} names them. */
  public static final String FIELDS = "uid,name,description,shortname,address,phone,homepage_url,"
      + "members_count,access_type,pic_avatar,main_photo,gos_org";

  /** The longest local part and domain of an email address (RFC 5321). */
  private static final int MAX_LOCAL = 64;
  private static final int MAX_DOMAIN = 253;

  private ProfileMapper() {}

  /** The snapshot of {@code group}, whose {@code uid} the caller has checked, read at {@code takenAt}. */
  public static ProfileSnapshot map(OkAnswers.Group group, long uid, Instant takenAt) {
    ProfileSnapshot.Builder snapshot = ProfileSnapshot.builder()
        .page(PageRef.of(PlatformId.OK, Long.toString(uid)))
        .name(text(group.name()))
        .screenName(lower(text(group.shortname())))
        .postalAddress(group.address() == null ? null : group.address().text())
        .website(text(group.homepageUrl()))
        .isCommunity(true)
        .members(group.membersCount())
        .takenAt(takenAt)
        // OK has no work-hours field and no cover flag.
        .addUnavailableFields(ProfileField.WORK_HOURS, ProfileField.COVER);
    String description = text(group.description());
    snapshot.description(description);
    String email = description == null ? null : findEmail(description);
    if (email != null) {
      snapshot.email(email);
    } else {
      // No email field on OK: without one in the description, it is unknown, not missing.
      snapshot.addUnavailableFields(ProfileField.EMAIL);
    }
    snapshot.addAllPhones(phones(group.phone()));
    snapshot.hasAvatar(hasAvatar(group));
    String access = text(group.accessType());
    if (access != null) {
      switch (access.toUpperCase(Locale.ROOT)) {
        case "OPEN" -> snapshot.state(PageState.OPEN);
        case "CLOSED" -> snapshot.state(PageState.CLOSED);
        case "SECRET" -> snapshot.state(PageState.PRIVATE);
        default -> { } // Another kind of access: the state stays unknown.
      }
    }
    // The government mark: absent (not reported) is unknown, not "no mark".
    Boolean mark = group.gosOrg();
    if (mark != null) snapshot.mark(mark ? MarkStatus.CONFIRMED : MarkStatus.ABSENT);
    return snapshot.build();
  }

  /**
   * The phones of OK's phone field, which may list several separated by commas or semicolons. A
   * split by hand: a regular expression around the separators would rescan long runs of spaces.
   */
  static List<String> phones(@Nullable String field) {
    List<String> phones = new ArrayList<>();
    if (field == null) return phones;
    int start = 0;
    for (int i = 0; i <= field.length(); i++) {
      if (i == field.length() || field.charAt(i) == ',' || field.charAt(i) == ';') {
        String part = text(field.substring(start, i));
        if (part != null) phones.add(part);
        start = i + 1;
      }
    }
    return phones;
  }

  /**
   * The first valid email address in {@code text}, found in linear time: from each {@code @}, the
   * address can reach back at most {@value #MAX_LOCAL} characters and forward at most {@value
   * #MAX_DOMAIN}, so every character is looked at a bounded number of times; each candidate is
   * checked with core's address rules.
   */
  static @Nullable String findEmail(String text) {
    int at = text.indexOf('@');
    while (at >= 0) {
      int start = at;
      while (start > 0 && at - start < MAX_LOCAL && isLocal(text.charAt(start - 1))) start--;
      int end = at + 1;
      while (end < text.length() && end - at - 1 < MAX_DOMAIN && isDomain(text.charAt(end))) end++;
      // Sentence punctuation after the address is not part of it.
      while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) end--;
      while (start < at && text.charAt(start) == '.') start++;
      if (start < at && end > at + 1) {
        String candidate = text.substring(start, end);
        if (Emails.isValid(candidate)) return candidate;
      }
      at = text.indexOf('@', at + 1);
    }
    return null;
  }

  private static boolean isLocal(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }

  private static boolean isDomain(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '-';
  }

  /**
   * True when the group has its own picture. OK serves a stub image ({@code .../res/stub_...}) for
   * groups without one; that counts as no avatar. Null when OK sent neither field.
   */
  static @Nullable Boolean hasAvatar(OkAnswers.Group group) {
    String avatar = text(group.picAvatar());
    if (avatar == null && group.mainPhoto() == null) return null;
    if (avatar != null && !avatar.toLowerCase(Locale.ROOT).contains("stub")) return true;
    return group.mainPhoto() != null;
  }

  /**
   * {@code value} without surrounding spaces of any kind (non-breaking and other Unicode spaces
   * too, which {@link String#strip()} keeps); null for absent values and values made only of spaces.
   */
  static @Nullable String text(@Nullable String value) {
    if (value == null) return null;
    int start = 0;
    int end = value.length();
    while (start < end && isSpace(value.charAt(start))) start++;
    while (end > start && isSpace(value.charAt(end - 1))) end--;
    return start == end ? null : value.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff';
  }

  private static @Nullable String lower(@Nullable String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }
}
