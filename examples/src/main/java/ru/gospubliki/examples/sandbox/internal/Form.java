package ru.gospubliki.examples.sandbox.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.ByteString;

/** The parameters of an API request: query string plus an {@code x-www-form-urlencoded} body. */
final class Form {
  private Form() {}

  static boolean isForm(RecordedRequest request) {
    String type = request.getHeaders().get("Content-Type");
    return type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
  }

  static boolean hasBody(RecordedRequest request) {
    ByteString body = request.getBody();
    return body != null && body.size() > 0;
  }

  /** Query parameters first, then body parameters (which win on a repeated key). */
  static Map<String, String> params(RecordedRequest request) {
    Map<String, String> params = new LinkedHashMap<>();
    HttpUrl url = request.getUrl();
    for (int i = 0; i < url.querySize(); i++) {
      String value = url.queryParameterValue(i);
      params.put(url.queryParameterName(i), value == null ? "" : value);
    }
    ByteString body = request.getBody();
    if (body != null && isForm(request)) {
      for (String pair : body.string(StandardCharsets.UTF_8).split("&")) {
        if (pair.isEmpty()) continue;
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        params.put(decode(key), decode(value));
      }
    }
    return params;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
