package ru.gospubliki.vk.internal;

import com.squareup.moshi.Json;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.Each;

/**
 * The VK answers the adapter reads, as typed classes (VK API 5.199, shapes as VK's API schema
 * documents them), read with {@link ru.gospubliki.internal.http.PlatformJson}'s Moshi. Only the
 * fields the adapter uses; others are skipped. Undocumented fields whose shape is not certain are
 * {@code Object} and interpreted leniently.
 */
public final class VkJson {
  private VkJson() {}

  /** {@code error}: VK's error object. */
  public record Error(
      @Json(name = "error_code") @Nullable Long code,
      @Json(name = "error_msg") @Nullable String message,
      @Json(name = "request_params") @Nullable List<Param> requestParams,
      @Json(name = "captcha_sid") @Nullable String captchaSid,
      @Json(name = "captcha_img") @Nullable String captchaImg,
      @Json(name = "redirect_uri") @Nullable String redirectUri) {}

  /** One echoed request parameter. */
  public record Param(@Nullable String key, @Nullable String value) {}

  /** One failed sub-call of {@code execute}. */
  public record ExecuteError(
      @Nullable String method,
      @Json(name = "error_code") @Nullable Long code,
      @Json(name = "error_msg") @Nullable String message) {}

  /** {@code groups.getById}: the 5.199 object form (older versions answer the bare array). */
  public record Groups(Each<Group> groups) {}

  /** A community ({@code groups_group_full}); undocumented fields as {@code Object}. */
  public record Group(
      @Nullable Long id,
      @Nullable String name,
      @Json(name = "screen_name") @Nullable String screenName,
      @Nullable String type,
      @Json(name = "is_closed") @Nullable Long isClosed,
      @Nullable String deactivated,
      @Nullable String description,
      @Nullable String site,
      @Nullable Object phone,
      @Json(name = "members_count") @Nullable Long membersCount,
      @Nullable Long wall,
      @Json(name = "is_government_organization") @Nullable Object government,
      @Json(name = "trust_mark") @Nullable Object trustMark,
      @Nullable List<Contact> contacts,
      @Nullable Addresses addresses,
      @Nullable Cover cover,
      @Json(name = "photo_200") @Nullable String photo200) {}

  /** {@code groups_contacts_item}. */
  public record Contact(@Nullable String desc, @Nullable String phone, @Nullable String email) {}

  /** {@code groups_addresses_info}. */
  public record Addresses(
      @Json(name = "is_enabled") @Nullable Boolean enabled,
      @Json(name = "main_address") @Nullable Address mainAddress) {}

  /** {@code groups_address}. */
  public record Address(
      @Nullable String address,
      @Nullable City city,
      @Nullable String phone,
      @Nullable Map<String, Day> timetable) {}

  public record City(@Nullable String title) {}

  /** {@code groups_address_timetable_day}: minutes since midnight. */
  public record Day(
      @Json(name = "open_time") @Nullable Long open,
      @Json(name = "close_time") @Nullable Long close,
      @Json(name = "break_open_time") @Nullable Long breakOpen,
      @Json(name = "break_close_time") @Nullable Long breakClose) {}

  /** {@code base_owner_cover}. */
  public record Cover(@Nullable Boolean enabled) {}

  /** {@code wall.get}. */
  public record Wall(@Nullable Long count, Each<Post> items) {}

  /** A wall post ({@code wall_wallpost_full}): what the publication rules read. */
  public record Post(
      @Nullable Long id,
      @Json(name = "owner_id") @Nullable Long ownerId,
      @Json(name = "from_id") @Nullable Long fromId,
      @Nullable Long date,
      @Nullable String text,
      @Nullable List<Attachment> attachments,
      @Json(name = "is_pinned") @Nullable Boolean pinned,
      @Json(name = "marked_as_ads") @Nullable Boolean ads,
      @Json(name = "post_type") @Nullable String postType,
      @Nullable Counter views,
      @Nullable Counter likes,
      @Nullable Counter reposts,
      @Nullable Counter comments,
      @Json(name = "copy_history") @Nullable List<Object> copyHistory) {}

  public record Attachment(@Nullable String type) {}

  public record Counter(@Nullable Long count) {}

  /**
   * One wall page as the adapter's {@code execute} script projects it: parallel arrays, one element
   * per post (see {@link ExecuteScript}). {@code att} and {@code copy} hold type names and ids (or,
   * when VK's nested projection is not trusted, whole attachment and repost objects); {@code a0} and
   * {@code c0} are the first post's, read without nesting, to check the projection.
   */
  public record WallSlice(
      @Nullable Long count,
      @Nullable List<@Nullable Long> id,
      @Nullable List<@Nullable Long> owner,
      @Nullable List<@Nullable Long> from,
      @Nullable List<@Nullable Long> date,
      @Nullable List<@Nullable String> text,
      @Nullable List<@Nullable List<@Nullable Object>> att,
      @Nullable List<@Nullable Boolean> pin,
      @Nullable List<@Nullable Boolean> ads,
      @Nullable List<@Nullable Long> views,
      @Nullable List<@Nullable Long> likes,
      @Nullable List<@Nullable Long> reposts,
      @Nullable List<@Nullable Long> comments,
      @Nullable List<@Nullable List<@Nullable Object>> copy,
      @Nullable List<@Nullable Object> a0,
      @Nullable List<@Nullable Object> c0) {}

  /** {@code utils.resolveScreenName}: {@code []} when the name is free. */
  public record ResolvedName(@Nullable String type, @Json(name = "object_id") @Nullable Long objectId) {}

  /** {@code users.get}. */
  public record User(
      @Nullable Long id,
      @Json(name = "first_name") @Nullable String firstName,
      @Json(name = "last_name") @Nullable String lastName,
      @Json(name = "screen_name") @Nullable String screenName,
      @Nullable String deactivated,
      @Json(name = "photo_200") @Nullable String photo200) {}

  /** {@code wall.post}, {@code wall.edit}. */
  public record PostId(@Json(name = "post_id") @Nullable Long postId) {}

  /** {@code photos.getWallUploadServer}. */
  public record UploadServer(@Json(name = "upload_url") @Nullable String uploadUrl) {}

  /** The upload server's raw answer (not wrapped in {@code response}). */
  public record Uploaded(@Nullable Object server, @Nullable String photo, @Nullable String hash,
      @Nullable Object error) {}

  /** One element of {@code photos.saveWallPhoto}. */
  public record SavedPhoto(
      @Nullable Long id,
      @Json(name = "owner_id") @Nullable Long ownerId,
      @Json(name = "access_key") @Nullable String accessKey) {}

  /** {@code groups.getById} with a user key: whether that user administers the community (schema: is_admin, admin_level). */
  public record Admin(@Nullable Long id, @Json(name = "is_admin") @Nullable Long isAdmin,
      @Json(name = "admin_level") @Nullable Long adminLevel) {}

  /** {@code groups.getById}'s 5.199 answer, read for {@link Admin} only. */
  public record AdminGroups(@Nullable List<Admin> groups) {}
}
