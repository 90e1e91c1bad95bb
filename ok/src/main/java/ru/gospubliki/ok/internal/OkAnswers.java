package ru.gospubliki.ok.internal;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.Each;
import ru.gospubliki.internal.http.PlatformJson;

/**
 * OK's answers as typed classes, read with the transport's Moshi ({@link PlatformJson}: ids as
 * numbers or strings, booleans in every form PHP sends) plus OK's own quirks: a group address given
 * as a string or as an object of parts, {@code group.getInfo} answered as a bare array or as {@code
 * {"groups":[...]}}, {@code mediatopic.post} answered with a bare topic id, changes confirmed with
 * {@code true} or {@code {"success":true}}. A value of another shape is a {@link JsonDataException}
 * naming its JSON path.
 */
public final class OkAnswers {
  private static final Moshi MOSHI = PlatformJson.moshi().newBuilder()
      .add(Address.class, new AddressAdapter())
      .build();

  /** {@code group.getInfo}'s groups, in either form. */
  public static final JsonAdapter<Each<Group>> GROUPS = new GroupsAdapter(
      MOSHI.adapter(Types.newParameterizedType(Each.class, Group.class)), MOSHI.adapter(GroupsObject.class));
  public static final JsonAdapter<UrlInfo> URL_INFO = MOSHI.adapter(UrlInfo.class);
  public static final JsonAdapter<TopicsPage> TOPICS = MOSHI.adapter(TopicsPage.class);
  public static final JsonAdapter<UploadUrl> UPLOAD_URL = MOSHI.adapter(UploadUrl.class);
  public static final JsonAdapter<Uploaded> UPLOADED = MOSHI.adapter(Uploaded.class);
  public static final JsonAdapter<ErrorBody> ERROR = MOSHI.adapter(ErrorBody.class);
  /** {@code mediatopic.post}'s bare topic id, as text (validated by the caller). */
  public static final JsonAdapter<String> TOPIC_ID = new TopicIdAdapter();
  /** {@code true}, {@code "true"}, {@code 1} or {@code {"success":true}}. */
  public static final JsonAdapter<Boolean> CONFIRMATION =
      new ConfirmationAdapter(MOSHI.adapter(Boolean.class), MOSHI.adapter(Success.class));

  private OkAnswers() {}

  /** OK's error body: {@code {"error_code":104,"error_msg":"PARAM_SIGNATURE : ...","error_data":null}}. */
  public record ErrorBody(@Json(name = "error_code") @Nullable Integer errorCode,
      @Json(name = "error_msg") @Nullable String errorMsg) {}

  /** {@code url.getInfo}: {@code {"objectId":53350000000001,"type":"GROUP"}}. */
  public record UrlInfo(@Nullable Long objectId, @Nullable String type) {}

  /** One group of {@code group.getInfo}, with the fields {@link ProfileMapper#FIELDS} asks for. */
  public record Group(
      @Nullable Long uid,
      @Nullable String name,
      @Nullable String description,
      @Nullable String shortname,
      @Nullable Address address,
      @Nullable String phone,
      @Json(name = "homepage_url") @Nullable String homepageUrl,
      @Json(name = "members_count") @Nullable Long membersCount,
      @Json(name = "access_type") @Nullable String accessType,
      @Json(name = "pic_avatar") @Nullable String picAvatar,
      @Json(name = "main_photo") @Nullable Photo mainPhoto,
      @Json(name = "gos_org") @Nullable Boolean gosOrg) {}

  /** The documented form of {@code group.getInfo}'s answer. */
  public record GroupsObject(@Nullable Each<Group> groups) {}

  /** A group's main photo; only its presence matters. */
  public record Photo(@Nullable String id) {}

  /** A group address, as one line of text. */
  public record Address(String text) {}

  /**
   * One page of {@code mediatopic.getTopics}: newest first, with the {@code anchor} to ask for the
   * next page and whether there is one.
   */
  public record TopicsPage(
      @Json(name = "media_topics") @Nullable Each<Topic> mediaTopics,
      @Nullable String anchor,
      @Json(name = "has_more") @Nullable Boolean hasMore) {}

  /** One media topic. */
  public record Topic(
      @Nullable String id,
      @Json(name = "created_ms") @Nullable Long createdMs,
      @Json(name = "author_ref") @Nullable String authorRef,
      @Nullable List<Media> media,
      @Json(name = "is_sticky") @Nullable Boolean isSticky,
      @Nullable Boolean pinned,
      @Json(name = "like_summary") @Nullable Summary likeSummary,
      @Json(name = "discussion_summary") @Nullable Summary discussionSummary,
      @Json(name = "reshare_summary") @Nullable Summary reshareSummary,
      @Json(name = "views_summary") @Nullable Summary viewsSummary,
      @Json(name = "views_count") @Nullable Long viewsCount) {}

  /** A topic's counter: {@code {"count":15}}, or {@code {"comments_count":4}} for discussions. */
  public record Summary(@Nullable Long count, @Json(name = "comments_count") @Nullable Long commentsCount) {}

  /**
   * One block of a topic: {@code text} with its text, {@code photo} with its photos ({@code list}
   * as posted, {@code photo_refs} as OK lists them), {@code link} with its url, and others.
   */
  public record Media(
      @Nullable String type,
      @Nullable String text,
      @Nullable String url,
      @Nullable List<PhotoItem> list,
      @Json(name = "photo_refs") @Nullable List<String> photoRefs) {}

