package ru.gospubliki.examples.sandbox.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/** Reads the parts of a {@code multipart/form-data} upload: their field names and sizes. */
final class Multipart {
  private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");

  static final class Part {
    final String name;
    final long size;

    Part(String name, long size) {
      this.name = name;
      this.size = size;
    }
  }

  private Multipart() {}

  /** The parts, or an empty list when the request is not a readable multipart body. */
  static List<Part> parts(RecordedRequest request) {
    List<Part> parts = new ArrayList<>();
    String type = request.getHeaders().get("Content-Type");
    MediaType mediaType = type == null ? null : MediaType.parse(type);
    String boundary = mediaType == null ? null : mediaType.parameter("boundary");
    ByteString body = request.getBody();
    if (mediaType == null || boundary == null || body == null || !"multipart".equals(mediaType.type())) return parts;
    try (MultipartReader reader = new MultipartReader(new Buffer().write(body), boundary)) {
      MultipartReader.Part part;
      while ((part = reader.nextPart()) != null) {
        String name = name(part.headers().get("Content-Disposition"));
        long size = part.body().readByteString().size();
        if (name != null) parts.add(new Part(name, size));
      }
    } catch (IOException e) {
      return List.of();
    }
    return parts;
  }

  private static @Nullable String name(@Nullable String disposition) {
    if (disposition == null) return null;
    Matcher m = NAME.matcher(disposition);
    return m.find() ? m.group(1) : null;
  }
}
