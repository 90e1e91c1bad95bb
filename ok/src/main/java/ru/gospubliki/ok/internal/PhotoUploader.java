package ru.gospubliki.ok.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.ok.OkApiException;
import ru.gospubliki.ok.OkMalformedResponseException;

/**
 * Uploads a topic's photos the way OK documents it: {@code photosV2.getUploadUrl} for the group, one
 * multipart POST of all photos to that URL, and the upload tokens back in the photos' order. The
 * tokens go straight into the topic's attachment; {@code photosV2.commit} is not for group topics.
 */
public final class PhotoUploader {
  private final OkApiClient api;

  public PhotoUploader(OkApiClient api) {
    this.api = api;
  }

  /**
   * Upload tokens for {@code photos} (whose bytes are {@code contents}), in the same order.
   *
   * @throws OkApiException for OK's errors and unreadable answers.
   * @throws IOException when OK could not be reached.
   */
  public List<String> upload(long gid, List<DraftPhoto> photos, List<byte[]> contents) throws IOException {
    if (photos.isEmpty()) return List.of();
    Object answer = api.call("photosV2.getUploadUrl",
        Map.of("gid", Long.toString(gid), "count", Integer.toString(photos.size())));
    Map<String, @Nullable Object> upload = OkJson.asMap(answer);
    String url = upload == null ? null : OkJson.text(upload, "upload_url");
    HttpUrl uploadUrl = url == null ? null : HttpUrl.parse(url);
    if (upload == null || uploadUrl == null) {
      throw new OkMalformedResponseException("photosV2.getUploadUrl", "no upload_url");
    }
    List<String> photoIds = new ArrayList<>();
    List<@Nullable Object> ids = OkJson.asList(upload.get("photo_ids"));
    if (ids != null) ids.forEach(id -> {
      String s = OkJson.asString(id);
      if (s != null) photoIds.add(s);
    });
    Map<String, @Nullable Object> uploaded = OkJson.asMap(api.upload(uploadUrl, photos, contents));
    Map<String, @Nullable Object> byId = uploaded == null ? null : OkJson.asMap(uploaded.get("photos"));
    if (byId == null) throw new OkMalformedResponseException("photo upload", "no photos object");
    List<String> order = photoIds.size() == byId.size() && byId.keySet().containsAll(photoIds)
        ? photoIds
        : new ArrayList<>(byId.keySet());
    List<String> tokens = new ArrayList<>();
    for (String id : order) {
      Map<String, @Nullable Object> photo = OkJson.asMap(byId.get(id));
      String token = photo == null ? null : OkJson.text(photo, "token");
      if (token == null) throw new OkMalformedResponseException("photo upload", "no token for photo " + id);
      tokens.add(token);
    }
    if (tokens.size() != photos.size()) {
      throw new OkMalformedResponseException("photo upload", tokens.size() + " tokens for " + photos.size() + " photos");
    }
    return tokens;
  }

  @Override
  public String toString() {
    return "PhotoUploader";
  }
}