  /** A photo of a {@code photo} block: {@code {"id":"..."}}. */
  public record PhotoItem(@Nullable String id) {}

  /** {@code photosV2.getUploadUrl}: {@code {"upload_url":"https://...","photo_ids":["..."],"expires_ms":...}}. */
  public record UploadUrl(@Json(name = "upload_url") @Nullable String uploadUrl,
      @Json(name = "photo_ids") @Nullable List<String> photoIds) {}

  /** The upload server's answer: {@code {"photos":{"<photo_id>":{"token":"..."}}}}. */
  public record Uploaded(@Nullable Map<String, UploadedPhoto> photos) {}

  /** One uploaded photo's token, to put in a topic's photo block. */
  public record UploadedPhoto(@Nullable String token) {}

  /** {@code {"success":true}}. */
  public record Success(@Nullable Boolean success) {}

  /** A string, or an object of parts joined in the usual order (zip, city, street, house...). */
  static final class AddressAdapter extends JsonAdapter<Address> {
    private static final List<String> PARTS =
        List.of("zip", "zipCode", "country", "region", "city", "street", "house", "building", "apartment");

    @Override
    public @Nullable Address fromJson(JsonReader reader) throws IOException {
      return switch (reader.peek()) {
        case NULL -> reader.nextNull();
        case STRING, NUMBER -> address(reader.nextString());
        case BEGIN_ARRAY -> {
          String path = reader.getPath();
          reader.beginArray();
          if (reader.hasNext()) throw new JsonDataException("Expected an address but was a non-empty array at path " + path);
          reader.endArray();
          yield null;
        }
        case BEGIN_OBJECT -> parts(reader);
        default -> throw new JsonDataException("Expected an address (a string or an object) but was " + reader.peek()
            + " at path " + reader.getPath());
      };
    }

    private static @Nullable Address parts(JsonReader reader) throws IOException {
      Map<String, String> known = new LinkedHashMap<>();
      List<String> other = new ArrayList<>();
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        JsonReader.Token token = reader.peek();
        if (token != JsonReader.Token.STRING && token != JsonReader.Token.NUMBER) {
          reader.skipValue();
          continue;
        }
        String value = reader.nextString().strip();
        if (value.isEmpty()) continue;
        if (PARTS.contains(name)) known.put(name, value);
        else other.add(value);
      }
      reader.endObject();
      List<String> parts = new ArrayList<>();
      for (String key : PARTS) {
        String value = known.get(key);
        if (value != null) parts.add(value);
      }
      return address(String.join(", ", parts.isEmpty() ? other : parts));
    }

    private static @Nullable Address address(String text) {
      String stripped = text.strip();
      return stripped.isEmpty() ? null : new Address(stripped);
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Address value) throws IOException {
      writer.value(value == null ? null : value.text());
    }
  }

  /** A bare array of groups, or {@code {"groups":[...]}}. */
  static final class GroupsAdapter extends JsonAdapter<Each<Group>> {
    private final JsonAdapter<Each<Group>> array;
    private final JsonAdapter<GroupsObject> object;

    GroupsAdapter(JsonAdapter<Each<Group>> array, JsonAdapter<GroupsObject> object) {
      this.array = array;
      this.object = object;
    }

    @Override
    public Each<Group> fromJson(JsonReader reader) throws IOException {
      return switch (reader.peek()) {
        case BEGIN_ARRAY -> {
          Each<Group> groups = array.fromJson(reader);
          yield groups == null ? Each.empty() : groups;
        }
        case BEGIN_OBJECT -> {
          GroupsObject answer = object.fromJson(reader);
          Each<Group> groups = answer == null ? null : answer.groups();
          yield groups == null ? Each.<Group>empty() : groups;
        }
        default -> throw new JsonDataException("Expected an array of groups or {\"groups\":[...]} but was "
            + reader.peek() + " at path " + reader.getPath());
      };
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Each<Group> value) throws IOException {
      array.toJson(writer, value);
    }
  }

  /** A topic id as OK sends it: a string of digits, or a number. */
  static final class TopicIdAdapter extends JsonAdapter<String> {
    @Override
    public String fromJson(JsonReader reader) throws IOException {
      JsonReader.Token token = reader.peek();
      if (token != JsonReader.Token.STRING && token != JsonReader.Token.NUMBER) {
        throw new JsonDataException("Expected a topic id but was " + token + " at path " + reader.getPath());
      }
      return reader.nextString();
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable String value) throws IOException {
      writer.value(value);
    }
  }

  /** A bare boolean or {@code {"success":...}}. */
  static final class ConfirmationAdapter extends JsonAdapter<Boolean> {
    private final JsonAdapter<Boolean> bool;
    private final JsonAdapter<Success> object;

    ConfirmationAdapter(JsonAdapter<Boolean> bool, JsonAdapter<Success> object) {
      this.bool = bool;
      this.object = object;
    }

    @Override
    public Boolean fromJson(JsonReader reader) throws IOException {
      Boolean confirmed;
      String path = reader.getPath();
      if (reader.peek() == JsonReader.Token.BEGIN_OBJECT) {
        Success success = object.fromJson(reader);
        confirmed = success == null ? null : success.success();
        path = path + ".success";
      } else {
        confirmed = bool.fromJson(reader);
      }
      if (confirmed == null) throw new JsonDataException("Expected true or false but was nothing at path " + path);
      return confirmed;
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Boolean value) throws IOException {
      writer.value(value);
    }
  }
}
