package ru.gospubliki.ok.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.CallFailure;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.ok.OkApiException;

/**
 * Uploads a topic's photos the way OK documents it: {@code photosV2.getUploadUrl} for the group, one
 * multipart POST of all photos to that URL, and the upload tokens back in the photos' order. The
 * tokens go straight into the topic's attachment; {@code photosV2.commit} is not for group topics.
 */
public final class PhotoUploader {
  private static final String GET_URL = "photosV2.getUploadUrl";
  private static final String UPLOAD = "загрузка фото";

  private final OkClient client;

  public PhotoUploader(OkClient client) {
    this.client = client;
  }

  /**
   * The first of {@code photos} that cannot be opened, with why, or null when all can: checked
   * before anything is sent.
   */
  public static @Nullable String unreadable(List<DraftPhoto> photos) {
    for (DraftPhoto photo : photos) {
      try (InputStream in = photo.open()) {
        in.available();
      } catch (IOException e) {
        return "фото «" + photo.fileName() + "» не прочитано (" + e.getClass().getSimpleName() + ")";
      }
    }
    return null;
  }

  /**
   * Upload tokens for {@code photos}, in the same order.
   *
   * @throws OkApiException for OK's errors and answers that are not the documented ones.
   * @throws CallFailure when OK or its upload server could not be reached.
   */
  public List<String> upload(OkToken token, long gid, List<DraftPhoto> photos)
      throws CallFailure, InterruptedIOException {
    if (photos.isEmpty()) return List.of();
    OkAnswers.UploadUrl answer = client.read(token, GET_URL,
        Map.of("gid", Long.toString(gid), "count", Integer.toString(photos.size())), OkAnswers.UPLOAD_URL);
    String url = ProfileMapper.text(answer.uploadUrl());
    HttpUrl uploadUrl = url == null ? null : HttpUrl.parse(url);
    if (uploadUrl == null) throw OkErrors.malformed(GET_URL, "нет адреса загрузки (upload_url)", null);
    List<String> photoIds = answer.photoIds() == null ? List.of() : answer.photoIds();
    OkAnswers.Uploaded uploaded = client.upload(uploadUrl, photos);
    Map<String, OkAnswers.UploadedPhoto> byId = uploaded.photos();
    if (byId == null) throw OkErrors.malformed(UPLOAD, "нет загруженных фото (photos)", null);
    List<String> order = photoIds.size() == byId.size() && byId.keySet().containsAll(photoIds)
        ? photoIds
        : new ArrayList<>(byId.keySet());
    List<String> tokens = new ArrayList<>();
    for (String id : order) {
      OkAnswers.UploadedPhoto photo = byId.get(id);
      String uploadToken = photo == null ? null : ProfileMapper.text(photo.token());
      if (uploadToken == null) throw OkErrors.malformed(UPLOAD, "нет кода загрузки (token) для фото " + id, null);
      tokens.add(uploadToken);
    }
    if (tokens.size() != photos.size()) {
      throw OkErrors.malformed(UPLOAD, "загружено " + tokens.size() + " фото из " + photos.size(), null);
    }
    return tokens;
  }

  @Override
  public String toString() {
    return "PhotoUploader";
  }
}
