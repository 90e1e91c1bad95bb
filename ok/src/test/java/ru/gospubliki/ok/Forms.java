package ru.gospubliki.ok;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.RecordedRequest;

/** Decodes the form body a test server received. */
final class Forms {
  private Forms() {}

  static Map<String, String> decode(RecordedRequest request) {
    Map<String, String> result = new LinkedHashMap<>();
    okio.ByteString body = request.getBody();
    String text = body == null ? "" : body.utf8();
    if (text.isEmpty()) return result;
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      result.put(key, value);
    }
    return result;
  }
}
